"""iCalendar (RFC 5545) export of meetings: all-day events with stable UIDs from the meeting ids."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.data.dates import parse_partial_date
from components.domain.meetings import place_label

PRODUCT_ID = "-//Central Asia Cooperation Dashboard//Meetings//EN"
UID_DOMAIN = "central-asia-cooperation-dashboard"
_ICS_STATUS = {"held": "CONFIRMED", "scheduled": "TENTATIVE", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def escape_ics_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold_line(line: str) -> str:
    """Fold at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74  # continuation lines start with a space
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def is_exportable(row: pd.Series) -> bool:
    """Only meetings dated to the day can be calendar events."""
    return isinstance(row["start_text"], str) and parse_partial_date(row["start_text"])[1] == "day"


def count_exportable(meetings: pd.DataFrame) -> int:
    """How many of the meetings are dated to the day (vectorised is_exportable)."""
    return int((meetings["start_precision"] == "day").sum())


def _event_lines(row: pd.Series, stamp: str, source_urls: list[str]) -> list[str]:
    start = parse_partial_date(row["start_text"])[0]
    end_text = row["end_text"] if isinstance(row["end_text"], str) else row["start_text"]
    end = parse_partial_date(end_text)[0] + dt.timedelta(days=1)  # DTEND is exclusive
    description = [f"Status: {row['status']}", *[f"- {outcome}" for outcome in row["outcomes"]],
                   "Sources:", *source_urls]
    return [
        "BEGIN:VEVENT", f"UID:{row['id']}@{UID_DOMAIN}", f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape_ics_text(row['title'])}", f"LOCATION:{escape_ics_text(place_label(row))}",
        f"DESCRIPTION:{escape_ics_text(chr(10).join(description))}", f"STATUS:{_ICS_STATUS[str(row['status'])]}",
        "END:VEVENT",
    ]


def build_calendar(meetings: pd.DataFrame, sources: pd.DataFrame, *, now: dt.datetime) -> str:
    """The meetings dated to the day as one VCALENDAR (CRLF line ends, folded lines)."""
    urls = dict(zip(sources["id"].tolist(), sources["url"].tolist()))
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Central Asia meetings"]
    for _, row in meetings.iterrows():
        if is_exportable(row):
            lines += _event_lines(row, stamp, [urls[s] for s in row["sources"] if s in urls])
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold_line(line) for line in lines) + "\r\n"
