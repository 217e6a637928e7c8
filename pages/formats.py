"""Formats: five-party mechanisms and the Central Asia Plus formats, year by year."""

import streamlit as st

from components.blocks.formats import build_grid_block
from components.data.vocabulary import FORMAT_KINDS, MEETING_LEVELS
from components.domain.choices import country_names, list_dataset_years
from components.domain.formats import first_summits, summarize_format
from components.domain.meetings import MeetingFilter, build_meeting_list, filter_meetings, format_date_range
from components.domain.names import localize_meetings, localize_names
from components.i18n.texts import _
from components.ui.chart import render_chart_block
from components.ui.markdown import escape_markdown
from components.ui.panels import render_record_sources
from components.ui.share import shared_years
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_segmented, url_select
from components.ui.tables import render_table

dataset = begin_page(_("The region's five-party mechanisms and its \"Central Asia Plus\" formats with outside partners."))
meetings, formats = dataset.meetings, dataset.formats
span = list_dataset_years(dataset)
names = country_names(dataset)

kind = url_segmented(_("Show"), FORMAT_KINDS.codes, format_func=FORMAT_KINDS.label, key="kind")
years = shared_years(span)
shown_formats = localize_names(formats if not kind else formats[formats["kind"] == kind])  # names in the reader's language
shown_meetings = localize_meetings(  # format names in the same language as the grid's rows
    filter_meetings(meetings, MeetingFilter(formats=tuple(shown_formats["id"].tolist()), years=years)),
    dataset.formats, dataset.places, country_names(dataset))
if years:
    st.caption(_("Years {first}–{last} (sidebar).").format(first=years[0], last=years[1]))
render_chart_block(build_grid_block(shown_meetings, shown_formats, dataset.sources))

summits = first_summits(shown_meetings)
if not summits.empty:
    st.subheader(_("Partners who rose to summit level"))
    render_table(summits.drop(columns=["id"]), key="summits")

st.subheader(_("One format"))
format_titles = dict(zip(shown_formats["id"].tolist(), shown_formats["name"].tolist()))
selected = url_select(_("Format"), list(format_titles), key="format", format_func=format_titles.get,
                      placeholder=_("Choose a format"))
if selected:
    row = shown_formats.set_index("id").loc[selected]
    row["id"] = selected
    summary = summarize_format(row, meetings)
    lines = [
        f"**{escape_markdown(row['name'])}** ({FORMAT_KINDS.label(row['kind'])})",
        _("Partner: {partner} · Launched: {launched} · Levels: {levels}").format(
            partner=escape_markdown(names.get(row["partner"], "—")),
            launched=format_date_range(row["launched_text"], None),
            levels=", ".join(MEETING_LEVELS.label(level) for level in summary["levels"])),
        _("Meetings in the data: {count} ({held} held)").format(count=summary["meetings"], held=summary["held"])]
    if isinstance(row["secretariat"], str):
        lines.append(_("Secretariat: {secretariat}").format(secretariat=escape_markdown(row["secretariat"])))
    st.markdown("  \n".join(lines))
    for label, meeting in ((_("Last meeting"), summary["last"]), (_("Next meeting"), summary["next"])):
        text = _("none in the data") if meeting is None else (
            f"{escape_markdown(meeting['title'])} ({format_date_range(meeting['start_text'], meeting['end_text'])})")
        st.markdown(f"**{label}:** {text}")
    if isinstance(row["description"], str):
        st.write(escape_markdown(row["description"]))
    render_table(build_meeting_list(localize_meetings(meetings[meetings["format"] == selected], dataset.formats,
                                                      dataset.places, country_names(dataset))),
                 key="format_meetings")
    render_record_sources([row["sources"]], dataset.sources)

view_words = format_titles[selected] if selected else (
    _("{kind} formats").format(kind=FORMAT_KINDS.label(kind)) if kind else _("All formats"))
if years and (years[0], years[-1]) != (span[0], span[-1]):
    view_words += f", {years[0]}–{years[1]}"
finish_page(view_words)
