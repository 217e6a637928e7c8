"""Trade table twins: the rows drawn, readable, with their sources (made-up records)."""

from __future__ import annotations

from components.blocks.trade_tables import build_observation_table, build_target_table
from components.domain import trade as tr
from tests.domain.test_trade import SOURCES, TRADE


def test_targets_compared_with_the_latest_figure_of_the_same_scope():
    comparison = tr.compare_targets_with_latest(TRADE).set_index("target_id")
    region = comparison.loc["tg15"]
    assert region["latest_id"] in ("t23a", "t23b") and region["latest_year"] == 2023
    pair = comparison.loc["tg-ku"]
    assert pair["scope"] == "KAZ–UZB" and pair["target_year"] == 2030
    table = build_target_table(comparison.reset_index(), SOURCES)
    assert set(table["target year"]) == {"no year named", "2030"}


def test_observation_table_has_the_rows_drawn_with_sources():
    points = tr.select_measure(TRADE, "intraregional-total")
    table = build_observation_table(points, SOURCES)
    assert list(table["record"]) == list(points["id"])
    assert set(table["source urls"]) == {"https://example.org/src-a"}
    assert "over $10 billion" in set(table["value"])
