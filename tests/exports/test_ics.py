"""The meetings .ics export, parsed back with icalendar (fixture plus made-up records)."""

from __future__ import annotations

import datetime as dt
import re

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


# Every line break a reader may split a line on: CRLF, a bare CR, LF, and those str.splitlines knows.
LINE_BREAKS = ["\r\n", "\r", "\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _injecting(record_id: str, line_break: str) -> dict:
    return _meeting(record_id, "2024-10-01", title=f"Real\x00\x1b[1m{line_break}END:VEVENT{line_break}BEGIN:VEVENT",
                    outcomes=[f"done{line_break}BEGIN:VEVENT{line_break}SUMMARY:Injected"])


def test_no_line_break_in_a_value_starts_an_event_in_a_line_splitting_reader():
    records = [_injecting(f"inject-{position}", line_break) for position, line_break in enumerate(LINE_BREAKS)]
    data = make_dataset(meetings=records)
    text = build_calendar(data.meetings, data.sources, now=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
    events = len(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert events == 1 + len(LINE_BREAKS)  # the fixture's day-dated meeting and the injecting ones
    for lines in (re.split(r"\r\n|\r|\n", text), text.splitlines()):
        assert [line for line in lines if line.startswith("BEGIN:VEVENT")] == ["BEGIN:VEVENT"] * events
        assert not any(line.startswith(("END:VEVENT", "SUMMARY:Injected")) and line != "END:VEVENT" for line in lines)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]|\r(?!\n)|(?<!\r)\n", text)


def test_a_value_s_line_breaks_become_newlines_inside_the_value():
    data = make_dataset(meetings=[_injecting("inject", "\r")])
    text = build_calendar(data.meetings, data.sources, now=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
    event = next(event for event in icalendar.Calendar.from_ical(text).walk("VEVENT") if "inject" in str(event["UID"]))
    assert str(event["SUMMARY"]) == "Real[1m\nEND:VEVENT\nBEGIN:VEVENT"  # NUL and ESC are not TEXT: dropped
    assert "- done\nBEGIN:VEVENT\nSUMMARY:Injected\n" in str(event["DESCRIPTION"])
