"""Initiative figure: each initiative's status history over time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.data.rows import records
from components.data.vocabulary import INITIATIVE_STATUSES
from components.figures import base
from components.i18n.texts import _


def _lanes_trace(steps: pd.DataFrame) -> dict:
    """One grey line per initiative through its steps, as a single trace (lanes split by gaps):
    one trace to validate instead of one per initiative."""
    # Dates as ISO text: Plotly deep-copies the values, and copying a Timestamp goes through pickling.
    days = [None if day == "NaT" else day for day in np.datetime_as_string(steps["date"].to_numpy(), unit="D").tolist()]
    dates_by_name: dict[str, list] = {}
    for name, day in zip(steps["name"].tolist(), days):
        dates_by_name.setdefault(name, []).append(day)
    x, y = [], []
    for name, dates in dates_by_name.items():
        x += [*dates, None]
        y += [base.escape_text(name)] * len(dates) + [None]
    return {"type": "scatter", "x": base.data_array(x), "y": base.data_array(y), "mode": "lines", "showlegend": False,
            "connectgaps": False, "line": {"color": "#dddddd", "width": 2}, "hoverinfo": "skip", "name": "lanes"}


def build_history_figure(steps: pd.DataFrame, order: list[str]) -> go.Figure:
    """One lane per initiative: a grey line through its steps, a marker per step coloured by status."""
    title = _("Status of the initiatives over time")
    if steps.empty:
        return base.build_empty_figure(_("No initiatives match the filters."), title=title)
    traces = [_lanes_trace(steps)]
    for status, term in INITIATIVE_STATUSES.terms.items():
        rows = steps[steps["status"] == status]
        if rows.empty:
            continue
        label = _(term.label)
        traces.append({
            "type": "scatter", "x": rows["date"].to_numpy(),
            "y": base.data_array([base.escape_text(name) for name in rows["name"].tolist()]),
            "mode": "markers", "name": label,
            "marker": {"size": 11, "color": term.colour, "line": {"width": 1, "color": "white"}},
            "hovertext": base.data_array([
                f"<b>{base.escape_text(row['name'])}</b><br>{row['date_text']}: {label}<br>"
                f"{base.escape_text(row['description'])}" for row in records(rows, ["name", "date_text", "description"])]),
            "hoverinfo": "text", "customdata": base.data_array(rows["initiative"].astype(str).tolist())})
    axis = base.lane_axis(order)
    return base.make_figure(traces, base.layout(title=title, x_title=_("Date"),
                                                height=max(320, base.lanes_height(axis, 80)),
                                                xaxis=base.date_axis(), yaxis=axis))
