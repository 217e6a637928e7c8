"""The trade page's views, each built once per view, data and day and shared by every session that
opens the same link (the shared-link burst): what the page draws for each tab, from the dataset and
the view's parameters alone. Parameters come normalised (years as a pair, countries as a sorted tuple)."""

from __future__ import annotations

import pandas as pd

from components.blocks import trade as blocks
from components.blocks import trade_statistics as statistics_blocks
from components.blocks.block import (
    VIEW_CACHE_BYTES,
    VIEW_CACHE_ENTRIES,
    ChartBlock,
    view_bytes,
)
from components.blocks.trade_tables import build_year_mirror_table
from components.data.dataset import Dataset
from components.data.memo import lru_per_object, once_per_object
from components.domain import trade as tr
from components.domain import trade_aggregates
from components.domain.choices import country_names
from components.i18n.languages import SOURCE_LANGUAGE
from components.i18n.texts import language

Years = tuple[int, int]
shared_view = lru_per_object(max_entries=VIEW_CACHE_ENTRIES, max_bytes=VIEW_CACHE_BYTES, size_of=view_bytes)


@shared_view
def build_total_view(dataset: Dataset, years: Years, reporter: str | None) -> tuple[ChartBlock, tuple[int, ...]]:
    """The intraregional total, and the years whose stated figures differ."""
    points = tr.filter_years(trade_aggregates.intraregional_figures(dataset), years)
    totals = tr.filter_years(trade_aggregates.regional_totals(dataset), years)
    block = statistics_blocks.build_total_block(points, trade_aggregates.regional_targets(dataset),
                                                tr.select_reporter_series(points, reporter), totals, dataset.sources)
    return block, tuple(tr.years_with_several_figures(points))


@shared_view
def build_share_view(dataset: Dataset, years: Years) -> ChartBlock:
    return statistics_blocks.build_share_block(tr.filter_years(trade_aggregates.intraregional_shares(dataset), years),
                                               dataset.sources)


@shared_view
def build_matrix_view(dataset: Dataset, year: int) -> tuple[ChartBlock, pd.DataFrame | None]:
    """The statistics' matrix for the years they cover; after them, the national figures' matrix and the
    table of pairs both sides reported (None when there is none)."""
    if year in trade_aggregates.statistics_years(dataset):
        return statistics_blocks.build_statistics_matrix_block(*trade_aggregates.statistics_matrix(dataset, year), year,
                                                               dataset.sources), None
    year_rows = tr.select_pair_year(dataset.trade, year)
    mirror = build_year_mirror_table(year_rows)
    return blocks.build_matrix_block(year_rows, year, dataset.sources), (None if mirror.empty else mirror)


@shared_view
def build_pair_view(dataset: Dataset, pair: str, years: Years) -> ChartBlock | None:
    """The pair over time; None when neither the statistics nor a figure covers it in the years."""
    pair_rows = tr.filter_years(tr.select_pair(dataset.trade, pair), years)
    turnover = tr.filter_years(trade_aggregates.pair_turnover(dataset, pair), years)
    if pair_rows.empty and turnover.empty:
        return None
    return statistics_blocks.build_statistics_pair_block(pair_rows, turnover, pair, dataset.sources)


@shared_view
def build_country_view(dataset: Dataset, years: Years, countries: tuple[str, ...]) -> ChartBlock:
    country_rows = tr.filter_years(tr.select_country_with_region(dataset.trade), years)
    if countries:
        country_rows = tr.select_countries(country_rows, countries)
    return blocks.build_country_block(country_rows, dataset.sources)


@shared_view
def build_partner_view(dataset: Dataset, partner: str, years: Years, countries: tuple[str, ...]) -> ChartBlock:
    name = country_names(dataset).get(partner, partner)
    with language(SOURCE_LANGUAGE):  # the rows' views name the partner in English: they are also the CSV's
        english_name = country_names(dataset).get(partner, partner)
        rows = tr.filter_years(trade_aggregates.partner_trade(dataset, partner, english_name), years)
    return statistics_blocks.build_partner_block(rows, partner, name, dataset.sources, countries)


@shared_view
def build_external_view(dataset: Dataset, years: Years) -> ChartBlock:
    return blocks.build_external_block(tr.filter_years(tr.select_external(dataset.trade), years),
                                       tr.filter_years(trade_aggregates.intraregional_figures(dataset), years),
                                       dataset.sources)


TRADE_VIEWS = (build_total_view, build_share_view, build_matrix_view, build_pair_view, build_country_view,
               build_partner_view, build_external_view)


@once_per_object  # the overview shows the whole dataset: one chart for every visitor of one language
def build_overview_total_block(dataset: Dataset) -> ChartBlock:
    """The overview's headline chart: the intraregional total over every year, without a reporter's line."""
    points = trade_aggregates.intraregional_figures(dataset)
    return statistics_blocks.build_total_block(points, trade_aggregates.regional_targets(dataset), points.iloc[0:0],
                                               trade_aggregates.regional_totals(dataset), dataset.sources)
