"""Shared figure conventions: layout defaults, the annotated empty figure, the PNG file name."""

from __future__ import annotations

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


def base_layout(figure: go.Figure, *, title: str, x_title: str | None = None,
                y_title: str | None = None, height: int = 420) -> go.Figure:
    """Title (wrapped), axis titles, readable margins, legend under the axis title (phones: it wraps)."""
    wrapped = wrap_title(title)
    figure.update_layout(
        title={"text": wrapped, "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "yref": "container"},
        height=height + 22 * wrapped.count("<br>"), font={"family": FONT},
        margin={"l": 10, "r": 10, "t": 60 + 22 * wrapped.count("<br>"), "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.28 if x_title else -0.12, "x": 0},
        hoverlabel={"align": "left"},
    )
    figure.update_xaxes(title_text=x_title)
    figure.update_yaxes(title_text=y_title)
    return figure


def build_empty_figure(message: str, *, title: str = "") -> go.Figure:
    """A figure with no data that says why, instead of empty axes."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                          font={"size": 15})
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return base_layout(figure, title=title, height=260)


def chart_config(file_name: str) -> dict:
    """Plotly config for st.plotly_chart: a meaningful PNG file name for the toolbar download."""
    return {"toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
            "displaylogo": False}
