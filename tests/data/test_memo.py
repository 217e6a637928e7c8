"""Aggregates of the dataset are computed once per loaded dataset, and afresh for a new one."""

from __future__ import annotations

import gc
import weakref

import pandas as pd

from components.data.dataset import load_dataset
from components.data.memo import once_per_object
from components.domain import sources as tables
from components.domain import trade as tr
from components.domain import trade_aggregates
from components.domain.choices import list_dataset_years
from components.links.params import build_param_rules
from components.settings import DEFAULT_DATA_DIR
from tests.builders import make_sources


class _Data:
    """Stands in for a Dataset: hashed by identity, weakly referenced."""


def test_a_result_is_computed_once_per_dataset_and_argument():
    calls = []

    @once_per_object
    def count(data, word):
        calls.append(word)
        return len(calls)

    first, second = _Data(), _Data()
    assert [count(first, "a"), count(first, "a"), count(first, "b"), count(second, "a")] == [1, 1, 2, 3]
    assert calls == ["a", "b", "a"]


def test_results_go_when_their_dataset_goes():
    @once_per_object
    def echo(data):
        return [1]

    data = _Data()
    echo(data)
    assert echo.cached_objects() == 1
    del data
    gc.collect()
    assert echo.cached_objects() == 0


def test_memoised_aggregates_equal_a_fresh_computation():
    dataset = load_dataset(DEFAULT_DATA_DIR)
    assert trade_aggregates.pair_matrix_years(dataset) == tr.bilateral_years(dataset.trade)
    assert trade_aggregates.default_matrix_year(dataset) == tr.choose_matrix_year(dataset.trade)
    assert trade_aggregates.intraregional_figures(dataset).equals(tr.select_measure(dataset.trade, "intraregional-total"))
    assert list_dataset_years(dataset) == list_dataset_years.uncached(dataset)
    assert build_param_rules(dataset, "trade") is build_param_rules(dataset, "trade")
    assert build_param_rules(dataset, "trade") == build_param_rules.uncached(dataset, "trade")
    reloaded = load_dataset(DEFAULT_DATA_DIR)
    assert build_param_rules(reloaded, "trade") is not build_param_rules(dataset, "trade")


class _Cycle:
    """An object that refers to itself: only the cyclic collector can free it."""

    def __init__(self):
        self.me = self


def test_the_loader_freezes_what_it_loaded_and_a_reload_frees_what_it_froze():
    from components.ui.loader import freeze_long_lived_objects

    gc.unfreeze()
    try:
        old = _Cycle()
        alive = weakref.ref(old)
        freeze_long_lived_objects()  # the first load: the cycle is frozen with everything else
        assert gc.get_freeze_count() > 0
        del old
        gc.collect()
        assert alive() is not None  # frozen objects are out of the collector's sight
        freeze_long_lived_objects()  # the data changed: a new load unfreezes and collects first
        assert alive() is None
    finally:
        gc.unfreeze()


def _sources_table(ids: list[str]) -> pd.DataFrame:
    return make_sources(*ids)


def test_the_source_index_is_built_once_per_sources_table_and_goes_with_it():
    sources = _sources_table(["a", "b", "c"])
    first = tables.source_index(sources)
    assert tables.source_index(sources) is first  # the same table: the same index, not rebuilt
    other = sources.copy()
    assert tables.source_index(other) is not first and tables.source_index(other) == first
    held = tables.source_index.cached_objects()
    del other
    gc.collect()
    assert tables.source_index.cached_objects() == held - 1  # the index went with its table


def test_cited_sources_are_listed_once_in_first_cited_order_without_unknown_ids():
    sources = _sources_table(["a", "b", "c"])
    cited = tables.cited_sources(pd.Series([["b", "a"], ["a", "nowhere", "c"]]), sources)
    assert [row["id"] for row in cited] == ["b", "a", "c"]
    rows = tables.add_source_columns(pd.DataFrame({"sources": [["c", "nowhere", "a"]]}), sources)
    assert rows.loc[0, "source_publishers"] == "Publisher c | Publisher a"


