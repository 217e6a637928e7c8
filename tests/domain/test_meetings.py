"""Meeting, format and initiative transforms and figures (fixture plus made-up records)."""

from __future__ import annotations

import pandas as pd

from components.domain import formats as fm
from components.domain import initiatives as ini
from components.domain import meetings as mt
from components.figures.initiatives import build_history_figure
from components.figures.formats import build_level_grid_figure
from components.figures.meetings import build_meeting_map_figure, build_timeline_figure
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


def test_timeline_has_a_trace_per_status_lanes_and_hover():
    lanes = mt.lane_order(DATA.formats, set(M["format"].astype(str)))
    assert lanes == ["Consultative Meeting of the Heads of State", "China–Central Asia"]
    figure = build_timeline_figure(M, lanes, today=pd.Timestamp("2025-01-31"))
    by_status: dict[str, list] = {}
    for trace in figure.data:
        by_status.setdefault(trace.legendgroup, []).append(trace)
    assert set(by_status) == {"held", "cancelled"}
    assert [trace.name for trace in figure.data if trace.showlegend] == ["held", "cancelled"]  # one entry each
    held = [meeting for trace in by_status["held"] for meeting in trace.customdata]
    assert sorted(held) == ["chn-2020", "chn-2022", "chn-2023", "cm-2024-astana"]
    assert [trace.marker.symbol for trace in by_status["cancelled"]] == ["star-open"]
    symbols = {meeting: trace.marker.symbol for trace in by_status["held"] for meeting in trace.customdata}
    assert (symbols["chn-2023"], symbols["chn-2022"]) == ("star", "diamond")  # heads of state, ministers
    hover = {meeting: text for trace in by_status["held"] for meeting, text in zip(trace.customdata, trace.hovertext)}
    assert "Xi'an, China" in hover["chn-2023"] and "Heads of state · held" in hover["chn-2023"]
    assert list(figure.layout.yaxis.categoryarray) == list(reversed(lanes))


def test_timeline_empty_case():
    figure = build_timeline_figure(M.iloc[0:0], [], today=pd.Timestamp("2025-01-31"))
    assert figure.layout.annotations[0].text == "No dated meetings match the filters."


def test_map_counts_meetings_per_place_and_leaves_out_online():
    by_place = mt.count_meetings_by_place(M, DATA.places)
    assert dict(zip(by_place["id"], by_place["meetings"])) == {"astana": 2, "xian": 1}
    figure = build_meeting_map_figure(by_place)
    assert list(figure.data[0].lat) == [51.1, 34.3]
    assert figure.data[0].marker.size[0] > figure.data[0].marker.size[1]
    assert build_meeting_map_figure(by_place.iloc[0:0]).layout.annotations[0].text.startswith("None of the")


def test_level_grid_shows_the_highest_level_per_year():
    grid = fm.build_level_grid(M, DATA.formats)
    assert grid.loc["China–Central Asia", 2023] == 3 and grid.loc["China–Central Asia", 2022] == 2
    assert pd.isna(grid.loc["China–Central Asia", 2021])
    assert 2025 not in grid.columns  # the only 2025 meeting was cancelled: not a meeting held
    figure = build_level_grid_figure(grid)
    assert list(figure.data[0].y) == ["Consultative Meeting of the Heads of State", "China–Central Asia"]
    assert figure.data[0].text[1][list(grid.columns).index(2023)] == "Summit"
    assert figure.layout.xaxis.type == "category"  # one year reads "2023", not 2,022.5 to 2,023.5


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


def test_timeline_lanes_from_the_data_are_shown_as_text():
    hostile = M.assign(format_name=M["format_name"].astype(str).str.replace("China", "<b>China</b>", regex=False))
    lanes = list(dict.fromkeys(hostile["format_name"]))
    figure = build_timeline_figure(hostile, lanes, today=pd.Timestamp("2025-01-31"))
    shown = {lane for trace in figure.data for lane in trace.y}
    assert "&lt;b&gt;China&lt;/b&gt;–Central Asia" in shown and not any("<b>" in lane for lane in shown)
    assert set(figure.layout.yaxis.categoryarray) == shown


def test_the_map_frames_its_cities_and_one_city_still_shows_its_surroundings():
    by_place = mt.count_meetings_by_place(M, DATA.places)
    geo = build_meeting_map_figure(by_place).layout.geo
    assert geo.lataxis.range[0] < 34.3 and geo.lataxis.range[1] > 51.1  # Xi'an and Astana both inside
    one_city = build_meeting_map_figure(by_place[by_place["id"] == "astana"]).layout.geo
    assert one_city.lonaxis.range[1] - one_city.lonaxis.range[0] >= 30
    assert one_city.lataxis.range[0] < 51.1 < one_city.lataxis.range[1]


def test_each_initiative_gets_its_own_grey_lane_in_one_trace():
    steps = ini.steps_of(DATA.initiative_steps, DATA.initiatives)
    lanes = build_history_figure(steps, list(DATA.initiatives["name"])).data[0]
    assert lanes.mode == "lines" and lanes.showlegend is False
    names = [name for name in lanes.y if name is not None]
    assert set(names) == set(steps["name"]) and len(names) == len(steps)
    assert lanes.y[-1] is None  # each lane ends in a gap, so lanes never join
