"""The trade page's chart blocks: each chart with its summary, table twin, CSV and sources."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.blocks.trade_tables import build_observation_table
from components.domain import trade as tr
from components.figures import trade as figures
from components.i18n.texts import _, ngettext
from components.settings import CENTRAL_ASIA

MATRIX_CELLS = len(CENTRAL_ASIA) * (len(CENTRAL_ASIA) - 1)  # each state's figure for each of the others


def build_matrix_block(year_rows: pd.DataFrame, year: int, sources: pd.DataFrame) -> ChartBlock:
    """One year's bilateral figures as a reporter × partner matrix."""
    matrix = tr.build_pair_matrix(year_rows)
    filled = int(matrix.notna().sum().sum())
    return build_chart_block(
        "matrix", figures.build_pair_matrix_figure(matrix, year),
        ngettext("{count} full-year bilateral figure(s) for {year}; {filled} of {cells} cells have a figure.",
                 "{count} full-year bilateral figure(s) for {year}; {filled} of {cells} cells have a figure.",
                 len(year_rows)).format(count=len(year_rows), year=year, filled=filled, cells=MATRIX_CELLS),
        build_observation_table(year_rows, sources, extra={"pair": "pair"}), sources,
        file_name=f"central-asia-bilateral-trade-{year}",
        note=_("Each row is one country's own figure for its trade with the country in the column; the mirror "
               "cell holds the partner's figure. Blank cells: no figure found, not zero."))


def build_country_block(country_rows: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Each state's reported trade with the other four."""
    return build_chart_block(
        "country", figures.build_country_region_figure(country_rows),
        tr.summarize_latest(country_rows, _("one state's trade with the rest of the region")),
        build_observation_table(country_rows, sources, extra={"country": "country"}), sources,
        file_name="central-asia-country-with-region-trade")


def build_external_block(external: pd.DataFrame, intraregional: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Trade with outside partners beside trade within the region; the table holds both, as drawn."""
    drawn = pd.concat([rows for rows in (external, intraregional.assign(partner="within Central Asia"))
                       if not rows.empty]) if not (external.empty and intraregional.empty) else external
    return build_chart_block(
        "external", figures.build_external_figure(external, intraregional),
        tr.summarize_latest(external, _("trade with outside partners")),
        build_observation_table(drawn, sources, extra={"partner": "partner"}), sources,
        file_name="central-asia-external-trade")
