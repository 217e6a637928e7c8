"""Formats figure: the format x year grid of the highest level met."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.data.vocabulary import GRID_TIERS
from components.figures.base import build_empty_figure, escape_text, lane_axis, lanes_height, layout, make_figure
from components.i18n.texts import _


def _tier_colour_scale() -> list[list]:
    """One flat colour band per tier (GRID_TIERS, lowest first)."""
    bands = len(GRID_TIERS)
    return [[(index + edge) / bands, colour] for index, colour in enumerate(GRID_TIERS.values()) for edge in (0, 1)]


def build_level_grid_figure(grid: pd.DataFrame) -> go.Figure:
    """Format x year: the highest level met that year (summit, ministers, officials); blank: no meeting held."""
    title = _("Highest level met each year, by format")
    if grid.empty:
        return build_empty_figure(_("No held meetings match."), title=title)
    tiers = [_(tier) for tier in GRID_TIERS]  # a cell's value is its tier's rank: 1 for the lowest
    text = [["" if pd.isna(value) else tiers[int(value) - 1] for value in row] for row in grid.to_numpy()]
    heatmap = {
        "type": "heatmap", "z": grid.to_numpy(dtype="float64"), "x": [str(year) for year in grid.columns],
        "y": [escape_text(name) for name in grid.index], "text": text, "hoverongaps": False,
        "xgap": 2, "ygap": 2,
        "colorscale": _tier_colour_scale(), "zmin": 0.5, "zmax": len(tiers) + 0.5,
        "colorbar": {"tickvals": list(range(1, len(tiers) + 1)), "ticktext": tiers, "title": {"text": _("Level")}},
        "hovertemplate": "%{y}, %{x}: %{text}<extra></extra>",
    }
    names = list(grid.index)
    lanes = lane_axis(names)
    format_axis = {**lanes, "categoryorder": "trace", "categoryarray": None, "autorange": "reversed"}
    return make_figure([heatmap], layout(title=title, x_title=_("Year"), height=max(320, lanes_height(lanes, 90)),
                                         xaxis={"type": "category"}, yaxis=format_axis))
