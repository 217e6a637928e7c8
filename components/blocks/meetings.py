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
from components.domain.choices import country_names
from components.domain.names import localize_meetings, localize_names
from components.domain import meetings as mt
from components.figures.meetings import build_meeting_map_figure, build_timeline_figure
from components.i18n.texts import N_, _, ngettext

# The Plotly marker symbols of the meeting levels, as the timeline's note names them.
SYMBOL_NAMES = {"star": N_("star"), "diamond": N_("diamond"), "square": N_("square"), "circle": N_("circle"),
                "triangle-up": N_("triangle-up"), "hexagon": N_("hexagon")}


def summarize_meetings(meetings: pd.DataFrame) -> str:
    """'129 meeting(s) match: 120 held, 5 upcoming. 2 announced without a date are listed below but …'."""
    undated = int(meetings["start"].isna().sum())
    text = ngettext("{count} meeting(s) match: {held} held, {upcoming} upcoming.",
                    "{count} meeting(s) match: {held} held, {upcoming} upcoming.", len(meetings)).format(
        count=len(meetings), held=int((meetings["status"] == "held").sum()), upcoming=int(meetings["upcoming"].sum()))
    passed = int(meetings["date_passed"].sum())
    if passed:
        text += " " + ngettext("{count} still scheduled after its date: no report of it is recorded yet.",
                               "{count} still scheduled after its date: no report of it is recorded yet.",
                               passed).format(count=passed)
    if undated:
        text += " " + ngettext(
            "{count} announced without a date are listed below but cannot be placed on the timeline.",
            "{count} announced without a date are listed below but cannot be placed on the timeline.",
            undated).format(count=undated)
    return text


def _level_legend() -> str:
    # Translators: one entry of the timeline's legend of symbols, e.g. "star heads of state".
    return ", ".join(_("{symbol} {level}").format(symbol=_(SYMBOL_NAMES.get(term.symbol, term.symbol)),
                                                  level=_(term.label).lower())
                     for term in MEETING_LEVELS.terms.values())


def build_timeline_block(meetings: pd.DataFrame, lanes: list[str], today: pd.Timestamp,
                         sources: pd.DataFrame) -> ChartBlock:
    """The dated meetings on the timeline; the table holds exactly those, with their sources."""
    dated = meetings[meetings["start"].notna()]
    table = mt.build_meeting_list(dated).drop(columns=["start"]).assign(sources=dated["sources"].tolist())
    return build_chart_block(
        "timeline", build_timeline_figure(meetings, lanes, today=today), summarize_meetings(meetings), table,
        sources, file_name="central-asia-meetings-timeline", table_label="meeting",
        note=_("Symbol: level ({legend}). Colour: status; open markers are not (yet) held. "
               "Click a meeting to open it below.").format(legend=_level_legend()))


def build_map_block(meetings: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Where the meetings took place; the table holds each place drawn, its meetings and their sources
    (and the source of the place's coordinates)."""
    by_place = mt.count_meetings_by_place(meetings, places)
    placed = int(by_place["meetings"].sum()) if not by_place.empty else 0
    in_places = ngettext("in {count} place(s)", "in {count} place(s)", len(by_place)).format(count=len(by_place))
    summary = ngettext("{placed} of {total} meeting(s) on the map, {in_places}.",
                       "{placed} of {total} meeting(s) on the map, {in_places}.", len(meetings)).format(
        placed=placed, total=len(meetings), in_places=in_places)
    if placed < len(meetings):
        summary += " " + ngettext(
            "{count} are not on the map: held online or at a place the sources do not give, or at one without "
            "known coordinates.",
            "{count} are not on the map: held online or at a place the sources do not give, or at one without "
            "known coordinates.", len(meetings) - placed).format(count=len(meetings) - placed)
    table = pd.DataFrame({"place": by_place["name"], "country": by_place["country"].astype(str),
                          "lat": by_place["lat"], "lon": by_place["lon"], "meetings": by_place["meetings"],
                          "sources": by_place["sources"]})
    return build_chart_block("map", build_meeting_map_figure(by_place), summary, table, sources,
                             file_name="central-asia-meetings-map", table_label="place")


class MeetingsView(NamedTuple):
    """One view of the meetings page: the meetings the filters keep (in English, for the CSV, and with their
    names in the reader's language, for everything shown), their list as the page shows it, and the
    timeline and map blocks."""

    shown: pd.DataFrame
    local: pd.DataFrame
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
    local = localize_meetings(shown, dataset.formats, dataset.places, country_names(dataset))
    # The lanes are the formats' names in the same language as the meetings' `format_name`.
    lanes = mt.lane_order(localize_names(dataset.formats), set(shown["format"].astype(str).tolist()))
    return MeetingsView(shown, local, mt.build_meeting_list(local),
                        build_timeline_block(local, lanes, today, dataset.sources),
                        build_map_block(local, localize_names(dataset.places), dataset.sources))
