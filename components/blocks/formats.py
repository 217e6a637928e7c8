"""The formats page's chart block: the format × year grid of the highest level met."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.domain.formats import build_level_grid, list_grid_cells
from components.figures.formats import build_level_grid_figure
from components.i18n.texts import N_, _, ngettext


def summarize_grid(cells: pd.DataFrame) -> str:
    """'14 formats met in 2004–2026: 120 format-years with a held meeting, 30 of them at summit level.'"""
    if cells.empty:
        return _("No held meetings match, so no format-year is filled.")
    first, last = int(cells["year"].min()), int(cells["year"].max())
    summits = int((cells["highest level"] == "Summit").sum())
    count = cells["format"].nunique()
    return ngettext("{count} format(s) met in {first}–{last}: {cells} format-year(s) with a held meeting, "
                    "{summits} of them at summit level.",
                    "{count} format(s) met in {first}–{last}: {cells} format-year(s) with a held meeting, "
                    "{summits} of them at summit level.", count
                    ).format(count=count, first=first, last=last, cells=len(cells), summits=summits)


def build_grid_block(meetings: pd.DataFrame, formats: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """The grid; its table has one row per filled cell, with the meetings behind it and their sources."""
    cells = list_grid_cells(meetings)  # tiers by their English names (the summary counts the summits)
    summary = summarize_grid(cells)
    shown = cells.assign(**{"highest level": [_(tier) for tier in cells["highest level"].tolist()]})
    return build_chart_block(
        "grid", build_level_grid_figure(build_level_grid(meetings, formats)), summary, shown, sources,
        file_name="central-asia-formats-by-year", table_label=N_("format-year"),
        note=_("Each cell: the highest level at which the format met that year (held meetings only). "
               "Blank: no meeting of that format was found for the year."))
