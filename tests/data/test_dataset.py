"""load_dataset on the valid fixture: typed DataFrames with the values of the YAML."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from components.data.dataset import load_dataset
from components.data.dates import format_partial_date, last_day, parse_partial_date
from components.data.problems import DataError
from tests.conftest import VALID, build_data_dir

TODAY = dt.date(2025, 1, 31)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(VALID, today=TODAY)


def test_counts_per_table(dataset):
    assert dataset.counts() == {"publishers": 2, "sources": 2, "countries": 3, "places": 1, "formats": 2,
                                "meetings": 2, "initiatives": 1, "trade": 3, "trade_series": 5}  # values, not rows


def test_trade_series_become_one_row_per_value_in_dollars_with_the_estimate_flag(dataset):
    series = dataset.trade_series
    kaz = series[series["series"] == "imf-dots-kaz-exports-uzb"]
    assert kaz["year"].tolist() == [2018, 2020]  # the empty 2019 cell is no row, not a zero
    assert kaz["value_usd"].tolist() == [100.5e6, 120.25e6]
    assert kaz["estimated"].tolist() == [True, False]
    assert kaz[["file", "sheet", "row"]].iloc[0].tolist() == ["DOTS_103.xlsx", "Exports, FOB to Partner Countries", 10]


def test_meetings_have_typed_dates_and_categories(dataset):
    meetings = dataset.meetings.set_index("id")
    assert pd.api.types.is_datetime64_any_dtype(meetings["start"])
    assert isinstance(meetings["status"].dtype, pd.CategoricalDtype)
    assert meetings.loc["cm-2024-astana", "start"] == pd.Timestamp("2024-08-09")
    assert meetings.loc["cm-2024-astana", "end"] == pd.Timestamp("2024-08-09")  # one-day meeting
    assert meetings.loc["cm-2024-astana", "year"] == 2024
    assert meetings.loc["cm-2024-astana", "sources"] == ["src-example"]


def test_a_scheduled_meeting_without_a_date_is_upcoming_and_sorted_last(dataset):
    last = dataset.meetings.iloc[-1]
    assert last["id"] == "cm-next" and pd.isna(last["start"]) and bool(last["upcoming"])


def test_initiative_status_is_the_latest_step_that_is_not_an_update(dataset):
    row = dataset.initiatives.set_index("id").loc["concept-2040"]
    assert row["status"] == "adopted"
    assert row["status_date"] == pd.Timestamp("2024-08-09")
    steps = dataset.initiative_steps
    assert list(steps["status"].astype(str)) == ["proposed", "adopted", "update"]
    assert steps.loc[0, "date_precision"] == "month"


def test_trade_keeps_each_figure_with_its_reporter(dataset):
    trade = dataset.trade.set_index("id")
    assert trade.loc["t-pair-2023", "pair"] == "KAZ–UZB"
    assert trade.loc["t-pair-2023", "value_usd"] == 2500000000.5
    assert not trade.loc["t-pair-2023", "full_year"]
    assert trade.loc["t-total-2023", "year_inferred"]
    assert pd.isna(trade.loc["t-target", "year"])
    assert trade.loc["t-pair-2023", "statement_date"] == pd.Timestamp("2023-07-01")
    assert trade.loc["t-pair-2023", "statement_date_precision"] == "month"


def test_sources_keep_unknown_dates_as_missing(dataset):
    sources = dataset.sources.set_index("id")
    assert pd.isna(sources.loc["src-undated", "published"])
    assert sources.loc["src-example", "published"] == pd.Timestamp("2024-08-09")


def test_load_dataset_raises_with_every_problem(tmp_path):
    with pytest.raises(DataError) as raised:
        load_dataset(build_data_dir(tmp_path / "data", "wrong-values"))
    assert len(raised.value.problems) == 4


@pytest.mark.parametrize(("text", "first", "last", "shown"), [
    ("2024-08-09", dt.date(2024, 8, 9), dt.date(2024, 8, 9), "9 Aug 2024"),
    ("2016-12", dt.date(2016, 12, 1), dt.date(2016, 12, 31), "Dec 2016"),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "Feb 2024"),
    ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2026"),
])
def test_partial_dates(text, first, last, shown):
    assert parse_partial_date(text)[0] == first
    assert last_day(text) == last
    assert format_partial_date(text) == shown


@pytest.mark.parametrize("text", ["9 Aug 2024", "2024-13", "2024-02-30", "24-08-09", ""])
def test_partial_dates_refuse_non_dates(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_sources_carry_their_publishers_name_and_kind_and_say_what_was_not_read(dataset):
    sources = dataset.sources.set_index("id")
    assert sources.loc["src-example", ["publisher", "publisher_id", "publisher_kind_label", "citing"]].tolist() == [
        "Example News", "example-news", "Independent media", "the Example MFA"]
    assert sources.loc["src-example", ["title_shown", "published_shown"]].tolist() == [
        "Leaders meet in Example City", "2024-08-09"]
    assert sources.loc["src-undated", ["title_shown", "published_shown"]].tolist() == ["not read", "not read"]
