"""Shareable views: the link of a view, its citation, and whether a link is older than the data. Pure."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from components.data.dataset import Dataset
from components.i18n.texts import _
from components.links.pages import DATA_VERSION_PARAM, SHARED_PARAMS, PageSpec
from components.settings import DASHBOARD_TITLE

Params = dict[str, list[str]]


def as_url_values(value: object) -> list[str]:
    """A control's value as the URL writes it: nothing, one value, or several."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


def build_view_params(page: PageSpec, values: dict[str, object], dataset: Dataset) -> Params:
    """The query parameters of a view: each control's value (shared filters first, then the page's
    own in the order the registry declares them), defaults and empty values left out."""
    params: Params = {}
    for param in [*SHARED_PARAMS.values(), *page.params]:
        if param.name not in values:
            continue
        written = as_url_values(values[param.name])
        if written and written != as_url_values(param.default_value(dataset)):
            params[param.name] = written
    return params


def build_share_url(page_url: str, params: Params, data_version: str) -> str:
    """The page URL with the view's parameters (defaults left out) and the data version last."""
    pairs = [(key, value) for key, values in params.items() if key != DATA_VERSION_PARAM for value in values]
    pairs.append((DATA_VERSION_PARAM, data_version))
    return f"{page_url}?{urlencode(pairs)}"


def build_citation(page_title: str, view: str, url: str, updated: str, accessed: dt.date) -> str:
    """'Central Asia Cooperation Dashboard, "Trade: Bilateral trade, KAZ–UZB, 2018–2024". URL. Data of … Accessed ….'"""
    title = _("{page}: {view}").format(page=page_title, view=view) if view else page_title
    return _("{dashboard}, “{title}”. {url}. Data last changed {updated}; accessed {accessed}.").format(
        dashboard=_(DASHBOARD_TITLE), title=title, url=url, updated=updated, accessed=accessed.isoformat())


def is_stale(link_version: str | None, data_version: str) -> bool:
    """True when the link was made with an older version of the data."""
    return bool(link_version) and link_version != data_version
