"""CSV downloads: exactly the rows shown, readable by spreadsheets, never run by them."""

from __future__ import annotations

import io
import re

import pandas as pd

from components.domain.sources import add_source_columns

# A text cell a spreadsheet would read as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise_formula(value: object) -> object:
    """A text cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a
    leading `'`, which spreadsheets show as text and do not run; a plain number such as `-1`, and
    anything that is not text, is left as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _cell(value: object) -> object:
    """A list becomes one text cell (items joined by `; `); every text cell is neutralised."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    return neutralise_formula(value)


def _holds_text(column: pd.Series) -> bool:
    return not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column))


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark (spreadsheets then read the dashes and accents right).
    Rows end in CRLF (RFC 4180), so a cell holding a carriage return or a line break is quoted and
    stays one cell: no value can start a row of its own."""
    flat = frame.copy()
    for column in flat.columns:
        if _holds_text(flat[column]):
            flat[column] = [_cell(value) for value in flat[column].tolist()]
    buffer = io.StringIO()
    flat.to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


MEETING_COLUMNS = ["id", "title", "format_name", "start_text", "end_text", "city_name", "country", "online", "level",
                   "status", "participants", "guests", "outcomes", "confidence", "notes", "source_publishers",
                   "source_urls"]


def build_meeting_rows(meetings: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The meetings download: one row per meeting shown, with the publishers and addresses of its sources."""
    return add_source_columns(meetings, sources)[MEETING_COLUMNS]
