"""Meeting figures: the timeline (one lane per format) and the map of where meetings took place."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts import base_layout, build_empty_figure
from components.meetings import LEVEL_LABELS, format_date_range, place_label

LEVEL_SYMBOLS = {"heads-of-state": "star", "ministers": "diamond", "deputy-ministers": "square",
                 "officials": "circle", "parliament": "triangle-up", "other": "hexagon"}
STATUS_STYLES = {  # (colour, open marker?)
    "held": ("#1f6f8b", False),
    "scheduled": ("#e07a1f", True),
    "postponed": ("#7f7f7f", True),
    "cancelled": ("#c23b3b", True),
}


def _escape(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def meeting_hover(row: pd.Series) -> str:
    return (f"<b>{_escape(row['title'])}</b><br>{format_date_range(row['start_text'], row['end_text'])}<br>"
            f"{_escape(place_label(row))}<br>{LEVEL_LABELS[str(row['level'])]} · {row['status']}")


def _status_trace(rows: pd.DataFrame, status: str) -> go.Scatter:
    colour, open_marker = STATUS_STYLES[status]
    symbols = [LEVEL_SYMBOLS[str(level)] + ("-open" if open_marker else "") for level in rows["level"]]
    label = "upcoming (scheduled)" if status == "scheduled" else status
    return go.Scatter(
        x=rows["start"], y=rows["format_name"], mode="markers", name=label,
        marker={"symbol": symbols, "size": 12, "color": colour, "line": {"width": 1.5, "color": colour}},
        hovertext=[meeting_hover(row) for _, row in rows.iterrows()], hoverinfo="text",
        customdata=rows["id"],
    )


def build_timeline_figure(meetings: pd.DataFrame, lanes: list[str], *, today: pd.Timestamp) -> go.Figure:
    """Dated meetings on a time axis, one lane per format; symbol = level, colour = status."""
    title = "Meetings over time"
    dated = meetings[meetings["start"].notna()]
    if dated.empty:
        return build_empty_figure("No dated meetings match the filters.", title=title)
    figure = go.Figure([_status_trace(dated[dated["status"] == status], status)
                        for status in STATUS_STYLES if (dated["status"] == status).any()])
    figure.add_vline(x=today, line={"dash": "dot", "color": "#999999", "width": 1})
    figure.add_annotation(x=today, y=1, yref="paper", text="today", showarrow=False, yanchor="bottom",
                          font={"size": 11, "color": "#666666"})
    used = [lane for lane in lanes if lane in set(dated["format_name"])]
    figure.update_yaxes(categoryorder="array", categoryarray=list(reversed(used)), automargin=True)
    height = max(320, 60 + 28 * len(used))
    return base_layout(figure, title=title, x_title="Date", y_title=None, height=height)


def build_meeting_map_figure(by_place: pd.DataFrame) -> go.Figure:
    """Where the meetings took place: one bubble per city, sized by the number of meetings."""
    title = "Where the meetings took place"
    if by_place.empty:
        return build_empty_figure("None of the meetings that match has a known place.", title=title)
    largest = by_place["meetings"].max()
    hover = [f"<b>{_escape(row['name'])}</b>: {row['meetings']} meeting(s)<br>"
             + "<br>".join(_escape(title) for title in row["titles"][:6])
             + ("<br>…" if len(row["titles"]) > 6 else "") for _, row in by_place.iterrows()]
    figure = go.Figure(go.Scattergeo(
        lon=by_place["lon"], lat=by_place["lat"], mode="markers", text=by_place["name"],
        marker={"size": [10 + 30 * (count / largest) ** 0.5 for count in by_place["meetings"]],
                "color": "#1f6f8b", "opacity": 0.75, "line": {"width": 1, "color": "white"}},
        hovertext=hover, hoverinfo="text", customdata=by_place["id"], name="meetings",
    ))
    figure.update_geos(projection_type="natural earth", showcountries=True, countrycolor="#bbbbbb",
                       showland=True, landcolor="#f3f3ee", fitbounds="locations", resolution=110)
    return base_layout(figure, title=title, height=460)


def build_level_grid_figure(grid: pd.DataFrame) -> go.Figure:
    """Format x year: the highest level met that year (summit, ministers, officials); blank: no meeting held."""
    title = "Highest level met each year, by format"
    if grid.empty:
        return build_empty_figure("No held meetings match.", title=title)
    names = {3: "Summit", 2: "Ministers", 1: "Officials"}
    text = [["" if pd.isna(value) else names[int(value)] for value in row] for row in grid.to_numpy()]
    figure = go.Figure(go.Heatmap(
        z=grid.to_numpy(dtype="float64"), x=[str(year) for year in grid.columns], y=list(grid.index),
        text=text, zmin=0.5, zmax=3.5, hoverongaps=False, xgap=2, ygap=2,
        colorscale=[[0, "#c6dbef"], [0.333, "#c6dbef"], [0.333, "#6baed6"], [0.666, "#6baed6"],
                    [0.666, "#08519c"], [1, "#08519c"]],
        colorbar={"tickvals": [1, 2, 3], "ticktext": ["Officials", "Ministers", "Summit"], "title": {"text": "Level"}},
        hovertemplate="%{y}, %{x}: %{text}<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed", automargin=True)
    return base_layout(figure, title=title, x_title="Year", height=max(320, 90 + 24 * len(grid)))
