"""A server writes its view caches' hit rates as it exits, when asked to (the burst benchmark reads them)."""

import json

import pandas as pd

from components.blocks.meetings import build_meetings_view
from components.data.dataset import load_dataset
from components.domain.meetings import MeetingFilter
from components.settings import DEFAULT_DATA_DIR, MEMO_STATS_VARIABLE
from components.ui import memo_report


def test_the_report_names_each_view_cache_with_its_hits_and_misses(tmp_path):
    dataset = load_dataset(DEFAULT_DATA_DIR)
    before = build_meetings_view.stats()
    for _ in range(3):
        build_meetings_view(dataset, MeetingFilter(levels=("ministers",)).normalised(), pd.Timestamp("2026-12-02"))
    report = json.loads(memo_report.write_memo_stats(tmp_path).read_text())
    meetings = report["components.blocks.meetings.build_meetings_view"]
    assert meetings["hits"] - before.hits >= 2 and meetings["misses"] >= 1
    assert 0 < meetings["hit_rate"] <= 1
    import components.blocks.trade_views  # noqa: F401 (its seven caches register when it is imported)

    names = json.loads(memo_report.write_memo_stats(tmp_path).read_text())
    assert {"components.blocks.trade_views.build_total_view",
            "components.blocks.trade_views.build_pair_view"} <= set(names)


def test_nothing_is_registered_without_the_variable(monkeypatch):
    monkeypatch.setattr(memo_report, "_registered", False)
    assert memo_report.report_memo_stats_at_exit({}) is False
    registered = []
    monkeypatch.setattr(memo_report.atexit, "register", lambda *args: registered.append(args))
    assert memo_report.report_memo_stats_at_exit({MEMO_STATS_VARIABLE: "/tmp/x"}) is True
    assert memo_report.report_memo_stats_at_exit({MEMO_STATS_VARIABLE: "/tmp/x"}) is False  # once per process
    assert len(registered) == 1
