"""A meeting still `scheduled` after its date is not upcoming: it is shown as 'date passed, no report of
it recorded', decided on the day the page is viewed, and listed by the validator for a maintainer."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.blocks.meetings import summarize_meetings
from components.data.freshness import meeting_is_past, scheduled_but_passed
from components.data.schema import Meeting
from components.domain.meetings import build_meeting_list
from components.figures.meetings import build_timeline_figure
from tests.builders import make_dataset, meeting_record

SUMMIT = meeting_record("summit-2026-09", "consultative-meeting", "2026-09-16", end="2026-09-17", status="scheduled",
                        level="heads-of-state")
MONTH_ONLY = meeting_record("ministers-2026-11", "consultative-meeting", "2026-11", status="scheduled")


def _meetings(today: dt.date) -> pd.DataFrame:
    return make_dataset(today=today, meetings=[SUMMIT, MONTH_ONLY]).meetings.set_index("id")


def test_before_its_last_day_a_scheduled_meeting_is_upcoming():
    meetings = _meetings(dt.date(2026, 9, 17))
    assert meetings.loc["summit-2026-09", ["upcoming", "date_passed", "shown_status"]].tolist() == [
        True, False, "scheduled"]


def test_after_its_last_day_it_is_date_passed_not_upcoming():
    meetings = _meetings(dt.date(2026, 11, 20))
    assert meetings.loc["summit-2026-09", ["upcoming", "date_passed", "shown_status"]].tolist() == [
        False, True, "date-passed"]
    assert bool(meetings.loc["ministers-2026-11", "upcoming"])  # a month-dated meeting runs to the month's end
    assert not bool(meetings.loc["cm-next", "date_passed"])  # no date yet: still upcoming
    assert bool(meetings.loc["cm-next", "upcoming"])


def test_the_page_says_it_in_the_summary_the_table_and_the_timeline():
    meetings = _meetings(dt.date(2026, 11, 20)).reset_index()
    summary = summarize_meetings(meetings)
    assert "1 still scheduled after its date: no report of it is recorded yet." in summary
    assert "2 upcoming" in summary  # the month-dated one and the undated one, not the summit
    table = build_meeting_list(meetings).set_index("id")
    assert table.loc["summit-2026-09", "status"] == "date passed, no report of it recorded"
    figure = build_timeline_figure(meetings, meetings["format_name"].astype(str).unique().tolist(),
                                   today=pd.Timestamp("2026-12-01"))
    names = {trace.name for trace in figure.data}
    assert "date passed, no report of it recorded" in names


def test_the_validator_lists_what_to_update():
    meetings = [Meeting.model_validate(record) for record in (SUMMIT, MONTH_ONLY)]
    assert [m.id for m in scheduled_but_passed(meetings, dt.date(2026, 11, 30))] == ["summit-2026-09"]
    assert [m.id for m in scheduled_but_passed(meetings, dt.date(2026, 12, 1))] == ["summit-2026-09", "ministers-2026-11"]
    assert meeting_is_past("2026", None, dt.date(2026, 12, 31)) is False
    assert meeting_is_past("2026", None, dt.date(2027, 1, 1)) is True
