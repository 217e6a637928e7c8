"""The server settings in .streamlit/config.toml close what Streamlit's settings can close.

What only a reverse proxy can close (the `clear_cache` websocket message, `/_stcore/metrics`, static
paths with over-long segments) is written down in README ("Robustness"), which this test also checks.
"""

from __future__ import annotations

import tomllib

from streamlit import config as streamlit_config

from tests.conftest import PROJECT

CONFIG = PROJECT / ".streamlit" / "config.toml"
CLOSED = {
    "browser.gatherUsageStats": False,  # no calls out to a metrics host
    "server.enableXsrfProtection": True,  # uploads and other posts need the session's XSRF token
    "server.enableCORS": True,  # other origins get no CORS grant
    "server.maxUploadSize": 0,  # the dashboard has no file upload: nothing can be parked in memory
    "server.runOnSave": False,  # a client cannot ask for reruns on code changes
    "server.enableAgentApi": False,  # the experimental agent API stays off
}


def _settings() -> dict[str, object]:
    with CONFIG.open("rb") as file:
        sections = tomllib.load(file)
    return {f"{section}.{name}": value for section, options in sections.items() if isinstance(options, dict)
            for name, value in options.items()}


def test_the_settings_that_close_a_door_are_set():
    settings = _settings()
    assert {name: settings.get(name) for name in CLOSED} == CLOSED


def test_every_setting_is_one_streamlit_knows():
    known = streamlit_config.get_config_options()
    unknown = [name for name in _settings() if name not in known]
    assert unknown == []


def test_the_readme_says_what_only_a_proxy_can_close():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    robustness = readme[readme.index("## Robustness"):]
    robustness = robustness[:robustness.index("\n## ", 1)]
    for fragment in ("clear_cache", "/_stcore/metrics", "255", ".streamlit/config.toml"):
        assert fragment in robustness, fragment
