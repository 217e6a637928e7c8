"""50 concurrent sessions against a real `streamlit run` on 127.0.0.1, through Streamlit's own
websocket protocol (bench/streamlit_client.py): every run returns its page, with no exception,
and no session sees another's view. Asserts correctness only; timings are bench/'s business.
"""

from __future__ import annotations

import pytest

from bench.sessions import leaked, run_sessions, session_visits
from bench.streamlit_client import StreamlitServer
from tests.conftest import run_async

SESSIONS = 50


@pytest.fixture(scope="module")
def server_url():
    with StreamlitServer("dashboard.py") as server:
        yield server.url


def test_visits_differ_between_sessions():
    views = {tuple(visit.query_string for visit in session_visits(index)[:2]) for index in range(SESSIONS)}
    assert len(views) > 40  # pairs (10) and search terms (13) combine into distinct views


def test_fifty_concurrent_sessions_each_get_their_own_view(server_url):
    run_async(run_sessions(server_url, 1))  # load the data once, as the first visitor does
    pairs = run_async(run_sessions(server_url, SESSIONS, visits=2))
    assert len(pairs) == SESSIONS * 2
    failures = [(visit.page, visit.query_string, run.error, run.exceptions, run.page_not_found)
                for visit, run in pairs if not run.ok]
    assert failures == []
    missing = [(visit.page, visit.query_string) for visit, run in pairs if not run.contains(visit.marker)]
    assert missing == []
    crossed = [(visit.query_string, leaked(visit, run)) for visit, run in pairs if leaked(visit, run)]
    assert crossed == []
    assert all(run.charts >= 1 for visit, run in pairs if visit.page == "trade")
