"""Formats: five-party mechanisms and the Central Asia Plus formats, year by year."""

import streamlit as st

from components.domain.formats import build_level_grid, first_summits, summarize_format
from components.figures.meetings import build_level_grid_figure
from components.domain.meetings import KIND_LABELS, LEVEL_LABELS, build_meeting_list, format_date_range
from components.figures.base import chart_config
from components.ui.markdown import escape_markdown
from components.domain.meetings import MeetingFilter, filter_meetings
from components.ui.loader import render_sources, require_dataset
from components.ui.share import (render_share, set_view_title, shared_view_params, shared_years, url_segmented,
                                 url_select, view_params)
from components.links.contract import country_names, list_dataset_years

import pandas as pd

dataset = require_dataset()
meetings, formats = dataset.meetings, dataset.formats
span = list_dataset_years(dataset)
names = country_names(dataset)
share_slot = st.container()
st.title("Formats")
st.caption("The region's five-party mechanisms and its \"Central Asia Plus\" formats with outside partners.")

kind = url_segmented("Show", list(KIND_LABELS), format_func=KIND_LABELS.get, key="kind")
years = shared_years(span)
shown_formats = formats if not kind else formats[formats["kind"] == kind]
shown_meetings = filter_meetings(meetings, MeetingFilter(formats=tuple(shown_formats["id"].tolist()), years=years))
if years:
    st.caption(f"Years {years[0]}–{years[1]} (sidebar).")
grid = build_level_grid(shown_meetings, shown_formats)
st.plotly_chart(build_level_grid_figure(grid), key="grid", config=chart_config("central-asia-formats-by-year"))
st.caption("Each cell: the highest level at which the format met that year (held meetings only). "
           "Blank: no meeting of that format was found for the year.")
render_sources(shown_meetings["sources"], dataset.sources)

summits = first_summits(shown_meetings)
if not summits.empty:
    st.subheader("Partners who rose to summit level")
    st.dataframe(summits.drop(columns=["id"]), hide_index=True, key="summits")

st.subheader("One format")
format_names = dict(zip(shown_formats["id"].tolist(), shown_formats["name"].tolist()))
selected = url_select("Format", list(format_names), key="format", format_func=format_names.get,
                      placeholder="Choose a format")
if selected:
    row = shown_formats.set_index("id").loc[selected]
    row["id"] = selected
    summary = summarize_format(row, meetings, pd.Timestamp.today())
    partner = names.get(row["partner"], "—")
    st.markdown(
        f"**{escape_markdown(row['name'])}** ({KIND_LABELS[row['kind']]})  \n"
        f"Partner: {escape_markdown(partner)} · Launched: {format_date_range(row['launched_text'], None)} · "
        f"Levels: {', '.join(LEVEL_LABELS[level] for level in summary['levels'])}  \n"
        f"Meetings in the data: {summary['meetings']} ({summary['held']} held)"
        + (f"  \nSecretariat: {escape_markdown(row['secretariat'])}" if isinstance(row["secretariat"], str) else ""))
    for label, meeting in (("Last meeting", summary["last"]), ("Next meeting", summary["next"])):
        text = "none in the data" if meeting is None else (
            f"{escape_markdown(meeting['title'])} ({format_date_range(meeting['start_text'], meeting['end_text'])})")
        st.markdown(f"**{label}:** {text}")
    if isinstance(row["description"], str):
        st.write(escape_markdown(row["description"]))
    own = meetings[meetings["format"] == selected]
    st.dataframe(build_meeting_list(own), hide_index=True, key="format_meetings")
    render_sources(pd.Series([row["sources"]]), dataset.sources)

view = format_names[selected] if selected else (f"{KIND_LABELS[kind]} formats" if kind else "All formats")
if years and (years[0], years[-1]) != (span[0], span[-1]):
    view += f", {years[0]}–{years[1]}"
set_view_title("Formats", view)
with share_slot:
    render_share(page_title="Formats", url_path="formats", view=view, data_version=dataset.info.updated,
                 params=view_params([*shared_view_params(span, names),
                                     ("kind", kind, None), ("format", selected, None)]))
