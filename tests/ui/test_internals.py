"""The Streamlit internals wrapped in components/ui/internals.py still exist as the wrappers use them.

Each test fails when a new Streamlit version moves or renames what a wrapper reaches for; the page
and browser tests show the user-visible effect (a cleaned link, a deep link on a fresh server).
"""

from __future__ import annotations

import inspect

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils import script_run_context
from streamlit.runtime.state.query_params import QueryParams
from streamlit.runtime.state.safe_session_state import SafeSessionState


def test_the_legacy_pages_flag_is_a_class_attribute_of_the_pages_manager():
    assert isinstance(PagesManager.uses_pages_directory, (bool, type(None)))


def test_the_script_run_context_reaches_the_query_params_of_the_session():
    assert callable(script_run_context.get_script_run_ctx)
    assert "session_state" in script_run_context.ScriptRunContext.__dataclass_fields__
    assert callable(getattr(SafeSessionState, "query_params"))  # ctx.session_state is a SafeSessionState
    members = dict(inspect.getmembers(QueryParams))
    for name in ("clear_with_no_forward_msg", "set_with_no_forward_msg", "_send_query_param_msg",
                 "set_initial_query_params_from_current"):
        assert name in members, name
    assert "preserve_embed" in inspect.signature(QueryParams.clear_with_no_forward_msg).parameters


def test_a_sent_widget_value_is_kept_under_an_id_ending_with_the_key_until_the_widget_is_drawn():
    from streamlit.elements.lib.utils import compute_and_register_element_id  # noqa: F401 (the id's maker)
    from streamlit.runtime.state import get_session_state
    from streamlit.runtime.state.session_state import SessionState, WStates

    fields = SessionState.__dataclass_fields__
    assert "_new_widget_state" in fields and "_key_id_mapper" in fields
    from streamlit.runtime.state.session_state import KeyIdMapper
    assert "__contains__" in vars(KeyIdMapper)
    assert "states" in WStates.__dataclass_fields__
    assert callable(get_session_state)
    source = inspect.getsource(compute_and_register_element_id)
    assert "user_key" in source  # the id ends with the widget's key (browser_sent_value_to_a_new_session)
