"""The three Streamlit internals the dashboard needs, each wrapped once, with why.

Streamlit is pinned in requirements.txt. tests/ui/test_internals.py fails when an internal
moves or changes under a new version; tests/pages and tests/browser show what breaks for users.
"""

from __future__ import annotations

import streamlit as st


def replace_query_params(params: dict[str, list[str]]) -> None:
    """Replace the query string by `params`, parameters bound to widgets included, and make widgets
    bound with `bind="query-params"` take their first value from it, not from the string that arrived.

    Why private: `st.query_params` refuses to set or delete a parameter bound to a widget, and from
    the second run of a session on, the sidebar's years and countries are bound: the link cleaning
    could not write its result on a rerun (Back to an uncleaned address, a forged message), so reversed
    years and unknown values stayed in the address bar and reached the widgets. And bound widgets open
    on the values the browser sent, so a widget would show a value the notice says was ignored.
    Streamlit has no public call for either; this does what `st.query_params.from_dict` does (keeping
    `embed`), without the binding check, then re-reads the query string for the bound widgets.
    """
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    with ctx.session_state.query_params() as query_params:
        query_params.clear_with_no_forward_msg(preserve_embed=True)
        for key, values in params.items():
            query_params.set_with_no_forward_msg(key, values[0] if len(values) == 1 else list(values))
        query_params._send_query_param_msg()
        query_params.set_initial_query_params_from_current()


def leave_legacy_pages_mode() -> None:
    """Make sure a page runs under dashboard.py's st.navigation.

    Why private: with a `pages/` folder beside the entry script, a fresh Streamlit server starts
    in its legacy multipage mode until some run calls st.navigation, so the first visitor who opens
    a deep link (/meetings) would get pages/meetings.py run on its own, without the shared frame.
    There is no public switch; turning the legacy flag off and rerunning hands the request to
    dashboard.py, which serves the same page through st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def browser_sent_value_to_a_new_session(key: str) -> bool:
    """Whether the browser sent a value for the widget `key` that this session has never drawn.

    Why private: when the replica holding a session dies, the browser reconnects to another one and
    gets a new server session; the first control it changes arrives with the values of widgets that
    session has not drawn yet. Streamlit keeps such a value (under the widget's id, which ends with its
    key) and gives it to the widget when it is drawn, but runs no on_change for it, so the page would
    draw the control from the address and the reader's change would be lost. Streamlit has no public
    way to see a sent value before the widget is drawn.
    """
    from streamlit.runtime.state import get_session_state

    state = get_session_state()._state
    if key in state._key_id_mapper:  # the session has drawn a widget with this key
        return False
    suffix = f"-{key}"
    return any(widget_id.endswith(suffix) for widget_id in state._new_widget_state.states)
