"""Meeting figures: the timeline (one lane per format) and the map of where meetings took place."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.data.rows import records
from components.data.vocabulary import MEETING_LEVELS, SHOWN_MEETING_STATUSES, shown_status_label
from components.domain.meetings import format_date_range, place_label
from components.figures.base import (
    build_empty_figure,
    data_array,
    date_axis,
    escape_text,
    lane_axis,
    lanes_height,
    layout,
    make_figure,
)
from components.i18n.texts import _, ngettext

_HOVER_COLUMNS = ["title", "start_text", "end_text", "online", "city_name", "country_name", "country", "level",
                  "shown_status"]



def meeting_hover(row: dict | pd.Series) -> str:
    return (f"<b>{escape_text(row['title'])}</b><br>{format_date_range(row['start_text'], row['end_text'])}<br>"
            f"{escape_text(place_label(row))}<br>{MEETING_LEVELS.label(row['level'])} · {shown_status_label(row['shown_status'])}")


def _marker_trace(rows: list[dict], starts, status: str, level: str, first_of_status: bool) -> dict:
    """The meetings of one status at one level: one colour and one symbol for the whole trace (a
    symbol per point would have Plotly check every point's symbol on every run)."""
    style = SHOWN_MEETING_STATUSES[status]
    return {
        "type": "scatter", "x": starts, "y": data_array([escape_text(row["format_name"]) for row in rows]),
        "mode": "markers",
        "name": _(style.label),
        "legendgroup": status, "showlegend": first_of_status,  # one legend entry per status toggles all its levels
        "marker": {"symbol": MEETING_LEVELS[level].symbol + ("-open" if style.open_marker else ""), "size": 12,
                   "color": style.colour, "line": {"width": 1.5, "color": style.colour}},
        "hovertext": data_array([meeting_hover(row) for row in rows]), "hoverinfo": "text",
        "customdata": data_array([row["id"] for row in rows]),
    }


def build_timeline_figure(meetings: pd.DataFrame, lanes: list[str], *, today: pd.Timestamp) -> go.Figure:
    """Dated meetings on a time axis, one lane per format; symbol = level, colour = status."""
    title = _("Meetings over time")
    dated = meetings.loc[meetings["start"].notna(), ["start", "format_name", "id", *_HOVER_COLUMNS]]
    if dated.empty:
        return build_empty_figure(_("No dated meetings match the filters."), title=title)
    starts = dated["start"].to_numpy()
    groups: dict[tuple[str, str], list[int]] = {}
    rows = records(dated, ["format_name", "id", *_HOVER_COLUMNS])
    for position, row in enumerate(rows):
        groups.setdefault((str(row["shown_status"]), str(row["level"])), []).append(position)
    traces = []
    for status in SHOWN_MEETING_STATUSES:
        levels = [level for level in MEETING_LEVELS if (status, level) in groups]
        traces += [_marker_trace([rows[position] for position in groups[status, level]],
                                 starts[groups[status, level]], status, level, first_of_status=index == 0)
                   for index, level in enumerate(levels)]
    today_line = {"type": "line", "x0": today, "x1": today, "xref": "x", "y0": 0, "y1": 1, "yref": "paper",
                  "line": {"dash": "dot", "color": "#999999", "width": 1}}
    today_label = {"x": today, "y": 1, "yref": "paper", "text": _("today"), "showarrow": False, "yanchor": "bottom",
                   "font": {"size": 11, "color": "#666666"}}
    present = {row["format_name"] for row in rows}
    used = [lane for lane in lanes if lane in present]
    axis = lane_axis(used)
    return make_figure(traces, layout(title=title, x_title=_("Date"), y_title=None, height=max(320, lanes_height(axis, 60)),
                                      xaxis=date_axis(), yaxis=axis, shapes=[today_line], annotations=[today_label]))


MAP_MIN_SPAN = (30.0, 16.0)  # degrees of longitude, latitude: one city still shows its country and neighbours


def _span(values: pd.Series, minimum: float) -> list[float]:
    """The range around the points, padded, and widened to `minimum` degrees around their middle."""
    low, high = float(values.min()), float(values.max())
    middle, half = (low + high) / 2, max(high - low + 6, minimum) / 2
    return [middle - half, middle + half]


def build_meeting_map_figure(by_place: pd.DataFrame) -> go.Figure:
    """Where the meetings took place: one bubble per city, sized by the number of meetings."""
    title = _("Where the meetings took place")
    if by_place.empty:
        return build_empty_figure(_("None of the meetings that match has a known place."), title=title)
    largest = by_place["meetings"].max()
    hover = [ngettext("<b>{place}</b>: {count} meeting(s)", "<b>{place}</b>: {count} meeting(s)", row["meetings"])
             .format(place=escape_text(row["name"]), count=row["meetings"]) + "<br>"
             + "<br>".join(escape_text(title) for title in row["titles"][:6])
             + ("<br>…" if len(row["titles"]) > 6 else "") for row in records(by_place, ["name", "meetings", "titles"])]
    bubbles = {
        "type": "scattergeo", "lon": by_place["lon"], "lat": by_place["lat"], "mode": "markers",
        "text": [escape_text(name) for name in by_place["name"].tolist()], "name": _("meetings"),
        "hovertext": hover, "hoverinfo": "text", "customdata": by_place["id"],
        "marker": {"size": [10 + 30 * (count / largest) ** 0.5 for count in by_place["meetings"]],
                   "color": "#1f6f8b", "opacity": 0.75, "line": {"width": 1, "color": "white"}},
    }
    geo = {"projection": {"type": "natural earth"}, "showcountries": True, "countrycolor": "#bbbbbb",
           "showland": True, "landcolor": "#f3f3ee", "resolution": 110,
           "lonaxis": {"range": _span(by_place["lon"], MAP_MIN_SPAN[0])},
           "lataxis": {"range": _span(by_place["lat"], MAP_MIN_SPAN[1])}}
    return make_figure([bubbles], layout(title=title, height=460, geo=geo))
