"""Meetings: timeline, filters, list, detail, map and downloads."""

import datetime as dt

import pandas as pd
import streamlit as st

from components.blocks.meetings import build_meetings_view
from components.data.vocabulary import FORMAT_KINDS, MEETING_LEVELS, MEETING_STATUSES
from components.domain import meetings as mt
from components.domain.choices import country_names, format_names, list_dataset_years, meeting_partners
from components.exports.csv_file import build_meeting_rows
from components.exports.ics import build_calendar, count_exportable
from components.i18n.texts import _, current_language, ngettext, pgettext
from components.ui.chart import render_chart_block, render_csv_download
from components.ui.markdown import escape_markdown
from components.ui.meetings import render_meeting_detail
from components.ui.share import shared_countries, shared_years
from components.ui.view import begin_page, finish_page
from components.ui.widgets import set_url_choice, url_multiselect, url_select, url_text
from components.ui.tables import render_table

dataset = begin_page(_("Summits, ministerial and officials' meetings of the five states, and the Central Asia Plus "
                       "formats with outside partners: when, where, who, what was adopted, and what comes next."))
meetings, formats = dataset.meetings, dataset.formats
names = country_names(dataset)
span = list_dataset_years(dataset)
years = shared_years(span)
hosts = shared_countries()
format_titles = format_names(dataset)
with st.container(border=True):
    text = url_text(_("Search titles, outcomes, people and places (aliases such as Nur-Sultan work too)"), key="q")
    left, middle, right = st.columns(3)
    kinds = url_multiselect(_("Kind"), FORMAT_KINDS.codes, format_func=FORMAT_KINDS.label, key="kind", container=left)
    chosen_formats = url_multiselect(_("Formats"), list(format_titles), format_func=format_titles.get, key="formats",
                                     placeholder=_("All formats"), container=middle)
    partners = url_multiselect(_("Partner"), meeting_partners(dataset), format_func=lambda code: names.get(code, code),
                               key="partner", container=right)
    levels = url_multiselect(_("Level"), MEETING_LEVELS.codes, format_func=MEETING_LEVELS.label, key="level",
                             container=left)
    statuses = url_multiselect(_("Status"), MEETING_STATUSES.codes, format_func=mt.status_choice_label, key="status",
                               container=middle)
    if not years:
        sidebar_note = _("Years and host countries: in the sidebar.")
    elif hosts:
        sidebar_note = _("Years and host countries: in the sidebar (now {start}–{end}, {countries}).").format(
            start=years[0], end=years[1], countries=", ".join(names.get(code, code) for code in hosts))
    else:
        sidebar_note = _("Years and host countries: in the sidebar (now {start}–{end}).").format(
            start=years[0], end=years[1])
    right.caption(sidebar_note)

chosen = mt.MeetingFilter(formats=tuple(chosen_formats), kinds=tuple(kinds), partners=tuple(partners),
                          hosts=tuple(hosts), levels=tuple(levels), statuses=tuple(statuses),
                          years=years, text=text)
# Built once per view, data and day for every reader of the same link.
view = build_meetings_view(dataset, chosen.normalised(), pd.Timestamp(dt.date.today()))
shown = view.shown
filters_text = mt.describe_filter(chosen, names, format_titles, full_years=(span[0], span[-1]) if span else None)
view_words = _("Meetings, {filters}").format(filters=filters_text) if filters_text else _("All meetings")

if shown.empty:
    finish_page(view_words)
    st.info(_("No meeting matches these filters. Clear the search or remove a filter; the year range and "
              "the status filter are the usual culprits."), icon=":material/search_off:")
    st.stop()


def _select_from_chart() -> None:
    points = st.session_state["timeline_chart"].selection.get("points", [])
    if points and points[0].get("customdata"):
        set_url_choice("meeting", points[0]["customdata"])


def _select_from_list() -> None:
    rows = st.session_state["meeting_list"].selection.get("rows", [])
    if rows:
        set_url_choice("meeting", st.session_state["_listed_ids"][rows[0]])


render_chart_block(view.timeline, on_select=_select_from_chart)

listed = view.listed
st.session_state["_listed_ids"] = listed["id"].tolist()
render_table(listed, key="meeting_list", on_select=_select_from_list, selection_mode="single-row",
             column_config={"start": st.column_config.DateColumn(pgettext("column", "Start"), format="YYYY-MM-DD"),
                            "id": st.column_config.TextColumn(pgettext("column", "Record"))})

titles = dict(zip(view.local["id"].tolist(), view.local["title"].tolist()))
linked = st.query_params.get("meeting")
if linked and linked not in titles:
    st.caption(_("The meeting in the link ({meeting}) is outside these filters; clear them to open it.").format(
        meeting=escape_markdown(linked)))
selected = url_select(_("Meeting"), list(titles), key="meeting", format_func=titles.get,
                      placeholder=_("Choose a meeting to see its details"))
meeting = mt.select_meeting(view.local, selected)
if meeting is not None:
    with st.container(border=True):
        render_meeting_detail(meeting, dataset)

st.subheader(_("Map"))
render_chart_block(view.map, map_outlines=True)

st.subheader(_("Download"))
left, right = st.columns(2)
# Both files are built when clicked, not on every rerun.
render_csv_download(lambda: build_meeting_rows(shown, dataset.sources), label=_("Meetings shown (CSV)"),
                    file_name="central-asia-meetings", key="meetings_csv", container=left)
exportable = count_exportable(shown)
page_language = current_language()  # the calendar is built when clicked, outside this run: in the page's language
right.download_button(ngettext("Calendar of the {count} meeting(s) dated to the day (.ics)",
                               "Calendar of the {count} meeting(s) dated to the day (.ics)", exportable).format(
                          count=exportable),
                      lambda: build_calendar(view.local, dataset.sources, now=dt.datetime.now(dt.timezone.utc),
                                             lang=page_language),
                      file_name="central-asia-meetings.ics", mime="text/calendar", key="meetings_ics",
                      on_click="ignore", icon=":material/calendar_month:")

finish_page(titles.get(selected) or view_words)