class _Data:
    """A stand-in for a loaded dataset: held weakly, told apart by identity."""


def test_a_bounded_memo_shares_results_and_counts_hits():
    from components.data.memo import lru_per_object

    calls = []

    @lru_per_object(max_entries=2, max_bytes=100, size_of=len)
    def build(data, view):
        calls.append(view)
        return "x" * 10

    data = _Data()
    first = build(data, ("a",))
    assert build(data, ("a",)) is first and calls == [("a",)]
    stats = build.stats()
    assert (stats.hits, stats.misses, stats.entries, stats.bytes) == (1, 1, 1, 10) and stats.hit_rate == 0.5


def test_a_bounded_memo_drops_the_least_recently_used_beyond_its_entries_or_bytes():
    from components.data.memo import lru_per_object

    @lru_per_object(max_entries=2, max_bytes=25, size_of=len)
    def build(data, size):
        return "x" * size

    data = _Data()
    build(data, 10), build(data, 11), build(data, 10)  # 10 is used again: 11 is now the oldest
    build(data, 12)  # 10 + 11 + 12 bytes in three entries: over both limits, the oldest goes
    stats = build.stats()
    assert (stats.evictions, stats.entries, stats.bytes) == (1, 2, 22)
    build(data, 4)  # 26 bytes: over the byte budget only, the oldest (10) goes
    assert (build.stats().evictions, build.stats().bytes) == (2, 16)
    assert len(build(data, 30)) == 30  # larger than the whole budget: returned, never kept
    assert build.stats().entries == 2 and build.stats().misses == 5


def test_a_bounded_memo_forgets_an_object_when_it_goes():
    from components.data.memo import lru_per_object

    @lru_per_object(max_entries=10, max_bytes=1000, size_of=len)
    def build(data, view):
        return "x" * 5

    data = _Data()
    build(data, 1), build(data, 2)
    assert build.stats().entries == 2
    del data
    gc.collect()
    assert build.stats().entries == 0 and build.stats().bytes == 0


def test_the_same_meetings_view_is_built_once_for_every_reader_whatever_the_order_of_its_codes():
    import pandas as pd

    from components.blocks.meetings import build_meetings_view
    from components.domain.meetings import MeetingFilter

    dataset = load_dataset(DEFAULT_DATA_DIR)
    today = pd.Timestamp("2026-12-02")
    before = build_meetings_view.stats()
    one = build_meetings_view(dataset, MeetingFilter(levels=("ministers", "heads-of-state")).normalised(), today)
    other = build_meetings_view(dataset, MeetingFilter(levels=("heads-of-state", "ministers"),
                                                              text="  Astana ").normalised(), today)
    again = build_meetings_view(dataset, MeetingFilter(levels=("heads-of-state", "ministers")).normalised(),
                                       today)
    after = build_meetings_view.stats()
    assert again is one and other is not one
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 2)
    assert MeetingFilter(text="  Astana  SUMMIT").normalised().text == "astana summit"


def test_every_trade_view_is_built_once_for_the_same_parameters_and_data():
    from components.blocks import trade_views as views

    dataset = load_dataset(DEFAULT_DATA_DIR)
    years = (2000, 2020)
    calls = [(views.build_total_view, (years, None)), (views.build_share_view, (years,)),
             (views.build_matrix_view, (2019,)), (views.build_matrix_view, (2023,)),
             (views.build_pair_view, ("KAZ–UZB", years)), (views.build_country_view, (years, ("KAZ",))),
             (views.build_partner_view, ("CHN", years, ())), (views.build_external_view, (years,))]
    for view, arguments in calls:
        before = view.stats()
        first = view(dataset, *arguments)
        assert view(dataset, *arguments) is first, view.__name__
        after = view.stats()
        assert after.hits - before.hits >= 1 and after.bytes > 0, view.__name__
    assert {view.__name__ for view, _ in calls} == {view.__name__ for view in views.TRADE_VIEWS}
