"""Sources: every public page the data cites, with its publisher, the publisher's kind, title and date."""

import streamlit as st

from components.data.vocabulary import PUBLISHER_KINDS
from components.domain.choices import source_publishers
from components.domain.sources import count_source_citations, filter_sources
from components.ui.markdown import escape_markdown
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_multiselect, url_text
from components.ui.tables import render_table

dataset = begin_page()
st.write("Every record in the dashboard cites at least one of these public pages. Titles and dates are as the "
         "page gives them. \"not read\" marks a page that could not be found, so its title and date are not "
         "known; \"no title on the page's copy\" marks a page that was read but whose copy shows no headline.")

sources = count_source_citations(dataset.sources, vars(dataset))
publishers = source_publishers(dataset)
left, middle, right = st.columns([2, 2, 1])
with left:
    text = url_text("Search publisher, title or address", key="q")
with middle:
    chosen_publishers = url_multiselect("Publisher", list(publishers), format_func=publishers.get, key="publisher")
with right:
    kinds = url_multiselect("Kind of publisher", PUBLISHER_KINDS.codes, format_func=PUBLISHER_KINDS.label, key="kind")
shown = filter_sources(sources, text, publishers=chosen_publishers, kinds=kinds)
if shown.empty:
    filtered = " among the chosen publishers and kinds" if chosen_publishers or kinds else ""
    st.info(f"No source matches “{escape_markdown(text)}”{filtered}. Try a publisher's name, such as a news agency, "
            "or clear the search and the filters.")
else:
    unread = int((~shown["page_read"].astype(bool)).sum())
    st.caption(f"{len(shown):,} of {len(sources):,} sources" + (f"; {unread:,} of them could not be read." if unread else "."))
    render_table(
        shown[["publisher", "publisher_kind_label", "citing", "title_shown", "published_shown", "accessed",
               "language", "cited_by", "url"]],
        width="stretch",
        column_config={
            "publisher": st.column_config.TextColumn("Publisher"),
            "publisher_kind_label": st.column_config.TextColumn("Kind"),
            "citing": st.column_config.TextColumn("Citing"),
            "title_shown": st.column_config.TextColumn("Title"),
            "published_shown": st.column_config.TextColumn("Published"),
            "accessed": st.column_config.TextColumn("Accessed"),
            "language": st.column_config.TextColumn("Language"),
            "cited_by": st.column_config.NumberColumn("Cited by (records)"),
            "url": st.column_config.LinkColumn("Address"),
        },
    )

words = [f"matching “{text.strip()}”"] if text.strip() else []
words += [f"from {', '.join(publishers.get(code, code) for code in chosen_publishers)}"] if chosen_publishers else []
words += [f"of kind {', '.join(PUBLISHER_KINDS.label(code) for code in kinds)}"] if kinds else []
finish_page(("Sources " + "; ".join(words)) if words else "All sources")
