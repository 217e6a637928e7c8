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
