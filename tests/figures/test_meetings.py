"""Meeting, format and initiative figures: traces, lanes, hover, the map's frame, the empty cases."""

from __future__ import annotations

import pandas as pd

from components.domain import formats as fm
from components.domain import initiatives as ini
from components.domain import meetings as mt
from components.figures.formats import build_level_grid_figure
from components.figures.initiatives import build_history_figure
from components.figures.meetings import build_meeting_map_figure, build_timeline_figure
from tests.domain.test_meetings import DATA, M


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
