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
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    return app


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
    """Markdown-escaped text as the user reads it ('\\$11\\.5' -> '$11.5')."""
    import re

    return re.sub(r"\\(.)", r"\1", text)
