"""The formats page's chart block: the format × year grid of the highest level met."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.domain.formats import build_level_grid, list_grid_cells
from components.figures.formats import build_level_grid_figure


def summarize_grid(cells: pd.DataFrame) -> str:
    """'14 formats met in 2004–2026: 120 format-years with a held meeting, 30 of them at summit level.'"""
    if cells.empty:
        return "No held meetings match, so no format-year is filled."
    first, last = int(cells["year"].min()), int(cells["year"].max())
    summits = int((cells["highest level"] == "Summit").sum())
    return (f"{cells['format'].nunique()} format(s) met in {first}–{last}: {len(cells)} format-year(s) with a held "
            f"meeting, {summits} of them at summit level.")


def build_grid_block(meetings: pd.DataFrame, formats: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """The grid; its table has one row per filled cell, with the meetings behind it and their sources."""
    cells = list_grid_cells(meetings)
    return build_chart_block(
        "grid", build_level_grid_figure(build_level_grid(meetings, formats)), summarize_grid(cells), cells, sources,
        file_name="central-asia-formats-by-year", table_label="format-year",
        note="Each cell: the highest level at which the format met that year (held meetings only). "
             "Blank: no meeting of that format was found for the year.")
