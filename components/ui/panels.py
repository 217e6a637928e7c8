"""Panels every page shares: the data error panel, the sidebar's note, the sources under what is shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.dataset import Dataset
from components.data.problems import Problem
from components.domain.sources import cited_sources
from components.links.pages import PAGE_AT
from components.settings import DASHBOARD_TITLE
from components.ui.markdown import escape_markdown, markdown_link_target


def render_data_problems(problems: list[Problem]) -> None:
    """One clear error panel listing every problem with its position (shown as text, never HTML)."""
    st.error(f"The dashboard's data has {len(problems)} problem(s), so the pages cannot be shown. "
             "Fix them in the files named below, then reload. "
             "`python -m components.validate` prints the same list.", icon=":material/error:")
    table = pd.DataFrame([vars(problem) for problem in problems],
                         columns=["file", "line", "record", "field", "code", "message"])
    st.dataframe(table, hide_index=True, width="stretch")
    st.code("\n".join(str(problem) for problem in problems), language=None)

def render_sidebar(dataset: Dataset) -> None:
    """The shared sidebar: what the dashboard is and how fresh its data is."""
    with st.sidebar:
        st.caption(f"{DASHBOARD_TITLE}: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.")
        st.caption(f"Data last changed {dataset.info.updated}. Every figure cites its sources.")

def _date_or_note(published_text: object) -> str:
    """The publication date as given, or a note (pandas gives NaN, not None, for a missing one)."""
    return published_text if isinstance(published_text, str) and published_text else "no date shown"

# Up to this many sources are listed as linked text; more go into a table (one grid instead of hundreds
# of list items: on the meetings page the lists under its two charts were most of the page's DOM).
SOURCES_AS_TEXT = 12


def render_sources(cited: list[dict]) -> None:
    """The sources of what is shown, under it: publisher, title (linked), date."""
    if not cited:
        st.caption("Sources: none cited.")
        return
    with st.expander(f"Sources ({len(cited)})", expanded=len(cited) <= 3):
        if len(cited) > SOURCES_AS_TEXT:
            _render_sources_table(cited)
            return
        st.markdown("\n".join(
            f"- {escape_markdown(row['publisher'])}, [{escape_markdown(row['title'])}]({markdown_link_target(row['url'])})"
            f" ({_date_or_note(row['published_text'])})" for row in cited))


def _render_sources_table(cited: list[dict]) -> None:
    table = pd.DataFrame({"publisher": [row["publisher"] for row in cited], "title": [row["title"] for row in cited],
                          "published": [_date_or_note(row["published_text"]) for row in cited],
                          "address": [row["url"] for row in cited]})
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={"address": st.column_config.LinkColumn("Address")})


def render_record_sources(source_ids: pd.Series | list, sources: pd.DataFrame) -> None:
    """The sources cited by records (each row's list of source ids), under what shows them."""
    render_sources(cited_sources(source_ids, sources))


def render_page_link(url_path: str, *, label: str | None = None, query_params: dict | None = None) -> None:
    """A link to a page of the registry (with its icon), opening the view the parameters name."""
    page = PAGE_AT[url_path]
    st.page_link(page.file, label=label or f"{page.title} page", icon=page.icon, query_params=query_params)
