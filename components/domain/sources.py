"""Sources: which sources records cite (listed under what shows them, and as table columns), how many
records cite each source, and the Sources page's search."""

from __future__ import annotations

import pandas as pd

from components.data.frames import source_labels
from components.data.memo import once_per_object
from components.data.rows import records
from components.i18n.formats import is_source_language

_INDEX_COLUMNS = ["id", "publisher", "publisher_kind_label", "citing", "title", "title_shown", "title_from_page", "page_read",
                  "url", "published_text", "published_shown"]


def localize_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources with what they show in words (`publisher_kind_label`, `title_shown`, `published_shown`)
    in the current language. For display only: the frame itself, and the CSV, stay English."""
    if is_source_language() or sources.empty:
        return sources
    return sources.assign(**source_labels(sources))


@once_per_object  # a loaded table is shared and never changed: index it once, not for every chart on every run
def source_index(sources: pd.DataFrame) -> dict[str, dict]:
    """Each source's publisher, title, url and date by id (their labels in the current language)."""
    return {row["id"]: row for row in records(localize_sources(sources), _INDEX_COLUMNS)}


def cited_sources(source_ids: pd.Series | list, sources: pd.DataFrame) -> list[dict]:
    """The source records cited by the rows, in first-cited order, each once (unknown ids left out)."""
    index = source_index(sources)
    cited = source_ids.tolist() if isinstance(source_ids, pd.Series) else source_ids
    ordered = dict.fromkeys(source for ids in cited for source in ids)  # first-cited, once each
    return [index[source] for source in ordered if source in index]


def build_sources_table(cited: list[dict]) -> pd.DataFrame:
    """The sources listed under a chart as one table: publisher, its kind, title, date and address."""
    return pd.DataFrame({"publisher": [row["publisher"] for row in cited],
                         "kind": [row["publisher_kind_label"] for row in cited],
                         "title": [row["title_shown"] for row in cited],
                         "published": [row["published_shown"] for row in cited],
                         "address": [row["url"] for row in cited]})


def add_source_columns(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Rows with `source_urls` and `source_publishers` (joined with ' | ') for the table and the CSV."""
    index = source_index(sources)

    def joined(ids: list[str], column: str) -> str:
        return " | ".join(str(index[source][column]) for source in ids if source in index)
    cited = rows["sources"].tolist()
    return rows.assign(source_publishers=[joined(ids, "publisher") for ids in cited],
                       source_urls=[joined(ids, "url") for ids in cited])


_CITING_TABLES = ("countries", "places", "formats", "meetings", "initiatives", "trade")


def count_source_citations(sources: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The sources frame with a `cited_by` column: how many records cite each source."""
    counts: dict[str, int] = {}
    for table in _CITING_TABLES:
        for cited in tables[table]["sources"]:
            for source_id in set(cited):
                counts[source_id] = counts.get(source_id, 0) + 1
    return sources.assign(cited_by=sources["id"].map(counts).fillna(0).astype(int))


def filter_sources(sources: pd.DataFrame, text: str = "", *, publishers: list[str] = (),
                   kinds: list[str] = ()) -> pd.DataFrame:
    """Sources whose publisher, title or address contains the text (case-insensitive), published by one of
    `publishers` (ids) and of one of `kinds` (publisher kinds); an empty choice keeps all."""
    keep = pd.Series(True, index=sources.index)
    if publishers:
        keep &= sources["publisher_id"].isin(publishers)
    if kinds:
        keep &= sources["publisher_kind"].astype(str).isin(kinds)
    words = text.strip().lower()
    if words:
        haystack = (sources["publisher"] + " " + sources["title"].fillna("") + " " + sources["citing"].fillna("")
                    + " " + sources["url"]).str.lower()
        keep &= haystack.str.contains(words, regex=False)
    return sources[keep]
