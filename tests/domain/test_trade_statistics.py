"""Totals from one dataset by one stated method, shares, pair turnover, claims against the statistics."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from components.data.dataset import load_dataset
from components.domain import claims
from components.domain import trade_statistics as ts
from components.settings import DEFAULT_DATA_DIR, RAW_DATA_DIR
from tests.builders import make_trade, trade_record


def _series(*rows: tuple) -> pd.DataFrame:
    """Made-up statistical values: (reporter, partner, flow, year, US$ million, estimated)."""
    return pd.DataFrame([{"series": f"s-{reporter}-{flow}-{partner}", "dataset": "imf-dots", "reporter": reporter,
                          "partner": partner, "flow": flow, "year": year, "value_usd": value * 1e6,
                          "estimated": estimated, "file": "f.xlsx", "sheet": "s", "row": 1, "sources": ["src-a"]}
                         for reporter, partner, flow, year, value, estimated in rows])


SERIES = _series(("KAZ", "UZB", "exports", 2019, 100, False), ("UZB", "KAZ", "imports", 2019, 110, False),
                 ("KAZ", "UZB", "imports", 2019, 40, False), ("UZB", "KAZ", "exports", 2019, 45, True),
                 ("KAZ", "WLD", "exports", 2019, 1000, False), ("KAZ", "WLD", "imports", 2019, 860, False))


def test_a_total_adds_each_flow_once_from_one_side_never_both_reports_of_it():
    totals = ts.build_regional_totals(SERIES).set_index("method")
    assert totals.loc["exports", "value_usd"] == (100 + 45) * 1e6  # each flow as its exporter reports it
    assert totals.loc["imports", "value_usd"] == (110 + 40) * 1e6  # each flow as its importer reports it
    assert totals.loc["exports", "flows"] == 2 and totals.loc["exports", "estimated_flows"] == 1


def test_a_turnover_is_one_reporters_own_exports_and_imports_and_needs_both():
    turnover = ts.turnover_by_reporter(SERIES, {"UZB"})
    assert turnover[["reporter", "value_usd"]].values.tolist() == [["KAZ", 140e6]]
    assert ts.turnover_by_reporter(SERIES[SERIES["flow"] == "exports"], {"UZB"}).empty


def test_a_share_is_trade_with_the_four_over_trade_with_the_world_of_the_same_reporter():
    rows = [("KAZ", partner, flow, 2019, 10, False) for partner in ("KGZ", "TJK", "TKM", "UZB")
            for flow in ("exports", "imports")] + [("KAZ", "WLD", "exports", 2019, 100, False),
                                                    ("KAZ", "WLD", "imports", 2019, 60, False)]
    shares = ts.build_intraregional_shares(_series(*rows))
    assert shares[["reporter", "year", "share"]].values.tolist() == [["KAZ", 2019, 80 / 160]]  # no region: 1 of 5


@pytest.fixture(scope="module")
def real():
    return load_dataset(DEFAULT_DATA_DIR)


def test_the_exports_based_totals_are_those_the_provenance_note_checks(real):
    note = (RAW_DATA_DIR / "imf-dots" / "PROVENANCE.md").read_text(encoding="utf-8")
    checked = {int(year): float(value) for year, value in
               re.findall(r"(\d{4}) (\d+\.\d\d)", note.split("each flow\nonce\"):")[1].split("(US$ billion)")[0])}
    totals = ts.build_regional_totals(real.trade_series)
    exports = totals[totals["method"] == "exports"].set_index("year")["value_usd"]
    assert len(checked) == 5 and {year: round(exports[year] / 1e9, 2) for year in checked} == checked


def test_the_total_spans_at_least_25_consecutive_years_from_one_method(real):
    years = ts.build_regional_totals(real.trade_series).query("method == 'exports'")["year"].tolist()
    runs, run = [], [years[0]]
    for previous, year in zip(years, years[1:]):
        run = run + [year] if year == previous + 1 else [year]
        runs.append(len(run))
    assert max(runs) >= 25


def test_a_level_claim_is_set_beside_both_totals_with_the_ratio_and_a_later_one_says_where_they_stop():
    trade = make_trade(trade_record("c-2019", "intraregional-total", 290e6, 2019),
                       trade_record("c-2023", "intraregional-total", 500e6, 2023, growth_from_year=2019,
                                    growth_as_stated="up 70% since 2019"))
    compared = claims.compare_claims(trade, SERIES).set_index(["record", "kind"])
    assert compared.loc[("c-2019", "level"), "arithmetic"] == ("$290 million ÷ $145 million = 2.00×; "
                                                               "$290 million ÷ $150 million = 1.93×")
    assert compared.loc[("c-2023", "level"), "statistics (IMF DOTS)"] == "The statistics stop at 2019: none for 2023."
    assert "the series stops at 2019, no growth to compare" in compared.loc[("c-2023", "growth"), "statistics (IMF DOTS)"]
