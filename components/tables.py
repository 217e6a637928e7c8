"""Table twins of charts and their CSV: exactly the rows drawn, with their sources."""

from __future__ import annotations

import io

import pandas as pd


def cited_sources(source_ids: pd.Series | list, sources: pd.DataFrame) -> pd.DataFrame:
    """The source records cited by the rows, in first-cited order, each once."""
    ordered = list(dict.fromkeys(source for cited in source_ids for source in cited))  # first-cited, once each
    indexed = sources.set_index("id")
    return indexed.loc[[source for source in ordered if source in indexed.index]].reset_index()


def add_source_columns(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Rows with `source_urls` and `source_publishers` (joined with ' | ') for the table and the CSV."""
    ids = sources["id"].tolist()
    columns = {column: dict(zip(ids, sources[column].tolist())) for column in ("publisher", "url")}

    def joined(ids: list[str], column: str) -> str:
        values = columns[column]
        return " | ".join(str(values[source]) for source in ids if source in values)
    return rows.assign(source_publishers=[joined(ids, "publisher") for ids in rows["sources"]],
                       source_urls=[joined(ids, "url") for ids in rows["sources"]])


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark (spreadsheets then read the dashes and accents right)."""
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].dtype == object and any(isinstance(value, (list, tuple)) for value in flat[column]):
            flat[column] = [("; ".join(map(str, value)) if isinstance(value, (list, tuple)) else value)
                            for value in flat[column]]
    buffer = io.StringIO()
    flat.to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig")
