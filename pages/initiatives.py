"""Initiatives: each initiative's status history, filters, and a detail view."""

import streamlit as st

from components.blocks.initiatives import build_history_block
from components.data.vocabulary import INITIATIVE_STATUSES, INITIATIVE_TYPES
from components.domain import initiatives as ini
from components.domain.names import localize_names
from components.domain.choices import country_names, initiative_proposers, initiative_statuses, initiative_types
from components.i18n.formats import is_source_language
from components.i18n.texts import _
from components.ui.chart import render_chart_block
from components.ui.markdown import escape_markdown
from components.ui.panels import render_record_sources
from components.ui.share import shared_countries
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_multiselect, url_select, url_text
from components.ui.tables import render_table

dataset = begin_page(_("Regional concepts, treaties, declarations and institutions, each with its dated status history."))
initiatives, steps = dataset.initiatives, dataset.initiative_steps
names = country_names(dataset)

with st.container(border=True):
    text = url_text(_("Search names and descriptions"), key="q")
    left, middle, right = st.columns(3)
    types = url_multiselect(_("Type"), initiative_types(dataset), format_func=INITIATIVE_TYPES.label, key="type",
                            container=left)
    statuses = url_multiselect(_("Current status"), initiative_statuses(dataset), format_func=INITIATIVE_STATUSES.label,
                               key="status", container=middle)
    proposers = url_multiselect(_("Proposed by"), initiative_proposers(dataset),
                                format_func=lambda code: names.get(code, code), key="proposer", container=right)
    parties = shared_countries()
    st.caption(_("Parties: the Countries filter in the sidebar (now {countries}).").format(
        countries=", ".join(names.get(c, c) for c in parties)) if parties
        else _("Parties: the Countries filter in the sidebar."))

shown = ini.filter_initiatives(initiatives, ini.InitiativeFilter(tuple(types), tuple(statuses), tuple(proposers),
                                                                 tuple(parties), text))
view_words = ini.describe_filter(types, statuses, proposers, parties, text, names) or _("All initiatives")
if shown.empty:
    finish_page(view_words)
    st.info(_("No initiative matches these filters. Clear the search or remove a filter."), icon=":material/search_off:")
    st.stop()

shown = localize_names(shown)  # names in the reader's language, where a page in it gives one
shown_steps = ini.steps_of(steps, shown)
render_chart_block(build_history_block(shown, shown_steps, dataset.meetings, dataset.sources))
render_table(ini.build_status_table(shown, names), key="status_table")

titles = dict(zip(shown["id"].tolist(), shown["name"].tolist()))
linked = st.query_params.get("initiative")
if linked and linked not in titles:
    st.caption(_("The initiative in the link ({initiative}) is outside these filters; clear them to open it.").format(
        initiative=escape_markdown(linked)))
selected = url_select(_("Initiative"), list(titles), key="initiative", format_func=titles.get,
                      placeholder=_("Choose an initiative to see its history"))
if selected:
    row = shown.set_index("id").loc[selected]
    with st.container(border=True):
        st.subheader(escape_markdown(row["name"]))
        proposed_by = escape_markdown((row["proposed_by_names"] if is_source_language()
                                       else ", ".join(names.get(c, c) for c in row["proposed_by"])) or _("not recorded"))
        parties_text = escape_markdown(", ".join(names.get(c, c) for c in row["parties"]) or _("not recorded"))
        st.markdown("  \n".join((
            _("Proposed by: {countries} ({proposer})").format(countries=proposed_by,
                                                              proposer=escape_markdown(row["proposer"]))
            if isinstance(row["proposer"], str) else _("Proposed by: {countries}").format(countries=proposed_by),
            _("Parties: {countries}").format(countries=parties_text),
            _("Status: **{status}** since {date}").format(status=INITIATIVE_STATUSES.label(row["status"]),
                                                           date=row["status_date_text"]))))
        if isinstance(row["description"], str):
            st.write(escape_markdown(row["description"]))
        own_steps = shown_steps[shown_steps["initiative"] == selected]
        render_table(ini.build_step_table(own_steps, localize_names(dataset.meetings, "title"), dataset.sources),
                     key="steps_table")
        for note in row["notes"]:
            st.caption(escape_markdown(note))
        render_record_sources(own_steps["sources"].tolist() + [row["sources"]], dataset.sources)

finish_page(titles.get(selected) or view_words)
