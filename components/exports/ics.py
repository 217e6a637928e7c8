r"""iCalendar (RFC 5545) export of meetings: all-day events with stable UIDs from the meeting ids.

The `icalendar` package escapes the TEXT values and folds the lines at 75 octets; `ics_text` first
makes every line break in a value a `\n`, which icalendar writes as its escape.
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pandas as pd

from components.data.dates import parse_partial_date
from components.data.rows import records
from components.data.vocabulary import SHOWN_MEETING_STATUSES, shown_status_label
from components.domain.meetings import place_label
from components.i18n.texts import N_, _, current_language, language

PRODUCT_ID = "-//Central Asia Cooperation Dashboard//Meetings//EN"
UID_DOMAIN = "central-asia-cooperation-dashboard"
CALENDAR_NAME = N_("Central Asia meetings")
_EVENT_COLUMNS = ["id", "title", "start_text", "end_text", "shown_status", "outcomes", "sources",
                  "online", "city_name", "country_name", "country"]


def is_exportable(row: dict | pd.Series) -> bool:
    """Only meetings dated to the day can be calendar events."""
    return isinstance(row["start_text"], str) and parse_partial_date(row["start_text"])[1] == "day"


def count_exportable(meetings: pd.DataFrame) -> int:
    """How many of the meetings are dated to the day (vectorised is_exportable)."""
    return int((meetings["start_precision"] == "day").sum())


# Control characters RFC 5545 forbids in TEXT values (all but the tab), once line breaks are `\n`.
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def ics_text(value: object) -> str:
    r"""The value as iCalendar TEXT: each line break a reader may split a line on (CRLF, a bare CR,
    LF, and the others `str.splitlines` knows: VT, FF, FS, GS, RS, NEL, U+2028, U+2029) becomes `\n`,
    and other control characters are dropped. A data value then cannot end the line it is written on
    (nor start an event of its own) in any reader."""
    return "\n".join(_FORBIDDEN_CONTROL.sub("", line) for line in str(value).splitlines())


def _event(row: dict, stamp: dt.datetime, source_urls: list[str]) -> icalendar.Event:
    start = parse_partial_date(row["start_text"])[0]
    end_text = row["end_text"] if isinstance(row["end_text"], str) else row["start_text"]
    end = parse_partial_date(end_text)[0] + dt.timedelta(days=1)  # DTEND is exclusive
    description = [_("Status: {status}").format(status=shown_status_label(row["shown_status"])),
                   *[f"- {outcome}" for outcome in row["outcomes"]], _("Sources:"), *source_urls]
    return icalendar.Event.new(uid=f"{row['id']}@{UID_DOMAIN}", stamp=stamp, start=start, end=end,
                               summary=ics_text(row["title"]), location=ics_text(place_label(row)),
                               description=ics_text("\n".join(description)),
                               status=SHOWN_MEETING_STATUSES[row["shown_status"]].ics_status)


def build_calendar(meetings: pd.DataFrame, sources: pd.DataFrame, *, now: dt.datetime,
                   lang: str | None = None) -> str:
    """The meetings dated to the day as one VCALENDAR (CRLF line ends, folded lines), its words in `lang`:
    the page's (a download built when clicked runs outside the page's run, in the default language)."""
    urls = dict(zip(sources["id"].tolist(), sources["url"].tolist()))
    stamp = now.astimezone(dt.timezone.utc)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    with language(lang or current_language()):
        calendar.add("x-wr-calname", _(CALENDAR_NAME))
        for row in records(meetings, _EVENT_COLUMNS):
            if is_exportable(row):
                calendar.add_component(_event(row, stamp, [urls[s] for s in row["sources"] if s in urls]))
    return calendar.to_ical().decode("utf-8")
