"""Shared figure conventions: the layout, the annotated empty figure, the PNG file name.

Builders describe a figure as plain dicts (traces and a layout) and turn it into a
`go.Figure` once, with `make_figure`: Plotly validates the whole figure in one pass (about
8 ms for the 129-meeting timeline) instead of on every `add_trace`/`update_*` call (about
110 ms for the same figure built step by step).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

# No Plotly template: Streamlit draws every chart in its own theme (st.plotly_chart's default
# theme="streamlit"), so a template is never seen, yet applying one costs about 7 ms per figure
# (and 2 ms for each go.Figure() under the default template): most of a page's figure time.
pio.templates.default = None

FONT = "Source Sans Pro, Arial, sans-serif"
PALETTE = ["#1f6f8b", "#e07a1f", "#5a9e4b", "#a8488a", "#7f7f7f", "#c23b3b", "#3b6cc2", "#b59a2a"]


TITLE_LINE = 52  # characters: a title longer than this is broken into lines, so a phone shows it whole


def wrap_title(title: str, width: int = TITLE_LINE) -> str:
    """Break a chart title into lines of at most `width` characters, at spaces (Plotly never wraps)."""
    lines: list[str] = []
    for word in title.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def escape_text(text: object) -> str:
    """Plotly text (titles, hover, annotations) is HTML-like: show data text as text."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def layout(*, title: str, x_title: str | None = None, y_title: str | None = None, height: int = 420,
           xaxis: dict | None = None, yaxis: dict | None = None, **extra: Any) -> dict:
    """Title (wrapped), axis titles, readable margins, legend under the axis title (phones: it wraps)."""
    wrapped = wrap_title(title)
    extra_lines = wrapped.count("<br>")
    return {
        "title": {"text": wrapped, "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "yref": "container"},
        "height": height + 22 * extra_lines, "font": {"family": FONT},
        "margin": {"l": 10, "r": 10, "t": 60 + 22 * extra_lines, "b": 10},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.28 if x_title else -0.12, "x": 0},
        "hoverlabel": {"align": "left"},
        "xaxis": {**(xaxis or {}), "title": {"text": x_title}},
        "yaxis": {**(yaxis or {}), "title": {"text": y_title}},
        **extra,
    }


def make_figure(traces: list[dict], figure_layout: dict) -> go.Figure:
    """The figure from its traces and layout, validated once."""
    return go.Figure({"data": traces, "layout": figure_layout})


def build_empty_figure(message: str, *, title: str = "") -> go.Figure:
    """A figure with no data that says why, instead of empty axes."""
    annotation = {"text": message, "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
                  "font": {"size": 15}}
    return make_figure([], layout(title=title, height=260, xaxis={"visible": False}, yaxis={"visible": False},
                                  annotations=[annotation]))


def chart_config(file_name: str) -> dict:
    """Plotly config for st.plotly_chart: a meaningful PNG file name for the toolbar download."""
    return {"toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
            "displaylogo": False}
