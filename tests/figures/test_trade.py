"""Trade figures: traces, values, hover text and the empty case (made-up records)."""

from __future__ import annotations

import pytest

from components.domain import trade as tr
from components.figures import trade as charts
from tests.builders import make_trade, trade_record
from tests.domain.test_trade import TRADE


def test_pair_series_has_one_line_per_reporter():
    figure = charts.build_pair_series_figure(tr.select_pair(TRADE, "KAZ–UZB"), "KAZ–UZB")
    assert sorted(trace.name for trace in figure.data) == ["Agency A", "Agency U", "Media"]
    agency_a = next(trace for trace in figure.data if trace.name == "Agency A")
    assert list(agency_a.y) == [3.0, 4.4]
    assert list(agency_a.marker.symbol) == ["circle-open", "circle"]  # Jan–Oct is open
    assert figure.layout.yaxis.title.text == "US$ billion"


def test_intraregional_figure_points_targets_and_hover():
    points = tr.select_measure(TRADE, "intraregional-total")
    figure = charts.build_intraregional_figure(points, tr.select_regional_targets(TRADE),
                                               tr.select_reporter_series(points, "Leader A"))
    names = [trace.name for trace in figure.data]
    assert names == ["Official statement", "Series: Leader A", "Target $15 billion (no year named), Leader A"]
    statements = figure.data[0]
    assert sorted(statements.y) == [5.7, 10, 11]
    hover = dict(zip(statements.customdata, statements.hovertext))
    assert "As stated: over $10 billion" in hover["t23b"] and "Reported by: Leader B" in hover["t23b"]
    assert "Source: Publisher src-a, 2024-01-01" in hover["t23b"]
    assert list(figure.data[2].y) == [15, 15]
    assert figure.layout.xaxis.title.text == "Year the figure refers to"


def test_hover_text_escapes_html_from_the_data():
    hostile = make_trade(trade_record("x", "intraregional-total", 1e9, 2020, reporter="<img src=x onerror=alert(1)>"))
    figure = charts.build_intraregional_figure(hostile, hostile.iloc[0:0])
    assert "<img" not in figure.data[0].hovertext[0] and "&lt;img" in figure.data[0].hovertext[0]


@pytest.mark.parametrize("builder", [
    lambda: charts.build_intraregional_figure(TRADE.iloc[0:0], TRADE.iloc[0:0]),
    lambda: charts.build_pair_series_figure(TRADE.iloc[0:0], "KGZ–TJK"),
    lambda: charts.build_country_region_figure(TRADE.iloc[0:0]),
    lambda: charts.build_external_figure(TRADE.iloc[0:0], TRADE.iloc[0:0]),
])
def test_empty_figures_say_there_is_no_data(builder):
    figure = builder()
    assert not figure.data
    assert "No " in figure.layout.annotations[0].text


def test_empty_matrix_says_no_data_for_the_year():
    figure = charts.build_pair_matrix_figure(tr.build_pair_matrix(tr.select_pair_year(TRADE, 1999)), 1999)
    assert figure.layout.annotations[0].text == "No full-year bilateral figures for 1999."


def test_matrix_figure_labels_missing_cells_no_data():
    figure = charts.build_pair_matrix_figure(tr.build_pair_matrix(tr.select_pair_year(TRADE, 2023)), 2023)
    text = figure.data[0].text
    assert text[0][4] == "4.40" and text[4][0] == "4.20" and text[1][2] == "no data" and text[0][0] == ""
