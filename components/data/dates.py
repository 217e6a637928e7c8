"""Partial dates: a date as precise as the source gives it (day, month or year)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from components.i18n.formats import format_day, format_month, is_source_language
from components.i18n.texts import _

Precision = Literal["day", "month", "year"]
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@lru_cache(maxsize=65536)  # pure; called for every date of every record, by the schema and the frames
def parse_partial_date(text: str) -> tuple[dt.date, Precision]:
    """Return the first day the text can mean and its precision; ValueError if not a date."""
    match = _PATTERN.match(str(text))
    if not match:
        raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {text!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        first = dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    precision: Precision = "day" if day else "month" if month else "year"
    return first, precision


def last_day(text: str) -> dt.date:
    """The last day the partial date can mean (2016-12 -> 2016-12-31)."""
    first, precision = parse_partial_date(text)
    if precision == "day":
        return first
    if precision == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first.replace(month=12, day=31)


def format_partial_date(text: str | None) -> str:
    """Human form: '9 Aug 2024', 'Dec 2016', '2026', or 'date not set' ('16 ноября 2025 г.', 'декабрь 2016'
    in Russian: components/i18n/formats)."""
    if not isinstance(text, str) or not text:
        return _("date not set")
    first, precision = parse_partial_date(text)
    if precision == "day":
        return f"{first.day} {_MONTHS[first.month - 1]} {first.year}" if is_source_language() else format_day(first)
    if precision == "month":
        return f"{_MONTHS[first.month - 1]} {first.year}" if is_source_language() else format_month(first)
    return str(first.year)


def format_data_date(text: str | None) -> str:
    """A date of the data in a sentence: as the data writes it ('2024-08-09', '2016-12') in English, as
    `format_partial_date` gives it in other languages; '' for none."""
    if not isinstance(text, str) or not text:
        return ""
    if is_source_language():
        return text
    try:
        return format_partial_date(text)
    except ValueError:  # not a partial date (never in valid data): shown as given
        return text
