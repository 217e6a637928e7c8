"""What the overview page shows, computed from the dataset (no numbers typed into code)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.dataset import Dataset

COUNT_LABELS = {
    "meetings": "Meetings",
    "formats": "Formats",
    "initiatives": "Initiatives",
    "trade": "Trade figures",
    "sources": "Sources",
}


@dataclass(frozen=True)
class DatasetSummary:
    updated: str
    counts: dict[str, int]
    meetings_by_status: pd.DataFrame


def count_meetings_by_status(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings per status, largest first, as a two-column table."""
    counts = meetings["status"].astype(str).value_counts()
    return pd.DataFrame({"Status": counts.index, "Meetings": counts.to_numpy()})


def summarize_dataset(dataset: Dataset) -> DatasetSummary:
    counts = dataset.counts()
    return DatasetSummary(
        updated=dataset.info.updated,
        counts={label: counts[table] for table, label in COUNT_LABELS.items()},
        meetings_by_status=count_meetings_by_status(dataset.meetings),
    )
