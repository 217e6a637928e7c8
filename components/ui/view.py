"""The view of the page being drawn: which page, the dataset, and the value of each URL control.

dashboard.py begins the view before the page runs; the url_* widgets record their values in it;
`finish_page` turns them into the Share link, the citation and the browser tab's title. Pages never
list their parameters again: the registry (components/links/pages.py) declares them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from components.data.dataset import Dataset
from components.domain.choices import country_names, list_dataset_years
from components.i18n.texts import _, current_language
from components.links.pages import LANGUAGE_PARAM, PageSpec, page_at
from components.links.share import build_citation, build_share_url, build_view_params
from components.settings import DASHBOARD_TITLE
from components.ui.loader import require_dataset
from components.ui.share import shared_countries, shared_years

_VIEW_KEY = "_view"


@dataclass
class ViewState:
    """One run's view: the page, its dataset, the value of every URL control drawn so far."""

    page: PageSpec
    dataset: Dataset
    values: dict[str, object] = field(default_factory=dict)
    share_slot: object = None


def begin_view(url_path: str, dataset: Dataset) -> ViewState:
    """Called by the frame before the page runs."""
    view = ViewState(page_at(url_path), dataset)
    st.session_state[_VIEW_KEY] = view
    return view


def current_view() -> ViewState:
    return st.session_state[_VIEW_KEY]


def begin_page(caption: str = "") -> Dataset:
    """A page's opening: the dataset (or the error panel), the Share control's place, the heading."""
    dataset = require_dataset()
    view = current_view()
    view.share_slot = st.container()
    st.title(_(view.page.heading))
    if caption:
        st.caption(caption)
    return dataset


def _shared_values(dataset: Dataset) -> dict[str, object]:
    names = country_names(dataset)
    return {LANGUAGE_PARAM: current_language(), "years": shared_years(list_dataset_years(dataset)),
            "countries": [names.get(code, code) for code in shared_countries()]}


def _tab_title(page: PageSpec, view_words: str) -> str:
    """'Bilateral trade, KAZ–UZB, 2018–2023 · Trade · Central Asia Cooperation Dashboard'; the overview's
    tab is the dashboard's name alone."""
    parts = (view_words, _(page.title), _(DASHBOARD_TITLE)) if page.url_path else (_(DASHBOARD_TITLE),)
    return " · ".join(part for part in parts if part)


def finish_page(view_words: str) -> str:
    """Name the view in the browser tab and fill the Share control; returns the shared link."""
    view = current_view()
    page, dataset = view.page, view.dataset
    st.set_page_config(page_title=_tab_title(page, view_words))
    params = build_view_params(page, {**_shared_values(dataset), **view.values}, dataset)
    base = (st.context.url or page.address).split("?")[0]
    link = build_share_url(base, params, dataset.info.updated)
    citation = build_citation(_(page.title), view_words, link, dataset.info.updated, dt.date.today())
    with view.share_slot or st.container():
        with st.popover(_("Share or cite this view"), icon=":material/share:"):
            st.caption(_("Link to exactly this view (copy button on the right):"))
            st.code(link, language=None, wrap_lines=True)
            st.caption(_("Cite this view:"))
            st.code(citation, language=None, wrap_lines=True)
    return link
