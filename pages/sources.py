"""Sources: every public page the data cites."""

import streamlit as st

from components.domain.sources import count_source_citations, filter_sources
from components.ui.markdown import escape_markdown
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_text

dataset = begin_page()
st.write("Every record in the dashboard cites at least one of these public pages. "
         "Where \"Title from page\" is not ticked, the title describes the page from its address "
         "and the research notes; the page itself was not read.")

sources = count_source_citations(dataset.sources, vars(dataset))
text = url_text("Search publisher, title or address", key="q")
shown = filter_sources(sources, text)
if shown.empty:
    st.info(f"No source matches “{escape_markdown(text)}”. Try a publisher's name, such as a news agency, or clear the search.")
else:
    st.caption(f"{len(shown):,} of {len(sources):,} sources.")
    st.dataframe(
        shown[["publisher", "title", "published_text", "language", "title_from_page", "cited_by", "url"]],
        hide_index=True, width="stretch",
        column_config={
            "published_text": st.column_config.TextColumn("Published"),
            "title_from_page": st.column_config.CheckboxColumn("Title from page"),
            "cited_by": st.column_config.NumberColumn("Cited by (records)"),
            "url": st.column_config.LinkColumn("Address"),
        },
    )

finish_page(f"Sources matching “{text.strip()}”" if text.strip() else "All sources")
