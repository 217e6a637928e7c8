"""Helpers for AppTest page tests: start a page, decode Plotly charts."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT

APP = str(PROJECT / "dashboard.py")


def open_page(page: str | None = None, **query: str | list[str]) -> AppTest:
    """Run the app (on `page`, e.g. 'pages/trade.py') with the given query parameters."""
    app = AppTest.from_file(APP, default_timeout=60)
    if page:  # AppTest can only switch pages after a first run, which seeds the sidebar's filters
        _set_query(app, query)
        app.run()
        app.switch_page(page)
    _set_query(app, query)
    return app.run()


def _set_query(app: AppTest, query: dict) -> None:
    for key in list(app.query_params):
        del app.query_params[key]
    for key, value in query.items():
        app.query_params[key] = value


def share_link(app: AppTest) -> str:
    """The link the Share control offers (the first code block of its popover)."""
    return app.get("popover")[0].code[0].value


def notices(app: AppTest) -> list[str]:
    """The captions that say what part of a link was ignored or that the data changed."""
    return [plain(caption.value) for caption in app.caption
            if caption.value.startswith((":material/link_off:", ":material/update:"))]


def frame_with(app: AppTest, column: str):
    """The first table on the page that has this column (e.g. the meeting list's `start`)."""
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def _decode(value):
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def chart_figures(app: AppTest) -> list[dict]:
    """The Plotly figures on the page as plain dicts, numeric arrays decoded."""
    return [_decode(json.loads(chart.proto.spec)) for chart in app.get("plotly_chart")]


def traces_by_name(figure: dict) -> dict[str, dict]:
    return {trace.get("name"): trace for trace in figure["data"]}


def plain(text: str) -> str:
    """Markdown-escaped text as the user reads it ('\\$11\\.5' -> '$11.5'; the invisible word joiners
    that break autolinks and shortcodes dropped)."""
    import re

    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")


def title_of(figure: dict) -> str:
    """A chart's title as one line (builders break long titles with <br>)."""
    return figure["layout"]["title"]["text"].replace("<br>", " ")
