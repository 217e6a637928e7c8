"""Panels every page shares: the data error panel, the sidebar's note, the sources under what is shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.dataset import Dataset
from components.data.dates import format_data_date
from components.data.problems import Problem
from components.domain.sources import build_sources_table, cited_sources
from components.i18n.texts import _, ngettext
from components.links.pages import PAGE_AT
from components.settings import DASHBOARD_TITLE
from components.ui.markdown import escape_markdown, markdown_link_target
from components.ui.tables import render_table


def render_data_problems(problems: list[Problem]) -> None:
    """One clear error panel listing every problem with its position (shown as text, never HTML)."""
    message = ngettext("The dashboard's data has {count} problem(s), so the pages cannot be shown. "
                       "Fix them in the files named below, then reload. "
                       "`python -m components.validate` prints the same list.",
                       "The dashboard's data has {count} problem(s), so the pages cannot be shown. "
                       "Fix them in the files named below, then reload. "
                       "`python -m components.validate` prints the same list.", len(problems))
    st.error(message.format(count=len(problems)), icon=":material/error:")
    table = pd.DataFrame([vars(problem) for problem in problems],
                         columns=["file", "line", "record", "field", "code", "message"])
    render_table(table, width="stretch")
    st.code("\n".join(str(problem) for problem in problems), language=None)

def render_sidebar(dataset: Dataset) -> None:
    """The shared sidebar: what the dashboard is and how fresh its data is."""
    with st.sidebar:
        st.caption(_("{dashboard}: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.").format(
            dashboard=_(DASHBOARD_TITLE)))
        st.caption(_("Data last changed {updated}. Every figure cites its sources.").format(
            updated=format_data_date(dataset.info.updated)))

# Up to this many sources are listed as linked text; more go into a table (one grid instead of hundreds
# of list items: on the meetings page the lists under its two charts were most of the page's DOM).
SOURCES_AS_TEXT = 12


def _source_line(row: dict) -> str:
    """'- Kazinform (State media), [Title](url), 2024-08-09'; 'not read' for what could not be read."""
    title = row["title"] if isinstance(row["title"], str) else _("title: {title}").format(title=row["title_shown"])
    citing = _(", citing {source}").format(source=escape_markdown(row["citing"])) if isinstance(row["citing"], str) else ""
    return (f"- {escape_markdown(row['publisher'])} ({escape_markdown(row['publisher_kind_label'])}){citing}, "
            f"[{escape_markdown(title)}]({markdown_link_target(row['url'])}), {row['published_shown']}")


def render_sources(cited: list[dict], *, note: str | None = None, table: pd.DataFrame | None = None) -> None:
    """The sources of what is shown, under it: publisher and its kind, title (linked), date. `table`: the
    same sources as `build_sources_table` gives them, when the caller holds it already built."""
    if not cited:
        st.caption(_("Sources: none cited."))
        return
    if note:
        st.caption(note)
    with st.expander(_("Sources ({count})").format(count=len(cited)), expanded=len(cited) <= 3):
        if len(cited) > SOURCES_AS_TEXT:
            render_table(build_sources_table(cited) if table is None else table, width="stretch",
                         column_config={"address": st.column_config.LinkColumn(_("Address"))})
            return
        st.markdown("\n".join(_source_line(row) for row in cited))


def render_record_sources(source_ids: pd.Series | list, sources: pd.DataFrame, *, note: str | None = None) -> None:
    """The sources cited by records (each row's list of source ids), under what shows them."""
    render_sources(cited_sources(source_ids, sources), note=note)


def render_page_link(url_path: str, *, label: str | None = None, query_params: dict | None = None) -> None:
    """A link to a page of the registry (with its icon), opening the view the parameters name."""
    page = PAGE_AT[url_path]
    st.page_link(page.file, label=label or _("{page} page").format(page=_(page.title)), icon=page.icon,
                 query_params=query_params)
