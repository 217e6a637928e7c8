"""Sources: every public page the data cites, with its publisher, the publisher's kind, title and date."""

import streamlit as st

from components.data.vocabulary import PUBLISHER_KINDS
from components.domain.choices import source_publishers
from components.domain.sources import count_source_citations, filter_sources, localize_sources
from components.i18n.formats import format_number
from components.i18n.texts import _, ngettext
from components.ui.markdown import escape_markdown
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_multiselect, url_text
from components.ui.tables import render_table

dataset = begin_page()
st.write(_("Every record in the dashboard cites at least one of these public pages. Titles and dates are as the "
           "page gives them. \"not read\" marks a page that could not be found, so its title and date are not "
           "known; \"no title on the page's copy\" marks a page that was read but whose copy shows no headline."))

sources = count_source_citations(dataset.sources, vars(dataset))
publishers = source_publishers(dataset)
left, middle, right = st.columns([2, 2, 1])
with left:
    text = url_text(_("Search publisher, title or address"), key="q")
with middle:
    chosen_publishers = url_multiselect(_("Publisher"), list(publishers), format_func=publishers.get, key="publisher")
with right:
    kinds = url_multiselect(_("Kind of publisher"), PUBLISHER_KINDS.codes, format_func=PUBLISHER_KINDS.label, key="kind")
shown = filter_sources(sources, text, publishers=chosen_publishers, kinds=kinds)
if shown.empty:
    no_match = (_("No source matches “{text}” among the chosen publishers and kinds. Try a publisher's name, such as "
                  "a news agency, or clear the search and the filters.") if chosen_publishers or kinds else
                _("No source matches “{text}”. Try a publisher's name, such as a news agency, or clear the search "
                  "and the filters."))
    st.info(no_match.format(text=escape_markdown(text)))
else:
    unread = int((~shown["page_read"].astype(bool)).sum())
    counts = {"shown": format_number(len(shown)), "total": format_number(len(sources)), "unread": format_number(unread)}
    st.caption((ngettext("{shown} of {total} sources; {unread} of them could not be read.",
                         "{shown} of {total} sources; {unread} of them could not be read.", len(sources))
                if unread else ngettext("{shown} of {total} sources.", "{shown} of {total} sources.", len(sources))
                ).format(**counts))
    render_table(
        localize_sources(shown)[["publisher", "publisher_kind_label", "citing", "title_shown", "published_shown",
                                 "accessed", "language", "cited_by", "url"]],
        width="stretch",
        column_config={
            "publisher": st.column_config.TextColumn(_("Publisher")),
            "publisher_kind_label": st.column_config.TextColumn(_("Kind")),
            "citing": st.column_config.TextColumn(_("Citing")),
            "title_shown": st.column_config.TextColumn(_("Title")),
            "published_shown": st.column_config.TextColumn(_("Published")),
            "accessed": st.column_config.TextColumn(_("Accessed")),
            "language": st.column_config.TextColumn(_("Language")),
            "cited_by": st.column_config.NumberColumn(_("Cited by (records)")),
            "url": st.column_config.LinkColumn(_("Address")),
        },
    )

words = [_("matching “{text}”").format(text=text.strip())] if text.strip() else []
words += [_("from {publishers}").format(publishers=", ".join(publishers.get(code, code) for code in chosen_publishers))
          ] if chosen_publishers else []
words += [_("of kind {kinds}").format(kinds=", ".join(PUBLISHER_KINDS.label(code) for code in kinds))] if kinds else []
finish_page(_("Sources {details}").format(details="; ".join(words)) if words else _("All sources"))
