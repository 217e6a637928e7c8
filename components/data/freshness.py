"""Records the passing of time has made out of date: meetings still `scheduled` after their date."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from components.data.dates import last_day


def meeting_is_past(start: str | None, end: str | None, today: dt.date) -> bool:
    """Whether the meeting's last possible day (its end or start; a month's or year's last day) is before today."""
    return bool(start) and last_day(end or start) < today


def scheduled_but_passed(meetings: list[BaseModel], today: dt.date) -> list[BaseModel]:
    """Meetings whose record still says `scheduled` although their last possible day is before `today`."""
    return [meeting for meeting in meetings
            if meeting.status == "scheduled" and meeting_is_past(meeting.start, meeting.end, today)]
