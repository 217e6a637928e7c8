"""Every rerun's input is treated like a fresh link (AppTest, real data).

In an open session the sidebar's years and countries are bound to the URL, and the browser sends
each control's value with every rerun. A query string changed on a rerun (Back to an uncleaned
address, a forged message) goes through the same cleaning as a fresh link, and a control value the
control never offered (an unknown option, a wrong type, reversed years, an over-long text) is
dropped: no traceback, the view opens on the valid part, the notice names what came from the URL.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.data.dataset import load_dataset
from components.domain.choices import list_dataset_years
from components.links.pages import page_at
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import notices, open_page

YEARS = list_dataset_years(load_dataset(DEFAULT_DATA_DIR))
SPAN = (YEARS[0], YEARS[-1])
IGNORED = ":material/link_off: Part of the link was ignored: "


def _rerun_with(app: AppTest, **query: str | list[str]) -> AppTest:
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def _forge(app: AppTest, key: str, field: str, value) -> AppTest:
    """Rerun as if the browser had sent `value` in the widget state's `field` for the control `key`
    (what a hand-made websocket message can do; AppTest's own setters only send offered values)."""
    states = app._tree.get_widget_states()
    widget_id = next(node.id for node in app._tree if getattr(node, "key", None) == key)
    state = next(state for state in states.widgets if state.id == widget_id)
    if field.endswith("_array_value"):
        getattr(state, field).data[:] = value
    else:
        setattr(state, field, value)
    return app._run(widget_state=states)


def test_a_rerun_cleans_the_query_string_even_with_bound_filters_in_it():
    app = open_page("pages/meetings.py", countries="Kazakhstan", years=["2018", "2023"])
    app = _rerun_with(app, years=["2023", "2018"], level="bogus", zz="x")
    assert not app.exception
    assert notices(app) == [IGNORED + "years=2023, years=2018, level=bogus, zz=x. The rest of the view opened as shared."]
    assert dict(app.query_params) == {"countries": "Kazakhstan"}
    assert app.slider(key="years").value == SPAN  # as a fresh link without valid years opens
    assert app.multiselect(key="countries").value == ["KAZ"] and app.multiselect(key="level").value == []


def test_a_rerun_keeps_the_valid_part_of_a_bound_filter():
    app = open_page("pages/trade.py", countries="Kazakhstan")
    app = _rerun_with(app, countries=["Atlantis", "Uzbekistan"], tab="pairs")
    assert not app.exception
    assert notices(app) == [IGNORED + "countries=Atlantis. The rest of the view opened as shared."]
    assert app.query_params["countries"] == "Uzbekistan" and app.multiselect(key="countries").value == ["UZB"]


@pytest.mark.parametrize("page, key, field, value", [
    ("pages/meetings.py", "formats", "string_array_value", ["no-such-format"]),
    ("pages/meetings.py", "level", "string_array_value", ["kings"]),
    ("pages/meetings.py", "meeting", "string_value", "no-such-meeting"),
    ("pages/trade.py", "year", "int_value", 3),
    ("pages/trade.py", "year", "string_value", "nineteen"),
    ("pages/trade.py", "pair", "string_value", "XXX"),
    ("pages/trade.py", "tab", "string_value", "nope"),
    ("pages/trade.py", "tab", "string_array_value", ["nope"]),
    ("pages/initiatives.py", "type", "string_array_value", ["<b>x</b>"]),
])
def test_a_forged_control_value_is_ignored_without_a_traceback(page, key, field, value):
    app = open_page(page, tab="pairs") if page == "pages/trade.py" and key != "tab" else open_page(page)
    before = app.get("selectbox") + app.get("multiselect")
    app = _forge(app, key, field, value)
    assert not app.exception, [error.message for error in app.exception]
    assert [element.value for element in app.get("selectbox") + app.get("multiselect")] == \
        [element.value for element in before]  # every control still shows an offered value
    for note in notices(app):  # what went through the URL is named as ignored
        assert note.startswith(IGNORED) and f"{key}=" in note
    assert app.title[0].value == page_at(page.removeprefix("pages/").removesuffix(".py")).heading


def test_forged_sidebar_values_are_ignored_without_a_traceback():
    app = open_page("pages/meetings.py", years=["2018", "2023"])
    app = _forge(app, "countries", "string_array_value", ["Atlantis"])
    assert not app.exception, [error.message for error in app.exception]
    assert app.multiselect(key="countries").value == []
    app = _forge(app, "years", "double_array_value", [2023, 2018])
    assert not app.exception and app.slider(key="years").value == (2018, 2023)  # the URL's, not reversed


def test_reversed_years_set_in_the_session_are_not_shown():
    app = open_page("pages/meetings.py", years=["2018", "2023"])
    app.session_state["years"] = (2023, 2018)
    app.run()
    assert not app.exception and app.slider(key="years").value == (2018, 2023)


@pytest.mark.parametrize("how", ["url", "widget"])
def test_a_long_text_is_clipped_to_the_box(how):
    app = open_page("pages/sources.py")
    app = _rerun_with(app, q="y" * 100_000) if how == "url" else _forge(app, "q", "string_value", "y" * 100_000)
    assert not app.exception
    assert len(app.text_input(key="q").value) <= page_at("sources").param("q").max_length
    assert len(app.query_params.get("q", "")) <= page_at("sources").param("q").max_length
