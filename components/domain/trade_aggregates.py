"""What the trade page derives from the whole dataset (before any filter), once per dataset."""

from __future__ import annotations

import pandas as pd

from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.domain import trade as tr
from components.domain import trade_statistics as ts
from components.domain.claims import compare_claims, compare_targets
from components.settings import CENTRAL_ASIA


@once_per_object
def intraregional_figures(dataset: Dataset) -> pd.DataFrame:
    """Every intraregional-total observation with a value, in year order (read-only)."""
    return tr.select_measure(dataset.trade, "intraregional-total")


@once_per_object
def pair_matrix_years(dataset: Dataset) -> list[int]:
    """Years with a full-year bilateral figure, newest first: the matrix's year choices."""
    return tr.bilateral_years(dataset.trade)


@once_per_object
def default_matrix_year(dataset: Dataset) -> int | None:
    """The matrix year a page opens on: the one with the most cells filled."""
    return tr.choose_matrix_year(dataset.trade)


@once_per_object
def series_reporters(dataset: Dataset) -> list[str]:
    """Reporters with intraregional figures for several years: the ones that can be drawn as a line."""
    return tr.reporters_with_series(intraregional_figures(dataset))


@once_per_object
def regional_targets(dataset: Dataset) -> pd.DataFrame:
    """The announced targets for the whole region (read-only)."""
    return tr.select_regional_targets(dataset.trade)


@once_per_object
def regional_totals(dataset: Dataset) -> pd.DataFrame:
    """The statistical intraregional totals, both methods, every year (read-only)."""
    return ts.build_regional_totals(dataset.trade_series)


@once_per_object
def intraregional_shares(dataset: Dataset) -> pd.DataFrame:
    """Each state's and the region's intraregional share of total trade, every year (read-only)."""
    return ts.build_intraregional_shares(dataset.trade_series)


@once_per_object
def matrix_years(dataset: Dataset) -> list[int]:
    """Every year the pair matrix can show: the statistics' years and those with national figures, newest first."""
    return sorted(set(statistics_years(dataset)) | set(pair_matrix_years(dataset)), reverse=True)


@once_per_object
def default_year(dataset: Dataset) -> int | None:
    """The matrix year a page opens on: the latest year whose statistics fill every cell, else the national
    figures' fullest year."""
    totals = regional_totals(dataset)
    complete = [year for year in ts.complete_years(totals, "exports") if year in ts.complete_years(totals, "imports")]
    return max(complete) if complete else default_matrix_year(dataset)


@once_per_object
def statistics_partners(dataset: Dataset) -> list[str]:
    """The outside partners whose own reports give the mirror of the five's trade with them."""
    series = dataset.trade_series
    return sorted(set(series.loc[series["partner"].isin(CENTRAL_ASIA), "reporter"].tolist()) - set(CENTRAL_ASIA))


def default_partner(dataset: Dataset) -> str | None:
    """The partner the partners view opens on: China, the largest, when the data has its reports."""
    partners = statistics_partners(dataset)
    return "CHN" if "CHN" in partners else (partners[0] if partners else None)


@once_per_object
def claims(dataset: Dataset) -> pd.DataFrame:
    """Every stated level, growth and regional target beside the statistics (read-only)."""
    return pd.concat([compare_claims(dataset.trade, dataset.trade_series),
                      compare_targets(dataset.trade, dataset.trade_series)], ignore_index=True)


def claim_comparisons(dataset: Dataset, record: str) -> list[dict]:
    """The comparisons of one stated figure with the statistics (its level, its growth)."""
    compared = claims(dataset)
    return compared[compared["record"] == record].to_dict("records")


@once_per_object
def pair_turnover(dataset: Dataset, pair: str) -> pd.DataFrame:
    """Both sides' statistical turnover with each other over the years (read-only)."""
    return ts.pair_turnover(dataset.trade_series, pair)


@once_per_object
def partner_trade(dataset: Dataset, partner: str, partner_name: str) -> pd.DataFrame:
    """The five's trade with one partner as they and as the partner report it (read-only)."""
    return ts.partner_trade(dataset.trade_series, partner, partner_name)


@once_per_object
def statistics_years(dataset: Dataset) -> list[int]:
    """The years the statistics give the five's trade with each other, newest first."""
    return ts.statistics_years(dataset.trade_series)


@once_per_object
def statistics_matrix(dataset: Dataset, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One year's turnover as each of the five reports it, and which cells are IMF estimates (read-only)."""
    return ts.build_statistics_matrix(dataset.trade_series, year)
