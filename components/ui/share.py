"""Streamlit side of shareable views: the query string's edge, the shared filters, the Share control.

The sidebar's shared filters use Streamlit's own binding (`bind="query-params"`) from the entry
script, so they follow the user across pages. Page controls are URL-backed by `url_select`,
`url_multiselect`, `url_segmented` and `url_text`: their links carry short, stable codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.settings import DASHBOARD_TITLE
from components.links.share import DATA_VERSION_PARAM, ParamRule, build_citation, build_share_url, is_stale, sanitize_params
from components.ui.markdown import escape_markdown

_NOTICE_KEY = "_link_notice"


def _current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def apply_link_params(rules: dict[str, ParamRule]) -> None:
    """Before any widget: drop what is invalid in the query string (the widgets then open on the
    valid part, and the address bar is cleaned) and remember what was ignored for the notice."""
    raw = _current_params()
    clean, ignored = sanitize_params(raw, rules)
    st.session_state[_NOTICE_KEY] = (ignored, (raw.get(DATA_VERSION_PARAM) or [None])[-1])
    if clean == raw:
        return
    try:
        st.query_params.from_dict(clean)
    except StreamlitAPIException:  # a bound parameter on a rerun: its widget keeps it valid itself
        return
    _seed_widgets_from_current_params()


def _seed_widgets_from_current_params() -> None:
    """Bound widgets take their first value from the query string as it arrived; make them take the
    cleaned one instead, so a widget never opens on a value the notice says was ignored.
    (Streamlit internals, pinned in requirements.txt; tests/test_url_params.py fails if this stops working.)"""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        with ctx.session_state.query_params() as query_params:
            query_params.set_initial_query_params_from_current()


def render_link_notices(data_version: str) -> None:
    """A short notice of what the link asked for that was ignored; a note if the data changed since."""
    ignored, link_version = st.session_state.get(_NOTICE_KEY, ([], None))
    if ignored:
        st.caption(":material/link_off: Part of the link was ignored: "
                   + ", ".join(escape_markdown(item) for item in ignored)
                   + ". The rest of the view opened as shared.")
    if is_stale(link_version, data_version):
        st.caption(f":material/update: This link was made with the data of {escape_markdown(link_version)}; "
                   f"the data has been updated since ({data_version}), so figures may differ from what the "
                   "sender saw.")


def render_shared_filters(years: list[int], countries: dict[str, str], url_path: str, *,
                          years_apply_to: tuple[str, ...], countries_apply_to: tuple[str, ...]) -> None:
    """The sidebar filters that follow the user from page to page (bound in the entry script,
    so Streamlit keeps them in the URL across page changes). Greyed out where they do not apply.

    Embedded (`?embed=true`), the page shows no sidebar: the filters are read from the URL instead."""
    if st.context.is_embedded:
        names_to_codes = {name: code for code, name in countries.items()}
        chosen_years = [int(year) for year in st.query_params.get_all("years")]
        st.session_state["_embedded_filters"] = (
            tuple(chosen_years) if len(chosen_years) == 2 else None,
            tuple(names_to_codes[name] for name in st.query_params.get_all("countries") if name in names_to_codes))
        return
    with st.sidebar:
        st.subheader("Filters for every page")
        if len(years) >= 2:
            st.slider("Years", min_value=years[0], max_value=years[-1], value=(years[0], years[-1]), key="years",
                      bind="query-params", disabled=url_path not in years_apply_to,
                      help="Applies to the Trade, Meetings and Formats pages.")
        st.multiselect("Countries", list(countries), format_func=countries.get, key="countries",
                       bind="query-params", disabled=url_path not in countries_apply_to,
                       placeholder="All countries",
                       help="Meetings hosted in, initiatives with these parties, and each country's trade "
                            "with the region.")


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


def _sync_url(key: str, to_url: Callable[[object], list[str]], default_values: list[str]) -> None:
    """on_change of a URL-backed widget: write its value to the address bar (a history entry), or
    remove the parameter when the value is the default, so links stay short."""
    values = to_url(st.session_state.get(key))
    if values and values != default_values:
        st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


def _url_widget(widget: Callable, label: str, *, key: str, value: object, to_url: Callable[[object], list[str]],
                default: object, **options) -> object:
    """A widget whose value comes from the URL on every run (so a link, Back and Forward all set it)
    and goes back to the URL when the user changes it.

    Page controls are not bound with Streamlit's `bind="query-params"`: on a page change Streamlit
    would drop their parameters in a second history entry, and Back would land on a view nobody saw.
    """
    st.session_state[key] = value
    return widget(label, key=key, on_change=_sync_url, args=(key, to_url, to_url(default)), **options)


def _one(value: object) -> list[str]:
    return [] if value is None else [str(value)]


def _many(value: object) -> list[str]:
    return [str(item) for item in value or []]


def url_select(label: str, options: list, *, key: str, default: object = None, container=st, **kwargs) -> object:
    """A select box backed by the URL parameter `key` (the option's code, e.g. `pair=KAZ–UZB`)."""
    by_text = {str(option): option for option in options}
    chosen = [by_text[value] for value in st.query_params.get_all(key) if value in by_text]
    value = chosen[0] if chosen else default
    if value is None:
        kwargs.setdefault("index", None)
    return _url_widget(container.selectbox, label, key=key, value=value, to_url=_one, default=default,
                       options=options, **kwargs)


def url_multiselect(label: str, options: list, *, key: str, container=st, **kwargs) -> list:
    """A multiselect backed by the repeated URL parameter `key` (codes, e.g. `level=ministers`)."""
    kwargs.setdefault("placeholder", "All")
    wanted = set(st.query_params.get_all(key))
    value = [option for option in options if str(option) in wanted]
    return _url_widget(container.multiselect, label, key=key, value=value, to_url=_many, default=[],
                       options=options, **kwargs)


def url_segmented(label: str, options: list, *, key: str, default: object = None, container=st, **kwargs) -> object:
    """One choice among a few buttons, backed by the URL parameter `key`; the default when none is chosen."""
    by_text = {str(option): option for option in options}
    chosen = [by_text[value] for value in st.query_params.get_all(key) if value in by_text]
    value = chosen[0] if chosen else default
    picked = _url_widget(container.segmented_control, label, key=key, value=value, to_url=_one, default=default,
                         options=options, **kwargs)
    return default if picked is None else picked


def url_text(label: str, *, key: str, max_chars: int, container=st, **kwargs) -> str:
    """A text box backed by the URL parameter `key`."""
    values = st.query_params.get_all(key)
    value = values[-1][:max_chars] if values else ""
    return _url_widget(container.text_input, label, key=key, value=value, to_url=lambda text: [text] if text else [],
                       default="", max_chars=max_chars, **kwargs)


def set_url_choice(key: str, value: str | None) -> None:
    """Choose a record from code (a click on a chart or a list row): widget and URL agree."""
    st.session_state[key] = value
    _sync_url(key, _one, [])


def _as_values(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


def view_params(widgets: Iterable[tuple[str, object, object]]) -> dict[str, list[str]]:
    """Query parameters of the current view: (key, value as in the URL, default) with defaults left out."""
    return {key: _as_values(value) for key, value, default in widgets
            if _as_values(value) != _as_values(default) and _as_values(value)}


def shared_view_params(years: list[int], countries: dict[str, str]) -> list[tuple[str, object, object]]:
    """The shared filters as (key, URL value, default) for view_params."""
    chosen_years = shared_years(years)
    default_years = (years[0], years[-1]) if years else None
    return [("years", chosen_years, default_years),
            ("countries", [countries.get(code, code) for code in shared_countries()], [])]


def render_share(*, page_title: str, url_path: str, view: str, params: dict[str, list[str]],
                 data_version: str) -> str:
    """The Share control: the full link with a copy button, and a citation of this view. Returns the link."""
    base = st.context.url or f"/{url_path}"
    link = build_share_url(base.split("?")[0], params, data_version)
    citation = build_citation(page_title, view, link, data_version, dt.date.today())
    with st.popover("Share or cite this view", icon=":material/share:"):
        st.caption("Link to exactly this view (copy button on the right):")
        st.code(link, language=None, wrap_lines=True)
        st.caption("Cite this view:")
        st.code(citation, language=None, wrap_lines=True)
    return link


def set_view_title(page_title: str, view: str) -> None:
    """The browser tab names the view, so shared tabs and bookmarks read well."""
    parts = [part for part in (view, page_title, DASHBOARD_TITLE) if part]
    st.set_page_config(page_title=" · ".join(parts))
