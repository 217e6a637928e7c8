"""What the trade page derives from the whole dataset (before any filter), once per dataset."""

from __future__ import annotations

import pandas as pd

from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.domain import trade as tr


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
