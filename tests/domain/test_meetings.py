"""Meeting, format and initiative transforms and figures (fixture plus made-up records)."""

from __future__ import annotations

from components.domain import formats as fm
from components.domain import initiatives as ini
from components.domain import meetings as mt
from components.figures.initiatives import build_history_figure
from tests.builders import make_dataset, meeting_record

DATA = make_dataset(
    places=[{"id": "xian", "name": "Xi'an", "country": "CHN", "lat": 34.3, "lon": 108.9, "sources": ["src-example"]}],
    meetings=[
        meeting_record("chn-2023", "c5-chn", "2023-05-18", end="2023-05-19", level="heads-of-state", city="xian",
                       country="CHN", title="China–Central Asia Summit", outcomes=["Xi'an Declaration"]),
        meeting_record("chn-2020", "c5-chn", "2020-07-16", online=True, title="C+C5 video meeting"),
        meeting_record("chn-2022", "c5-chn", "2022-06", title="C+C5 ministers", city="astana", country="KAZ"),
        meeting_record("cm-2025-cancel", "consultative-meeting", "2025-03-01", status="cancelled",
                       level="heads-of-state", title="Cancelled, summit; with \"quotes\""),
    ],
)
M = DATA.meetings


def test_search_finds_a_meeting_by_a_place_alias():
    assert list(mt.filter_meetings(M, mt.MeetingFilter(text="Nur-Sultan"))["id"]) == ["chn-2022", "cm-2024-astana"]


def test_search_needs_every_word():
    assert list(mt.filter_meetings(M, mt.MeetingFilter(text="xi'an declaration"))["id"]) == ["chn-2023"]
    assert mt.filter_meetings(M, mt.MeetingFilter(text="xi'an nothing")).empty


def test_filters_combine():
    plus = mt.filter_meetings(M, mt.MeetingFilter(kinds=("central-asia-plus",)))
    assert set(plus["id"]) == {"chn-2020", "chn-2022", "chn-2023"}
    summits = mt.filter_meetings(M, mt.MeetingFilter(kinds=("central-asia-plus",), levels=("heads-of-state",)))
    assert list(summits["id"]) == ["chn-2023"]
    assert list(mt.filter_meetings(M, mt.MeetingFilter(hosts=("CHN",)))["id"]) == ["chn-2023"]
    assert list(mt.filter_meetings(M, mt.MeetingFilter(partners=("CHN",), years=(2021, 2022)))["id"]) == ["chn-2022"]


def test_undated_announced_meetings_stay_when_the_range_reaches_the_latest_year():
    assert "cm-next" in set(mt.filter_meetings(M, mt.MeetingFilter(years=(2020, 2025)))["id"])
    assert "cm-next" not in set(mt.filter_meetings(M, mt.MeetingFilter(years=(2020, 2023)))["id"])


def test_neighbours_in_the_same_format():
    previous, following = mt.find_neighbours(M, "chn-2022")
    assert previous["id"] == "chn-2020" and following["id"] == "chn-2023"
    assert mt.find_neighbours(M, "chn-2020")[0] is None


def test_meeting_list_shows_dates_places_and_levels():
    listed = mt.build_meeting_list(M).set_index("id")
    assert listed.loc["chn-2023", "date"] == "18 May 2023 – 19 May 2023"
    assert listed.loc["chn-2022", "date"] == "Jun 2022"
    assert listed.loc["chn-2020", "place"] == "online"
    assert listed.loc["chn-2023", "place"] == "Xi'an, China"
    assert listed.loc["cm-next", "date"] == "date not set"
    assert listed.loc["chn-2023", "level"] == "Heads of state"


def test_first_summits_and_format_summary():
    summits = fm.first_summits(M)
    assert list(summits["id"]) == ["chn-2023"] and summits["first summit"][0] == "2023-05-18"
    row = DATA.formats.set_index("id").loc["c5-chn"].copy()
    row["id"] = "c5-chn"
    summary = fm.summarize_format(row, M)
    assert summary["meetings"] == 3 and summary["last"]["id"] == "chn-2023" and summary["next"] is None


def test_initiative_filters_and_history():
    initiatives = DATA.initiatives
    assert len(ini.filter_initiatives(initiatives, ini.InitiativeFilter(statuses=("adopted",)))) == 1
    assert ini.filter_initiatives(initiatives, ini.InitiativeFilter(parties=("CHN",))).empty
    assert len(ini.filter_initiatives(initiatives, ini.InitiativeFilter(proposers=("KAZ",), text="2040"))) == 1
    steps = ini.steps_of(DATA.initiative_steps, initiatives)
    figure = build_history_figure(steps, list(initiatives["name"]))
    markers = {trace.name: list(trace.customdata) for trace in figure.data if trace.mode == "markers"}
    assert markers == {"Proposed": ["concept-2040"], "Adopted": ["concept-2040"], "Update": ["concept-2040"]}
    table = ini.build_step_table(steps, M, DATA.sources)
    assert list(table["meeting"]) == ["", "Sixth Consultative Meeting", ""]
    assert list(table["sources"]) == ["Example News"] * 3
    assert ini.build_status_table(initiatives)["status"].tolist() == ["Adopted"]
