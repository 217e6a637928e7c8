"""The two Streamlit internals the dashboard needs, each wrapped once, with why.

Streamlit is pinned in requirements.txt. tests/ui/test_internals.py fails when an internal
moves or changes under a new version; tests/pages and tests/browser show what breaks for users.
"""

from __future__ import annotations

import streamlit as st


def reseed_bound_widgets_from_url() -> None:
    """Make widgets bound with `bind="query-params"` take their first value from the query string
    as it is now, not as it arrived.

    Why private: after the frame cleans a link (`st.query_params.from_dict`), Streamlit's bound
    widgets still open on the values the browser sent, so a widget would show a value the notice
    says was ignored. Streamlit has no public call to re-read the query string for them.
    """
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        with ctx.session_state.query_params() as query_params:
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
