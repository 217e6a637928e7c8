"""CSV downloads: exactly the rows shown, readable by spreadsheets."""

from __future__ import annotations

import io

import pandas as pd

from components.domain.sources import add_source_columns


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


MEETING_COLUMNS = ["id", "title", "format_name", "start_text", "end_text", "city_name", "country", "online", "level",
                   "status", "participants", "guests", "outcomes", "confidence", "notes", "source_publishers",
                   "source_urls"]


def build_meeting_rows(meetings: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The meetings download: one row per meeting shown, with the publishers and addresses of its sources."""
    return add_source_columns(meetings, sources)[MEETING_COLUMNS]
