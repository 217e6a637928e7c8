"""The meetings .ics export, parsed back with icalendar (fixture plus made-up records)."""

from __future__ import annotations

import datetime as dt

import icalendar

from components.exports.ics import build_calendar, count_exportable, is_exportable
from tests.builders import make_dataset, meeting_record

LONG_TITLE = " ".join(["Консультативная встреча глав государств Центральной Азии"] * 4)
ODD_TITLE = "Summit, part 1; C:\\drafts\\final\nsecond line"
ODD_OUTCOME = "Agreed: trade, transit; a\\b\nand more"


def _meeting(id: str, start: str | None, **fields) -> dict:
    return meeting_record(id, fields.pop("format", "consultative-meeting"), start, **fields)


DATA = make_dataset(  # the fixture has cm-2024-astana (day-dated, held) and cm-next (no date)
    places=[{"id": "xian", "name": "Xi'an", "country": "CHN", "lat": 34.3, "lon": 108.9, "sources": ["src-example"]}],
    meetings=[
        _meeting("summit", "2023-05-18", end="2023-05-19", format="c5-chn", city="xian", country="CHN",
                 title="China–Central Asia Summit", outcomes=["Xi'an Declaration"]),
        _meeting("video", "2020-07-16", format="c5-chn", online=True),
        _meeting("month", "2022-06", city="astana", country="KAZ"),
        _meeting("cancelled", "2025-03-01", status="cancelled", title="Cancelled, summit; with \"quotes\""),
        _meeting("scheduled", "2025-06-01", status="scheduled"),
        _meeting("postponed", "2025-07-01", status="postponed"),
        _meeting("year-end", "2024-12-30", end="2024-12-31"),
        _meeting("leap", "2024-02-28"),
        _meeting("long", "2024-09-01", title=LONG_TITLE),
        _meeting("odd", "2024-09-02", title=ODD_TITLE, outcomes=[ODD_OUTCOME]),
    ],
)
ALMATY = dt.timezone(dt.timedelta(hours=5))
TEXT = build_calendar(DATA.meetings, DATA.sources, now=dt.datetime(2025, 1, 1, 5, 30, tzinfo=ALMATY))  # 00:30 UTC
CALENDAR = icalendar.Calendar.from_ical(TEXT)
EVENTS = {str(event["UID"]).removesuffix("@central-asia-cooperation-dashboard"): event
          for event in CALENDAR.walk("VEVENT")}
DAY_DATED = {"cm-2024-astana", "summit", "video", "cancelled", "scheduled", "postponed", "year-end", "leap", "long",
             "odd"}


def test_calendar_parses_and_holds_the_day_dated_meetings():
    assert set(EVENTS) == DAY_DATED
    assert all(str(event["UID"]).endswith("@central-asia-cooperation-dashboard") for event in EVENTS.values())
    summit = EVENTS["summit"]
    assert summit["DTSTART"].dt == dt.date(2023, 5, 18) and summit["DTEND"].dt == dt.date(2023, 5, 20)
    assert str(summit["SUMMARY"]) == "China–Central Asia Summit" and str(summit["LOCATION"]) == "Xi'an, China"
    assert str(summit["DESCRIPTION"]) == "Status: held\n- Xi'an Declaration\nSources:\nhttps://example.org/news/summit"
    assert str(EVENTS["video"]["LOCATION"]) == "online"
    cancelled = EVENTS["cancelled"]
    assert str(cancelled["SUMMARY"]) == 'Cancelled, summit; with "quotes"' and str(cancelled["STATUS"]) == "CANCELLED"


def test_calendar_header_crlf_and_stamp_in_utc():
    assert str(CALENDAR["PRODID"]) == "-//Central Asia Cooperation Dashboard//Meetings//EN"
    assert str(CALENDAR["X-WR-CALNAME"]) == "Central Asia meetings"
    stamps = {event["DTSTAMP"].dt for event in EVENTS.values()}
    assert stamps == {dt.datetime(2025, 1, 1, 0, 30, tzinfo=dt.timezone.utc)}
    assert "DTSTAMP:20250101T003000Z\r\n" in TEXT
    assert TEXT.startswith("BEGIN:VCALENDAR\r\n") and TEXT.endswith("END:VCALENDAR\r\n")
    assert "\n" not in TEXT.replace("\r\n", "")  # CRLF line ends only


def test_statuses_map_to_ics_statuses():
    statuses = {id: str(EVENTS[id]["STATUS"]) for id in ("cm-2024-astana", "scheduled", "postponed", "cancelled")}
    assert statuses == {"cm-2024-astana": "CONFIRMED", "scheduled": "TENTATIVE", "postponed": "TENTATIVE",
                        "cancelled": "CANCELLED"}


def test_a_long_multibyte_title_round_trips_and_no_line_exceeds_75_octets():
    assert len(LONG_TITLE.encode("utf-8")) > 300
    assert str(EVENTS["long"]["SUMMARY"]) == LONG_TITLE
    assert all(len(line.encode("utf-8")) <= 75 for line in TEXT.split("\r\n"))


def test_commas_semicolons_backslashes_and_newlines_round_trip():
    assert str(EVENTS["odd"]["SUMMARY"]) == ODD_TITLE
    assert f"\n- {ODD_OUTCOME}\nSources:\n" in str(EVENTS["odd"]["DESCRIPTION"])


def test_dtend_is_the_day_after_the_last_day():
    dates = {id: (EVENTS[id]["DTSTART"].dt, EVENTS[id]["DTEND"].dt) for id in ("year-end", "leap")}
    assert dates == {"year-end": (dt.date(2024, 12, 30), dt.date(2025, 1, 1)),  # with an end: end + 1 day
                     "leap": (dt.date(2024, 2, 28), dt.date(2024, 2, 29))}  # without: start + 1 day


def test_a_month_precision_meeting_is_not_exported():
    assert "month" in set(DATA.meetings["id"]) and "month" not in EVENTS
    assert "cm-next" not in EVENTS  # nor one without a date


def test_count_exportable_agrees_with_is_exportable():
    meetings = DATA.meetings
    assert count_exportable(meetings) == int(meetings.apply(is_exportable, axis=1).sum()) == len(DAY_DATED)
