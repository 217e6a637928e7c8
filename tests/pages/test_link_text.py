"""Text from a link never becomes a link or an icon in the app's own notices (AppTest, real data).

The notice quotes what was ignored, the Sources page quotes the search: both are Markdown, where
an address, `www.`, a mail address or a `:shortcode:` would turn live unless escaped.
"""

from __future__ import annotations

import pytest

from tests.apptest_helpers import notices, open_page, plain
from tests.ui.test_markdown import live_markup

IGNORED_PREFIX = ":material/link_off: Part of the link was ignored: "  # the app's own icon


@pytest.mark.parametrize("query, quoted", [
    ({"zz": "https://evil.example/phish"}, "zz=https://evil.example/phish"),
    ({"v": "www.evil.example"}, "v=www.evil.example"),
    ({"zz": ":material/warning:"}, "zz=:material/warning:"),
    ({"zz": "write to phisher@evil.example"}, "zz=write to phisher@evil.example"),
    ({"zz": ":smile: [Official](https://evil.example/)"}, "zz=:smile: [Official](https://evil.exa"),
])
@pytest.mark.parametrize("page", [None, "pages/meetings.py"])
def test_the_ignored_notice_quotes_link_text_without_links_or_icons(page, query, quoted):
    app = open_page(page, **query)
    assert not app.exception
    notice = next(caption.value for caption in app.caption if "link was ignored" in caption.value)
    assert notice.startswith(IGNORED_PREFIX)
    assert live_markup(notice.removeprefix(IGNORED_PREFIX)) == []
    assert quoted in plain(notices(app)[0])


def test_the_sources_search_is_quoted_without_a_link():
    text = "see https://evil.example now"
    app = open_page("pages/sources.py", q=text)
    message = next(info.value for info in app.info if "No source matches" in info.value)
    assert live_markup(message) == []
    assert f"No source matches “{text}”" in plain(message)
