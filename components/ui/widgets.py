"""Page controls backed by the URL: `url_select`, `url_multiselect`, `url_segmented`, `url_text`.

The key of each is its URL parameter's name, which must be declared for the page in
components/links/pages.py (its default comes from there). Each records its value in the current
view, so the Share link carries it without the page listing it again.

Page controls are not bound with Streamlit's `bind="query-params"`: on a page change Streamlit
would drop their parameters in a second history entry, and Back would land on a view nobody saw.
Their value comes from the URL on every run (so a link, Back and Forward all set it) and goes back
to the URL when the user changes it (on_change, which runs before the script). The value the browser
sent is then dropped before the widget is drawn, so a forged one (an unknown option, a wrong type, an
over-long text) never reaches the widget or the page: it went through the URL's cleaning like a link.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.i18n.texts import _, speaking
from components.links.share import as_url_values
from components.ui.internals import browser_sent_value_to_a_new_session
from components.ui.share import forget_sent_value
from components.ui.view import current_view


def _sync_url(key: str, default_values: list[str]) -> None:
    """on_change: write the widget's value to the address bar (a history entry), or remove the
    parameter when the value is the default, so links stay short."""
    values = as_url_values(st.session_state.get(key))
    if values and values != default_values:
        st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


def _declared_default(key: str) -> object:
    view = current_view()
    return view.page.param(key).default_value(view.dataset)


def _url_widget(widget: Callable, label: str, *, key: str, value: object, default: object, **options) -> object:
    if "format_func" in options:
        options["format_func"] = speaking(options["format_func"])
    # After a failover the browser's first change reaches a session that has not drawn this widget: no
    # on_change runs, so the sent value is taken here (Streamlit checks it against the options) and written
    # to the address, instead of being replaced by the address's older value.
    changed_before_drawn = browser_sent_value_to_a_new_session(key)
    if not changed_before_drawn:
        forget_sent_value(key)  # on_change has put a change in the URL; a forged value must not reach the widget
        st.session_state[key] = value
    picked = widget(label, key=key, on_change=_sync_url, args=(key, as_url_values(default)), **options)
    if changed_before_drawn:
        _sync_url(key, as_url_values(default))
    current_view().values[key] = picked
    return picked


def _from_url(key: str, options: list) -> object:
    by_text = {str(option): option for option in options}
    chosen = [by_text[value] for value in st.query_params.get_all(key) if value in by_text]
    return chosen[0] if chosen else _declared_default(key)


def url_select(label: str, options: list, *, key: str, container=st, **kwargs) -> object:
    """A select box backed by the URL parameter `key` (the option's code, e.g. `pair=KAZ–UZB`)."""
    value = _from_url(key, options)
    if value is None:
        kwargs.setdefault("index", None)
    return _url_widget(container.selectbox, label, key=key, value=value, default=_declared_default(key),
                       options=options, **kwargs)


def url_multiselect(label: str, options: list, *, key: str, container=st, **kwargs) -> list:
    """A multiselect backed by the repeated URL parameter `key` (codes, e.g. `level=ministers`)."""
    kwargs.setdefault("placeholder", _("All"))
    wanted = set(st.query_params.get_all(key))
    value = [option for option in options if str(option) in wanted]
    return _url_widget(container.multiselect, label, key=key, value=value, default=[], options=options, **kwargs)


def url_segmented(label: str, options: list, *, key: str, container=st, **kwargs) -> object:
    """One choice among a few buttons, backed by the URL parameter `key`; the default when none is chosen."""
    default = _declared_default(key)
    picked = _url_widget(container.segmented_control, label, key=key, value=_from_url(key, options), default=default,
                         options=options, **kwargs)
    return default if picked is None else picked


def url_text(label: str, *, key: str, container=st, **kwargs) -> str:
    """A text box backed by the URL parameter `key`, as long as the parameter may be."""
    max_chars = current_view().page.param(key).max_length
    values = st.query_params.get_all(key)
    value = values[-1][:max_chars] if values else ""
    typed = _url_widget(container.text_input, label, key=key, value=value, default="", max_chars=max_chars, **kwargs)
    return typed[:max_chars]


def set_url_choice(key: str, value: str | None) -> None:
    """Choose a record from code (a click on a chart or a list row): widget and URL agree."""
    st.session_state[key] = value
    _sync_url(key, [])
