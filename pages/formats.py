"""Formats: five-party mechanisms and the Central Asia Plus formats, year by year."""

import streamlit as st

from components.blocks.formats import build_grid_block
from components.data.vocabulary import FORMAT_KINDS, MEETING_LEVELS
from components.domain.choices import country_names, list_dataset_years
from components.domain.formats import first_summits, summarize_format
from components.domain.meetings import MeetingFilter, build_meeting_list, filter_meetings, format_date_range
from components.ui.chart import render_chart_block
from components.ui.markdown import escape_markdown
from components.ui.panels import render_record_sources
from components.ui.share import shared_years
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_segmented, url_select
from components.ui.tables import render_table

dataset = begin_page("The region's five-party mechanisms and its \"Central Asia Plus\" formats with outside partners.")
meetings, formats = dataset.meetings, dataset.formats
span = list_dataset_years(dataset)
names = country_names(dataset)

kind = url_segmented("Show", FORMAT_KINDS.codes, format_func=FORMAT_KINDS.label, key="kind")
years = shared_years(span)
shown_formats = formats if not kind else formats[formats["kind"] == kind]
shown_meetings = filter_meetings(meetings, MeetingFilter(formats=tuple(shown_formats["id"].tolist()), years=years))
if years:
    st.caption(f"Years {years[0]}–{years[1]} (sidebar).")
render_chart_block(build_grid_block(shown_meetings, shown_formats, dataset.sources))

summits = first_summits(shown_meetings)
if not summits.empty:
    st.subheader("Partners who rose to summit level")
    render_table(summits.drop(columns=["id"]), key="summits")

st.subheader("One format")
format_titles = dict(zip(shown_formats["id"].tolist(), shown_formats["name"].tolist()))
selected = url_select("Format", list(format_titles), key="format", format_func=format_titles.get,
                      placeholder="Choose a format")
if selected:
    row = shown_formats.set_index("id").loc[selected]
    row["id"] = selected
    summary = summarize_format(row, meetings)
    st.markdown(
        f"**{escape_markdown(row['name'])}** ({FORMAT_KINDS.label(row['kind'])})  \n"
        f"Partner: {escape_markdown(names.get(row['partner'], '—'))} · "
        f"Launched: {format_date_range(row['launched_text'], None)} · "
        f"Levels: {', '.join(MEETING_LEVELS.label(level) for level in summary['levels'])}  \n"
        f"Meetings in the data: {summary['meetings']} ({summary['held']} held)"
        + (f"  \nSecretariat: {escape_markdown(row['secretariat'])}" if isinstance(row["secretariat"], str) else ""))
    for label, meeting in (("Last meeting", summary["last"]), ("Next meeting", summary["next"])):
        text = "none in the data" if meeting is None else (
            f"{escape_markdown(meeting['title'])} ({format_date_range(meeting['start_text'], meeting['end_text'])})")
        st.markdown(f"**{label}:** {text}")
    if isinstance(row["description"], str):
        st.write(escape_markdown(row["description"]))
    render_table(build_meeting_list(meetings[meetings["format"] == selected]), key="format_meetings")
    render_record_sources([row["sources"]], dataset.sources)

view_words = format_titles[selected] if selected else (
    f"{FORMAT_KINDS.label(kind)} formats" if kind else "All formats")
if years and (years[0], years[-1]) != (span[0], span[-1]):
    view_words += f", {years[0]}–{years[1]}"
finish_page(view_words)
