"""Shared figure conventions: the layout, the annotated empty figure, the PNG file name.

Builders describe a figure as plain dicts (traces and a layout) and turn it into a
`go.Figure` once, with `make_figure`: Plotly validates the whole figure in one pass (about
8 ms for the 129-meeting timeline) instead of on every `add_trace`/`update_*` call (about
110 ms for the same figure built step by step).
"""

from __future__ import annotations

import html
import textwrap
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from components.i18n.formats import is_source_language

# No Plotly template: Streamlit draws every chart in its own theme (st.plotly_chart's default
# theme="streamlit"), so a template is never seen, yet applying one costs about 7 ms per figure
# (and 2 ms for each go.Figure() under the default template): most of a page's figure time.
pio.templates.default = None

FONT = "Source Sans Pro, Arial, sans-serif"
PALETTE = ["#1f6f8b", "#e07a1f", "#5a9e4b", "#a8488a", "#7f7f7f", "#c23b3b", "#3b6cc2", "#b59a2a"]


LEGEND_GAP, LEGEND_GAP_WITH_AXIS_TITLE = 42, 96  # pixels from the plot area down to the legend
TITLE_LINE = 52  # characters: a title longer than this is broken into lines, so a phone shows it whole


def wrap_title(title: str, width: int = TITLE_LINE) -> str:
    """Break a chart title into lines of at most `width` characters, at spaces (Plotly never wraps);
    a word longer than a line stays whole."""
    return "<br>".join(textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False))


def data_array(values: list) -> np.ndarray:
    """A trace's per-point values (text, ids, dates as text; None for a gap) as a NumPy array:
    Plotly checks and deep-copies a list element by element, an array as a whole. On the 100x
    data that was half the timeline's build."""
    return np.array(values, dtype=object)


def escape_text(text: object) -> str:
    """Plotly text (titles, hover, annotations) is HTML-like: show data text as text."""
    return html.escape(str(text), quote=False)


def layout(*, title: str, x_title: str | None = None, y_title: str | None = None, height: int = 420,
           xaxis: dict | None = None, yaxis: dict | None = None, **extra: Any) -> dict:
    """Title (wrapped), axis titles, readable margins, legend under the axis title (phones: it wraps)."""
    wrapped = wrap_title(title)
    extra_lines = wrapped.count("<br>")
    total_height, top = height + 22 * extra_lines, 60 + 22 * extra_lines
    plot_height = max(total_height - top - 10, 100)
    legend_gap = LEGEND_GAP_WITH_AXIS_TITLE if x_title else LEGEND_GAP  # pixels below the plot area
    return {
        "title": {"text": wrapped, "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "yref": "container"},
        "height": total_height, "font": {"family": FONT},
        "margin": {"l": 10, "r": 10, "t": top, "b": 10},
        "legend": {"orientation": "h", "yanchor": "top", "y": -legend_gap / plot_height, "x": 0},
        "hoverlabel": {"align": "left"},
        "xaxis": {**(xaxis or {}), "title": {"text": x_title}},
        "yaxis": {**(yaxis or {}), "title": {"text": y_title}},
        **extra,
    }


LANE_LABEL = 48  # characters per line of a lane's label; two lines at most, then "…" (the hover has it all)
LANE_HEIGHT = {1: 26, 2: 36}  # pixels per lane, by the most lines any label takes


def lane_label(name: str) -> str:
    """A lane's label: the name on one or two lines of at most LANE_LABEL characters."""
    lines = wrap_title(name, LANE_LABEL).split("<br>")
    if len(lines) > 2:
        lines = [lines[0], lines[1][:LANE_LABEL - 1].rstrip() + "…"]
    return "<br>".join(lines)


def date_axis() -> dict:
    """A time axis whose tick labels read in every language: in English Plotly's own ('Jan 2024'), in any
    other numbers only ('01.2024'), since Plotly would write month names in English at every zoom."""
    if is_source_language():
        return {}
    return {"tickformatstops": [
        {"dtickrange": [None, 86_400_000], "value": "%d.%m.%Y %H:%M"},
        {"dtickrange": [86_400_000, "M1"], "value": "%d.%m.%Y"},
        {"dtickrange": ["M1", "M12"], "value": "%m.%Y"},
        {"dtickrange": ["M12", None], "value": "%Y"}]}


def lane_axis(lanes: list[str]) -> dict:
    """A category axis with one lane per name, top to bottom in the given order, labels wrapped.

    The lanes' values stay the names themselves (escaped for Plotly: they come from the data);
    only the labels shown are broken into lines."""
    shown = [escape_text(lane) for lane in reversed(lanes)]
    return {"categoryorder": "array", "categoryarray": shown, "tickvals": shown,
            "ticktext": [lane_label(lane) for lane in shown], "automargin": True}


def lanes_height(axis: dict, base: int) -> int:
    """Room for every lane of a `lane_axis` and its label (the labels it already wrapped)."""
    labels = axis["ticktext"]
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    return base + LANE_HEIGHT[lines] * len(labels)


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
