"""Meetings: timeline, filters, list, detail, map and downloads."""

import datetime as dt

import pandas as pd
import streamlit as st

from components.domain import meetings as mt
from components.figures.base import chart_config
from components.exports.ics import build_calendar, count_exportable
from components.figures.meetings import build_meeting_map_figure, build_timeline_figure
from components.domain.citations import add_source_columns, to_csv_bytes
from components.ui.markdown import escape_markdown
from components.ui.loader import require_dataset
from components.ui.meetings import render_meeting_detail
from components.ui.share import (render_share, set_url_choice, set_view_title, shared_countries, shared_view_params,
                                 shared_years, url_multiselect, url_select, url_text, view_params)
from components.links.contract import country_names, format_names, list_dataset_years, meeting_partners

dataset = require_dataset()
meetings, formats = dataset.meetings, dataset.formats
names = country_names(dataset)
span = list_dataset_years(dataset)
share_slot = st.container()
st.title("Meetings")
st.caption("Summits, ministerial and officials' meetings of the five states, and the Central Asia Plus "
           "formats with outside partners: when, where, who, what was adopted, and what comes next.")

years = shared_years(span)
hosts = shared_countries()
format_titles = format_names(formats)
with st.container(border=True):
    text = url_text("Search titles, outcomes, people and places (aliases such as Nur-Sultan work too)",
                    key="q", max_chars=200)
    left, middle, right = st.columns(3)
    kinds = url_multiselect("Kind", list(mt.KIND_LABELS), format_func=mt.KIND_LABELS.get, key="kind", container=left)
    chosen_formats = url_multiselect("Formats", formats["id"].tolist(), format_func=format_titles.get, key="formats",
                                     placeholder="All formats", container=middle)
    partners = url_multiselect("Partner", meeting_partners(formats), format_func=lambda code: names.get(code, code),
                               key="partner", container=right)
    levels = url_multiselect("Level", mt.LEVELS, format_func=mt.LEVEL_LABELS.get, key="level", container=left)
    statuses = url_multiselect("Status", mt.STATUSES, key="status", container=middle)
    right.caption("Years and host countries: in the sidebar"
                  + (f" (now {years[0]}–{years[1]}" + (", " + ", ".join(names.get(c, c) for c in hosts) if hosts else "")
                     + ")" if years else "") + ".")

chosen = mt.MeetingFilter(formats=tuple(chosen_formats), kinds=tuple(kinds), partners=tuple(partners),
                          hosts=tuple(hosts), levels=tuple(levels), statuses=tuple(statuses),
                          years=years, text=text)
shown = mt.filter_meetings(meetings, chosen)

filters_text = mt.describe_filter(chosen, names, format_titles, full_years=(span[0], span[-1]) if span else None)
view = f"Meetings, {filters_text}" if filters_text else "All meetings"
filter_params = [*shared_view_params(span, names), ("q", text, ""), ("kind", kinds, []), ("formats", chosen_formats, []),
                 ("partner", partners, []), ("level", levels, []), ("status", statuses, [])]


def _render_share(selected: str | None, title: str | None) -> None:
    set_view_title("Meetings", title or view)
    with share_slot:
        render_share(page_title="Meetings", url_path="meetings", view=title or view, data_version=dataset.info.updated,
                     params=view_params([*filter_params, ("meeting", selected, None)]))


if shown.empty:
    _render_share(None, None)
    st.info("No meeting matches these filters. Clear the search or remove a filter; the year range and "
            "the status filter are the usual culprits.", icon=":material/search_off:")
    st.stop()

undated = int(shown["start"].isna().sum())
st.write(f"{len(shown)} meeting(s) match: {int((shown['status'] == 'held').sum())} held, "
         f"{int(shown['upcoming'].sum())} upcoming." + (f" {undated} announced without a date are listed "
                                                        "below but cannot be placed on the timeline." if undated else ""))


def _select_from_chart() -> None:
    points = st.session_state["timeline"].selection.get("points", [])
    if points and points[0].get("customdata"):
        set_url_choice("meeting", points[0]["customdata"])


def _select_from_list() -> None:
    rows = st.session_state["meeting_list"].selection.get("rows", [])
    if rows:
        set_url_choice("meeting", st.session_state["_listed_ids"][rows[0]])


lanes = mt.lane_order(formats, set(shown["format"].astype(str).tolist()))
st.plotly_chart(build_timeline_figure(shown, lanes, today=pd.Timestamp(dt.date.today())), key="timeline",
                on_select=_select_from_chart, selection_mode="points", config=chart_config("central-asia-meetings-timeline"))
st.caption("Symbol: level (star heads of state, diamond ministers, square deputy ministers, circle officials). "
           "Colour: status; open markers are not (yet) held. Click a meeting to open it below.")

listed = mt.build_meeting_list(shown)
st.session_state["_listed_ids"] = listed["id"].tolist()
st.dataframe(listed, hide_index=True, key="meeting_list", on_select=_select_from_list, selection_mode="single-row",
             column_config={"start": st.column_config.DateColumn("Start", format="YYYY-MM-DD"),
                            "id": st.column_config.TextColumn("Record")})

options = shown["id"].tolist()
titles = dict(zip(options, shown["title"].tolist()))
linked = st.query_params.get("meeting")
if linked and linked not in options:
    st.caption(f"The meeting in the link ({escape_markdown(linked)}) is outside these filters; clear them to open it.")
selected = url_select("Meeting", options, key="meeting", format_func=titles.get,
                      placeholder="Choose a meeting to see its details")
meeting = mt.select_meeting(shown, selected)
if meeting is not None:
    with st.container(border=True):
        render_meeting_detail(meeting, dataset)

st.subheader("Map")
by_place = mt.count_meetings_by_place(shown, dataset.places)
map_config = {**chart_config("central-asia-meetings-map"), "topojsonURL": "app/static/topojson/"}
st.plotly_chart(build_meeting_map_figure(by_place), key="map", config=map_config)
unplaced = len(shown) - int(by_place["meetings"].sum()) if not by_place.empty else len(shown)
if unplaced:
    st.caption(f"{unplaced} meeting(s) are not on the map: held online or at a place not given by the sources.")

st.subheader("Download")
CSV_COLUMNS = ["id", "title", "format_name", "start_text", "end_text", "city_name", "country", "online", "level",
               "status", "participants", "guests", "outcomes", "confidence", "notes", "source_publishers",
               "source_urls"]
left, right = st.columns(2)
# Both files are built when clicked, not on every rerun.
left.download_button("Meetings shown (CSV)", lambda: to_csv_bytes(add_source_columns(shown, dataset.sources)[CSV_COLUMNS]),
                     file_name="central-asia-meetings.csv",
                     mime="text/csv", key="meetings_csv", on_click="ignore", icon=":material/download:")
right.download_button(f"Calendar of the {count_exportable(shown)} meeting(s) dated to the day (.ics)",
                      lambda: build_calendar(shown, dataset.sources, now=dt.datetime.now(dt.timezone.utc)),
                      file_name="central-asia-meetings.ics", mime="text/calendar", key="meetings_ics",
                      on_click="ignore", icon=":material/calendar_month:")

_render_share(selected, titles.get(selected))
