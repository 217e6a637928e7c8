"""The meetings page's chart blocks: the timeline and the map, each with summary, table, CSV, sources."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from components.blocks.block import (
    VIEW_CACHE_BYTES,
    VIEW_CACHE_ENTRIES,
    ChartBlock,
    build_chart_block,
    view_bytes,
)
from components.data.dataset import Dataset
from components.data.memo import lru_per_object
from components.data.vocabulary import MEETING_LEVELS
from components.domain import meetings as mt
from components.figures.meetings import build_meeting_map_figure, build_timeline_figure


def summarize_meetings(meetings: pd.DataFrame) -> str:
    """'129 meeting(s) match: 120 held, 5 upcoming. 2 announced without a date are listed below but …'."""
    undated = int(meetings["start"].isna().sum())
    text = (f"{len(meetings)} meeting(s) match: {int((meetings['status'] == 'held').sum())} held, "
            f"{int(meetings['upcoming'].sum())} upcoming.")
    passed = int(meetings["date_passed"].sum())
    if passed:
        text += f" {passed} still scheduled after its date: no report of it is recorded yet."
    if undated:
        text += f" {undated} announced without a date are listed below but cannot be placed on the timeline."
    return text


def _level_legend() -> str:
    return ", ".join(f"{term.symbol} {term.label.lower()}" for term in MEETING_LEVELS.terms.values())


def build_timeline_block(meetings: pd.DataFrame, lanes: list[str], today: pd.Timestamp,
                         sources: pd.DataFrame) -> ChartBlock:
    """The dated meetings on the timeline; the table holds exactly those, with their sources."""
    dated = meetings[meetings["start"].notna()]
    table = mt.build_meeting_list(dated).drop(columns=["start"]).assign(sources=dated["sources"].tolist())
    return build_chart_block(
        "timeline", build_timeline_figure(meetings, lanes, today=today), summarize_meetings(meetings), table,
        sources, file_name="central-asia-meetings-timeline", table_label="meeting",
        note=f"Symbol: level ({_level_legend()}). Colour: status; open markers are not (yet) held. "
             "Click a meeting to open it below.")


def build_map_block(meetings: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Where the meetings took place; the table holds each place drawn, its meetings and their sources
    (and the source of the place's coordinates)."""
    by_place = mt.count_meetings_by_place(meetings, places)
    placed = int(by_place["meetings"].sum()) if not by_place.empty else 0
    summary = f"{placed} of {len(meetings)} meeting(s) on the map, in {len(by_place)} place(s)."
    if placed < len(meetings):
        summary += (f" {len(meetings) - placed} are not on the map: held online or at a place the sources do not "
                    "give, or at one without known coordinates.")
    table = pd.DataFrame({"place": by_place["name"], "country": by_place["country"].astype(str),
                          "lat": by_place["lat"], "lon": by_place["lon"], "meetings": by_place["meetings"],
                          "sources": by_place["sources"]})
    return build_chart_block("map", build_meeting_map_figure(by_place), summary, table, sources,
                             file_name="central-asia-meetings-map", table_label="place")


class MeetingsView(NamedTuple):
    """One view of the meetings page: the meetings the filters keep, their list as the page shows it, and
    the timeline and map blocks."""

    shown: pd.DataFrame
    listed: pd.DataFrame
    timeline: ChartBlock
    map: ChartBlock


# Every view (the default one, which most visits open, and each filtered one a shared link opens) is built
# once per dataset and day; bounded so that every combination of filters cannot fill the memory.
@lru_per_object(max_entries=VIEW_CACHE_ENTRIES, max_bytes=VIEW_CACHE_BYTES, size_of=view_bytes)
def build_meetings_view(dataset: Dataset, chosen: mt.MeetingFilter, today: pd.Timestamp) -> MeetingsView:
    """The meetings the filter keeps, their list, and their timeline and map blocks, shared read-only by
    every session that opens the same view on the same data and day."""
    shown = mt.filter_meetings(dataset.meetings, chosen)
    lanes = mt.lane_order(dataset.formats, set(shown["format"].astype(str).tolist()))
    return MeetingsView(shown, mt.build_meeting_list(shown),
                        build_timeline_block(shown, lanes, today, dataset.sources),
                        build_map_block(shown, dataset.places, dataset.sources))
