"""Streamlit side of links: the query string's edge, its notices, and the shared sidebar filters.

The sidebar's shared filters use Streamlit's own binding (`bind="query-params"`) from the entry
script, so they follow the user across pages. Page controls are in components/ui/widgets.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import streamlit as st

from components.data.dataset import Dataset
from components.domain.choices import country_names
from components.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from components.i18n.texts import _, ngettext
from components.links.pages import DATA_VERSION_PARAM, LANGUAGE_PARAM, SHARED_PARAMS, PageSpec, pages_with_filter
from components.links.params import build_param_rules, name_ignored, sanitize_params
from components.links.share import is_stale
from components.ui.internals import replace_query_params
from components.ui.markdown import escape_markdown

_NOTICE_KEY = "_link_notice"


def _current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def apply_link_params(dataset: Dataset, url_path: str) -> None:
    """Before any widget, on every run (a fresh link, Back and Forward, any rerun): drop what is invalid
    in the query string (the widgets then open on the valid part, and the address bar is cleaned) and
    remember what was ignored for the notice."""
    raw = _current_params()
    clean, ignored = sanitize_params(raw, build_param_rules(dataset, url_path))
    st.session_state[_NOTICE_KEY] = (ignored, (clean.get(DATA_VERSION_PARAM) or [None])[-1])
    if clean == raw:
        return
    replace_query_params(clean)
    for name in SHARED_PARAMS:  # a sidebar filter whose part was dropped opens as on a fresh link
        if raw.get(name) != clean.get(name):
            forget_sent_value(name)


def keep_offered_value(key: str, offered: Callable[[object], bool]) -> None:
    """Drop the value the browser sent for the widget `key` unless `offered(value)`: a forged message
    can send any value (an unknown option, a wrong type, reversed years), which Streamlit would hand to
    the page or fail to serialise. Dropped, the widget takes its value from the URL, as on a fresh link."""
    try:
        if key not in st.session_state or offered(st.session_state[key]):
            return
    except (TypeError, ValueError, KeyError, IndexError):  # a value of the wrong type may not even be read
        pass
    forget_sent_value(key)


def forget_sent_value(key: str) -> None:
    """Drop the widget `key`'s value from the session (Streamlit then draws it as on a first run)."""
    with contextlib.suppress(KeyError):
        del st.session_state[key]


_SWITCH_KEY = "_language_switch"


def chosen_language() -> str:
    """The language of this run: the link's `lang` (which the switch writes), else the default."""
    value = st.query_params.get(LANGUAGE_PARAM)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def _switch_language() -> None:
    chosen = st.session_state.get(_SWITCH_KEY) or DEFAULT_LANGUAGE
    if chosen == DEFAULT_LANGUAGE:
        del st.query_params[LANGUAGE_PARAM]
    else:
        st.query_params[LANGUAGE_PARAM] = chosen


def render_language_switch(current: str) -> None:
    """The sidebar's language switch. It writes `lang` to the address itself (not by Streamlit's binding,
    which would write the shown name, 'Русский', instead of the code), so the rest of the view stays."""
    st.session_state[_SWITCH_KEY] = current
    with st.sidebar:
        st.segmented_control(_("Language"), list(LANGUAGES), format_func=lambda code: LANGUAGES[code].own_name,
                             key=_SWITCH_KEY, required=True, label_visibility="collapsed",
                             on_change=_switch_language)


def render_link_notices(data_version: str) -> None:
    """A short notice of what the link asked for that was ignored (the first few, and how many more);
    a note if the data changed since."""
    ignored, link_version = st.session_state.get(_NOTICE_KEY, ([], None))
    named, more = name_ignored(ignored)
    if named:
        items = ", ".join(escape_markdown(item) for item in named)
        notice = (ngettext("Part of the link was ignored: {items} and {more} more. The rest of the view opened as shared.",
                           "Part of the link was ignored: {items} and {more} more. The rest of the view opened as shared.",
                           more).format(items=items, more=more) if more else
                  _("Part of the link was ignored: {items}. The rest of the view opened as shared.").format(items=items))
        st.caption(":material/link_off: " + notice)
    if is_stale(link_version, data_version):
        st.caption(":material/update: " + _(
            "This link was made with the data of {link_version}; the data has been updated since ({data_version}), "
            "so figures may differ from what the sender saw.").format(link_version=escape_markdown(link_version),
                                                                      data_version=data_version))


def _applies_to(name: str) -> str:
    titles = [_(page.title) for page in pages_with_filter(name)]
    if len(titles) > 1:
        return _("Applies to the {pages} and {last} pages.").format(pages=", ".join(titles[:-1]), last=titles[-1])
    return _("Applies to the {page} page.").format(page=titles[0]) if titles else ""


def render_shared_filters(dataset: Dataset, page: PageSpec) -> None:
    """The sidebar filters that follow the user from page to page (bound in the entry script,
    so Streamlit keeps them in the URL across page changes). Greyed out where they do not apply.

    Embedded (`?embed=true`), the page shows no sidebar: the filters are read from the URL instead."""
    span, countries = SHARED_PARAMS["years"].span(dataset), country_names(dataset)
    if st.context.is_embedded:
        names_to_codes = {name: code for code, name in countries.items()}
        chosen_years = [int(year) for year in st.query_params.get_all("years")]
        st.session_state["_embedded_filters"] = (
            tuple(chosen_years) if len(chosen_years) == 2 else None,
            tuple(names_to_codes[name] for name in st.query_params.get_all("countries") if name in names_to_codes))
        return
    keep_offered_value("years", lambda value: _is_year_range(value, span))
    keep_offered_value("countries", lambda value: set(value) <= set(countries))
    with st.sidebar:
        st.subheader(_("Filters for every page"))
        if span and span[0] < span[1]:
            st.slider(_("Years"), min_value=span[0], max_value=span[1], value=span, key="years",
                      bind="query-params", disabled="years" not in page.filters, help=_applies_to("years"))
        st.multiselect(_("Countries"), list(countries), format_func=countries.get, key="countries",
                       bind="query-params", disabled="countries" not in page.filters,
                       placeholder=_("All countries"),
                       help=_("Meetings hosted in, initiatives with these parties, and each country's trade "
                              "with the region. {applies}").format(applies=_applies_to("countries")))


def _is_year_range(value: object, span: tuple[int, int] | None) -> bool:
    return (span is not None and isinstance(value, (tuple, list)) and len(value) == 2
            and all(isinstance(year, int) for year in value) and span[0] <= value[0] <= value[1] <= span[1])


def shared_years(years: list[int]) -> tuple[int, int] | None:
    """The years chosen in the sidebar (all years when it shows none)."""
    if not years:
        return None
    embedded_years = st.session_state.get("_embedded_filters", (None, ()))[0] if st.context.is_embedded else None
    return tuple(st.session_state.get("years") or embedded_years or (years[0], years[-1]))


def shared_countries() -> tuple[str, ...]:
    """Country codes chosen in the sidebar (empty: all)."""
    if st.context.is_embedded:
        return st.session_state.get("_embedded_filters", (None, ()))[1]
    return tuple(st.session_state.get("countries") or ())
