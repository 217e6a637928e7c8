"""Chart blocks: the table twin holds exactly what the figure draws, with each row's sources, and the
summary says what the rows say (fixture plus made-up records)."""

from __future__ import annotations

import pandas as pd

from components.blocks.formats import build_grid_block
from components.blocks.initiatives import build_history_block
from components.blocks.meetings import build_map_block, build_timeline_block
from components.blocks.trade import MATRIX_CELLS, build_external_block, build_matrix_block
from components.domain import initiatives as ini
from components.domain import meetings as mt
from components.domain import trade as tr
from tests.builders import make_dataset, make_sources, make_trade, meeting_record, trade_record

SOURCE = {"id": "src-other", "url": "https://example.org/other", "publisher": "other-agency", "page_read": True, "title": "Other page",
          "title_from_page": True, "published": "2023-05", "accessed": "2026-12-02", "language": "en"}
DATA = make_dataset(
    publishers=[{"id": "other-agency", "name": "Other Agency", "kind": "state-media", "domains": ["other.example.com"]}],
    sources=[SOURCE],
    places=[{"id": "nowhere", "name": "Nowhere", "country": "KAZ", "sources": ["src-undated"]}],
    meetings=[meeting_record("m-2023", "consultative-meeting", "2023-05-18", city="astana", country="KAZ",
                             level="heads-of-state", sources=["src-other"]),
              meeting_record("m-online", "consultative-meeting", "2022-01-10", online=True),
              meeting_record("m-nowhere", "consultative-meeting", "2022-03", city="nowhere", country="KAZ")])
TODAY = pd.Timestamp("2025-01-31")


def _drawn_ids(block) -> list[str]:
    return [value for trace in block.figure.data for value in (trace.customdata if trace.customdata is not None else [])]


def test_the_timeline_table_holds_the_dated_meetings_drawn_with_their_sources():
    block = build_timeline_block(DATA.meetings, mt.lane_order(DATA.formats), TODAY, DATA.sources)
    assert sorted(block.table["id"]) == sorted(_drawn_ids(block))
    assert "cm-next" not in set(block.table["id"])  # undated: listed on the page, not drawn
    assert block.summary.startswith(f"{len(DATA.meetings)} meeting(s) match: ")
    assert "1 announced without a date" in block.summary
    row = block.table.set_index("id").loc["m-2023"]
    assert row["sources"] == ["src-other"] and row["source urls"] == "https://example.org/other"
    assert [source["id"] for source in block.sources] == ["src-example", "src-other"]  # first cited first


def test_the_map_table_holds_the_places_drawn_and_the_sources_of_their_meetings_and_coordinates():
    block = build_map_block(DATA.meetings, DATA.places, DATA.sources)
    assert list(block.table["place"]) == ["Astana"]  # online and the place without coordinates are not drawn
    assert list(block.table["meetings"]) == [2]
    assert block.table.loc[0, "sources"] == ["src-other", "src-example"]  # its meetings' by date, then its own
    placed, total = 2, len(DATA.meetings)
    assert block.summary.startswith(f"{placed} of {total} meeting(s) on the map, in 1 place(s). {total - placed} are not")


def test_the_grid_table_has_one_row_per_filled_cell_with_its_highest_level():
    block = build_grid_block(DATA.meetings, DATA.formats, DATA.sources)
    cells = block.table.set_index(["format", "year"])
    name = DATA.formats.set_index("id").loc["consultative-meeting", "name"]
    assert cells.loc[(name, 2022), "highest level"] == "Ministers" and cells.loc[(name, 2022), "meetings"] == 2
    assert cells.loc[(name, 2023), "highest level"] == "Summit"
    figure = block.figure.data[0]
    filled = sum(1 for row in figure.z for value in row if value == value)  # not NaN
    assert filled == len(block.table)
    assert block.summary.endswith(f"{len(block.table)} format-year(s) with a held meeting, "
                                  f"{int((block.table['highest level'] == 'Summit').sum())} of them at summit level.")


def test_the_history_table_holds_every_step_drawn():
    steps = ini.steps_of(DATA.initiative_steps, DATA.initiatives)
    block = build_history_block(DATA.initiatives, steps, DATA.meetings, DATA.sources)
    drawn = sum(len(trace.x) for trace in block.figure.data if trace.mode == "markers")
    assert len(block.table) == drawn == len(steps)
    assert block.summary.startswith(f"{len(DATA.initiatives)} initiative(s) match, with {len(steps)} dated step(s)")


TRADE = make_trade(
    trade_record("t-1", "intraregional-total", 5e9, 2019),
    trade_record("b-kaz", "bilateral", 3e9, 2019, partners=["KAZ", "UZB"], reporter_country="KAZ"),
    trade_record("b-uzb", "bilateral", 2.5e9, 2019, partners=["KAZ", "UZB"], reporter_country="UZB"),
    trade_record("x-chn", "external", 40e9, 2019, counterparts=["CHN"]),
)
SOURCES = make_sources("src-a")


def test_the_matrix_summary_counts_its_filled_cells_out_of_all():
    year_rows = tr.select_pair_year(TRADE, 2019)
    block = build_matrix_block(year_rows, 2019, SOURCES)
    assert block.summary == f"2 full-year bilateral figure(s) for 2019; 2 of {MATRIX_CELLS} cells have a figure."
    assert sorted(block.table["record"]) == ["b-kaz", "b-uzb"]


def test_the_external_table_holds_both_what_is_drawn_for_partners_and_within_the_region():
    block = build_external_block(tr.select_external(TRADE), tr.select_measure(TRADE, "intraregional-total"), SOURCES)
    assert sorted(block.table["record"]) == sorted(_drawn_ids(block)) == ["t-1", "x-chn"]
    assert set(block.table["partner"]) == {"CHN", "within Central Asia"}


def test_a_block_lists_its_sources_once_in_first_cited_order():
    points = tr.select_measure(TRADE, "intraregional-total")
    block = build_external_block(tr.select_external(TRADE), points, SOURCES)
    assert [source["id"] for source in block.sources] == ["src-a"]
    assert block.shown_table.columns.tolist()[-2:] == ["source publishers", "source urls"]


def test_the_default_view_blocks_are_built_once_per_dataset_and_equal_the_unfiltered_ones():
    from components.blocks.meetings import build_meetings_view

    view = build_meetings_view(DATA, mt.MeetingFilter(), TODAY)
    timeline, world = view.timeline, view.map
    assert build_meetings_view(DATA, mt.MeetingFilter(), TODAY).timeline is timeline  # shared, not rebuilt
    assert view.listed.equals(mt.build_meeting_list(DATA.meetings))
    fresh = build_timeline_block(DATA.meetings, mt.lane_order(DATA.formats, set(DATA.meetings["format"].astype(str))),
                                 TODAY, DATA.sources)
    assert timeline.summary == fresh.summary and timeline.table.equals(fresh.table)
    assert world.table.equals(build_map_block(DATA.meetings, DATA.places, DATA.sources).table)
