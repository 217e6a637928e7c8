"""Streamlit rendering of one meeting's detail view (render_* only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.dataset import Dataset
from components.data.vocabulary import MEETING_LEVELS, shown_status_label
from components.domain.meetings import find_neighbours, format_date_range, place_label
from components.i18n.texts import N_, _
from components.ui.markdown import escape_markdown
from components.ui.panels import render_page_link, render_record_sources


NO_PAGE_ABOUT_MEETING = N_("No page about this meeting itself was found; the sources below are the best pages "
                            "about its format.")


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {escape_markdown(item)}" for item in items)


def _neighbour_label(row: pd.Series | None) -> str:
    if row is None:
        return _("none in the data")
    return f"{escape_markdown(row['title'])} ({format_date_range(row['start_text'], row['end_text'])})"


def render_meeting_detail(meeting: pd.Series, dataset: Dataset) -> None:
    """Participants, guests, outcomes, documents (with their initiatives), neighbours, sources."""
    st.subheader(escape_markdown(meeting["title"]))
    status = _("status: {status}").format(status=shown_status_label(meeting["shown_status"]))
    st.caption(f"{format_date_range(meeting['start_text'], meeting['end_text'])} · "
               f"{escape_markdown(place_label(meeting))} · {MEETING_LEVELS.label(meeting['level'])} · "
               f"{status} · {escape_markdown(meeting['format_name'])}")
    sections = [(_("Participants"), meeting["participants"]), (_("Guests"), meeting["guests"]),
                (_("Outcomes"), meeting["outcomes"]), (_("Notes"), meeting["notes"])]
    for heading, items in sections:
        if items:
            st.markdown(f"**{heading}**\n\n{_bullets(items)}")
    if meeting["documents"]:
        _render_documents(meeting["documents"], dataset)
    previous, following = find_neighbours(dataset.meetings, meeting["id"])
    previous_heading, next_heading = _("Previous in this format:"), _("Next in this format:")
    st.markdown(f"**{previous_heading}** {_neighbour_label(previous)}  \n"
                f"**{next_heading}** {_neighbour_label(following)}")
    render_record_sources([meeting["sources"]], dataset.sources,
                          note=_(NO_PAGE_ABOUT_MEETING) if meeting["no_page_about_meeting"] else None)


def _render_documents(documents: list[dict], dataset: Dataset) -> None:
    names = dict(zip(dataset.initiatives["id"].tolist(), dataset.initiatives["name"].tolist()))
    lines = []
    for document in documents:
        line = f"- {escape_markdown(document['title'])}"
        if document.get("initiative") in names:
            line += " " + _("(initiative: {name})").format(name=escape_markdown(names[document["initiative"]]))
        lines.append(line)
    st.markdown("**" + _("Documents adopted") + "**\n\n" + "\n".join(lines))
    linked = [document["initiative"] for document in documents if document.get("initiative") in names]
    if linked:
        render_page_link("initiatives", label=_("Open the initiatives page"), query_params={"initiative": linked[0]})
