"""Sources as a table: which records cite each source, and a text filter over them."""

from __future__ import annotations

import pandas as pd

_CITING_TABLES = ("countries", "places", "formats", "meetings", "initiatives", "trade")


def count_source_citations(sources: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The sources frame with a `cited_by` column: how many records cite each source."""
    counts: dict[str, int] = {}
    for table in _CITING_TABLES:
        for cited in tables[table]["sources"]:
            for source_id in set(cited):
                counts[source_id] = counts.get(source_id, 0) + 1
    return sources.assign(cited_by=sources["id"].map(counts).fillna(0).astype(int))


def filter_sources(sources: pd.DataFrame, text: str) -> pd.DataFrame:
    """Sources whose publisher, title or URL contains the text (case-insensitive)."""
    words = text.strip().lower()
    if not words:
        return sources
    haystack = (sources["publisher"] + " " + sources["title"] + " " + sources["url"]).str.lower()
    return sources[haystack.str.contains(words, regex=False)]
