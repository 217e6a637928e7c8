"""Initiative figure: each initiative's status history over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import base_layout, build_empty_figure
from components.initiatives import STATUS_LABELS

STATUS_COLOURS = {"proposed": "#9ecae1", "negotiated": "#6baed6", "adopted": "#2171b5", "signed": "#08519c",
                  "ratified": "#5a9e4b", "in-force": "#2e7d32", "stalled": "#c23b3b", "update": "#bbbbbb"}


def _escape(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_history_figure(steps: pd.DataFrame, order: list[str]) -> go.Figure:
    """One lane per initiative: a grey line through its steps, a marker per step coloured by status."""
    title = "Status of the initiatives over time"
    if steps.empty:
        return build_empty_figure("No initiatives match the filters.", title=title)
    figure = go.Figure()
    for name, rows in steps.groupby("name", sort=False):
        figure.add_trace(go.Scatter(x=rows["date"], y=[name] * len(rows), mode="lines", showlegend=False,
                                    line={"color": "#dddddd", "width": 2}, hoverinfo="skip"))
    for status, colour in STATUS_COLOURS.items():
        rows = steps[steps["status"] == status]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows["date"], y=rows["name"], mode="markers", name=STATUS_LABELS[status],
            marker={"size": 11, "color": colour, "line": {"width": 1, "color": "white"}},
            hovertext=[f"<b>{_escape(row['name'])}</b><br>{row['date_text']}: {STATUS_LABELS[status]}<br>"
                       f"{_escape(row['description'])}" for _, row in rows.iterrows()],
            hoverinfo="text", customdata=rows["initiative"]))
    figure.update_yaxes(categoryorder="array", categoryarray=list(reversed(order)), automargin=True)
    return base_layout(figure, title=title, x_title="Date", height=max(320, 80 + 26 * len(order)))
