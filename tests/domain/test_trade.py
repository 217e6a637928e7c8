"""Trade transforms and figures: what the chart and its table say (made-up values)."""

from __future__ import annotations

import pandas as pd
import pytest

from components.domain import trade as tr
from tests.builders import make_sources, make_trade, trade_record

TRADE = make_trade(
    trade_record("t18", "intraregional-total", 5.7e9, 2018, reporter="Leader A", reporter_type="official-statement"),
    trade_record("t23a", "intraregional-total", 11e9, 2023, reporter="Leader A", reporter_type="official-statement",
                 statement_date="2024-08-09", value_as_stated="$11 billion"),
    trade_record("t23b", "intraregional-total", 10e9, 2023, reporter="Leader B", value_qualifier="over",
                 reporter_type="official-statement", statement_date="2024-08-09", value_as_stated="over $10 billion"),
    trade_record("k-u-kz", "bilateral", 4.4e9, 2023, partners=["KAZ", "UZB"], reporter_country="KAZ",
                 statement_date="2024-02-01"),
    trade_record("k-u-uz", "bilateral", 4.2e9, 2023, partners=["UZB", "KAZ"], reporter_country="UZB",
                 reporter="Agency U", covers="goods-and-services"),
    trade_record("k-u-media", "bilateral", 4.5e9, 2023, partners=["KAZ", "UZB"], reporter="Media",
                 reporter_type="media-or-analysis"),
    trade_record("k-u-part", "bilateral", 3.0e9, 2021, partners=["KAZ", "UZB"], reporter_country="KAZ",
                 period="Jan–Oct"),
    trade_record("kaz-ca", "country-with-region", 8e9, 2022, partners=["KAZ"],
                 counterparts=["KGZ", "TJK", "TKM", "UZB"], reporter_country="KAZ"),
    trade_record("tg15", "target", 15e9, None, reporter="Leader A", reporter_type="official-statement"),
    trade_record("tg-ku", "target", 10e9, 2030, partners=["KAZ", "UZB"], reporter="Leader A",
                 reporter_type="official-statement"),
    trade_record("cn", "external", 94.8e9, 2024, partners=["KAZ", "KGZ", "TJK", "TKM", "UZB"], counterparts=["CHN"],
                 reporter="China customs", reporter_country="CHN"),
    trade_record("no-value", "intraregional-total", None, 2024, value_as_stated="doubled"),
)
SOURCES = make_sources("src-a")


def test_select_measure_keeps_only_figures_with_a_value_in_year_order():
    points = tr.select_measure(TRADE, "intraregional-total")
    assert list(points["id"]) == ["t18", "t23a", "t23b"]  # year, then statement date, then id
    assert "no-value" not in set(points["id"])


def test_years_with_several_figures_are_flagged_not_resolved():
    points = tr.select_measure(TRADE, "intraregional-total")
    assert tr.years_with_several_figures(points) == [2023]
    assert set(points.loc[points["year"] == 2023, "value_usd"]) == {11e9, 10e9}


def test_reporter_series_is_one_reporters_figures():
    points = tr.select_measure(TRADE, "intraregional-total")
    assert tr.reporters_with_series(points) == ["Leader A"]
    assert list(tr.select_reporter_series(points, "Leader A")["value_usd"]) == [5.7e9, 11e9]
    assert tr.select_reporter_series(points, None).empty


def test_summary_names_the_latest_figure_its_reporter_and_the_disagreement():
    points = tr.select_measure(TRADE, "intraregional-total")
    text = tr.summarize_latest(points, "trade among the five states")
    assert text.startswith("In 2023, trade among the five states was reported at")
    assert "Sources differ: 2 figures from 2 reporters for 2023." in text
    assert tr.summarize_latest(points.iloc[0:0], "x") == "No figures for x are in the data."


def test_pair_matrix_holds_each_sides_own_figure_and_no_zeros():
    matrix = tr.build_pair_matrix(tr.select_pair_year(TRADE, 2023))
    assert matrix.loc["KAZ", "UZB"] == 4.4e9 and matrix.loc["UZB", "KAZ"] == 4.2e9
    assert matrix.loc["KGZ", "TJK"] != 0 and pd.isna(matrix.loc["KGZ", "TJK"])
    assert int(matrix.notna().sum().sum()) == 2  # the media figure is not a side's own


def test_mirror_gap_shows_both_values_and_the_gap():
    [gap] = tr.find_mirror_gaps(tr.build_pair_matrix(tr.select_pair_year(TRADE, 2023)))
    assert (gap.pair, gap.first_value, gap.second_value) == ("KAZ–UZB", 4.4e9, 4.2e9)
    assert gap.gap == pytest.approx(0.2e9)


def test_partial_year_figures_stay_out_of_the_matrix():
    assert tr.bilateral_years(TRADE) == [2023]
    assert tr.select_pair_year(TRADE, 2021).empty


def test_format_usd():
    assert tr.format_usd(11.5e9) == "$11.5 billion"
    assert tr.format_usd(336.5e6, "over") == "over $336.5 million"
    assert tr.format_usd(None) == "no value given"
