"""AppTest of the trade page on the real data: what a user sees and how the controls change it."""

from __future__ import annotations

import pandas as pd
import pytest

from components.data.dataset import load_dataset
from components.domain import trade_statistics as ts
from components.domain.trade import format_usd, list_pairs
from components.links.pages import TRADE_TABS
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import chart_figures, open_page, plain, title_of

PAGE = "pages/trade.py"


@pytest.fixture(scope="module")
def trade():
    return load_dataset(DEFAULT_DATA_DIR).trade


@pytest.fixture(scope="module")
def series():
    return load_dataset(DEFAULT_DATA_DIR).trade_series


@pytest.fixture(scope="module")
def statistics(series):
    return ts.build_regional_totals(series)


@pytest.fixture
def page():
    return open_page(PAGE)


def tr_targets(trade: pd.DataFrame) -> pd.DataFrame:
    from components.domain.trade import select_regional_targets

    return select_regional_targets(trade)


def _totals(trade: pd.DataFrame) -> pd.DataFrame:
    return trade[(trade["measure"] == "intraregional-total") & trade["value_usd"].notna()]


def test_every_intraregional_figure_is_drawn_with_its_reporter(page, trade):
    assert not page.exception
    totals = _totals(trade)
    figure = chart_figures(page)[0]
    drawn = [record for trace in figure["data"] if trace.get("mode") == "markers" for record in trace["customdata"]]
    assert sorted(drawn) == sorted(totals["id"])
    targets = [trace["name"] for trace in figure["data"] if trace["name"].startswith("Target")]
    assert any(name.startswith("Target $15 billion (no year named), Tokayev") for name in targets)
    assert len(set(targets)) == len(targets) == len(tr_targets(trade))  # each target told apart


def test_summary_line_gives_the_statistics_last_year_and_the_latest_statement(page, trade, statistics):
    totals = _totals(trade).sort_values(["year", "statement_date"])
    latest = totals.iloc[-1]
    summary = next(plain(m.value) for m in page.markdown if "Latest statement:" in plain(m.value))
    last = statistics[statistics["year"] == statistics["year"].max()].set_index("method")
    exports = last.loc["exports"]
    assert summary.startswith(f"{ts.DATASET_NAME}, {int(exports['year'])}: exports-based total "
                              f"{format_usd(exports['value_usd'])} ({exports['flows']} of 20 flows), imports-based total "
                              f"{format_usd(last.loc['imports', 'value_usd'])}")
    assert f"Latest statement: In {latest['year']}, trade among the five states was reported at " \
           f"${latest['value_usd'] / 1e9:g} billion by {latest['reporter']}" in summary
    same_year = totals[totals["year"] == latest["year"]]
    if len(same_year) > 1:
        assert f"Sources differ: {len(same_year)} figures" in summary
    several = sorted(int(y) for y, n in totals.groupby("year")["value_usd"].nunique().items() if n > 1)
    assert page.info[0].value.startswith("Statements differ for " + ", ".join(map(str, several)))


def test_table_twin_lists_exactly_the_figures_drawn_with_source_links(page, trade, statistics):
    table = page.dataframe[0].value
    expected = [f"imf-dots-total-{method}-{year}" for method, year in zip(statistics["method"], statistics["year"])]
    assert sorted(table["record"]) == sorted([*_totals(trade)["id"], *expected])
    assert table["source urls"].str.startswith("http").all()


def test_picking_a_reporter_draws_their_series_as_a_line(page, trade):
    totals = _totals(trade)
    reporter = totals.groupby("reporter")["year"].nunique().pipe(lambda s: s[s >= 2]).index[0]
    page.selectbox(key="reporter").select(reporter).run()
    line = next(t for t in chart_figures(page)[0]["data"] if t["name"] == f"Series: {reporter}")
    assert line["mode"] == "lines+markers"
    assert sorted(line["customdata"]) == sorted(totals.loc[totals["reporter"] == reporter, "id"])


def test_the_year_range_narrows_every_view(page, trade):
    page.slider(key="years").set_range(2022, 2022).run()
    table = page.dataframe[0].value
    assert sorted(table["record"]) == sorted(_totals(trade).pipe(lambda t: t[t["year"] == 2022])["id"])  # no statistics


@pytest.fixture
def pairs():
    return open_page(PAGE, tab="pairs")


def test_the_matrix_opens_on_the_latest_year_the_statistics_fill_with_estimates_marked(pairs, series):
    figures = chart_figures(pairs)
    year = pairs.selectbox(key="year").value
    cells, estimated = ts.build_statistics_matrix(series, year)
    assert cells.notna().sum().sum() == 20
    assert title_of(figures[0]) == f"Bilateral trade in {year}: each side's own report (IMF DOTS)"
    text = figures[0]["data"][0]["text"]
    marked = [(row, column) for row, values in zip(cells.index, text) for column, cell in zip(cells.columns, values)
              if cell.endswith(" e")]
    assert marked == [(row, column) for row in cells.index for column in cells.columns if estimated.loc[row, column]]
    assert {row for row, _ in marked} == {"TKM"}  # Turkmenistan's figures are all IMF estimates


def test_a_year_after_the_statistics_shows_each_sides_national_figure_and_the_mirror_gap(trade):
    page = open_page(PAGE, tab="pairs", year="2022")
    figures = chart_figures(page)
    matrix = figures[0]["data"][0]
    year = page.selectbox(key="year").value
    bilateral = trade[(trade["measure"] == "bilateral") & (trade["year"] == year) & (trade["period"] == "full year")
                      & trade["value_usd"].notna()]
    assert title_of(figures[0]) == f"Bilateral trade in {year}: each side's own figure"
    cells = sum(1 for row in matrix["text"] for text in row if text not in ("", "no data"))
    own = bilateral[[rc in p for rc, p in zip(bilateral["reporter_country"], bilateral["partners"])]]
    assert cells == len({(r, tuple(sorted(p))) for r, p in zip(own["reporter_country"], own["partners"])})
    assert any("no data" in row for row in matrix["text"])  # missing pairs say so, never zero


def test_changing_the_matrix_year_changes_the_summary(pairs, trade):
    page = pairs
    page.selectbox(key="year").select(2022).run()
    summary = next(plain(m.value) for m in page.markdown if "full-year bilateral figure" in plain(m.value))
    count = int(((trade["measure"] == "bilateral") & (trade["year"] == 2022) & (trade["period"] == "full year")
                 & trade["value_usd"].notna()).sum())
    assert summary.startswith(f"{count} full-year bilateral figure(s) for 2022")


def test_a_pair_with_no_figures_in_the_years_says_so(pairs):
    page = pairs
    bilateral = load_dataset(DEFAULT_DATA_DIR).trade.pipe(lambda t: t[(t["measure"] == "bilateral") & (t["year"] == 2021)])
    pair = next(pair for pair in list_pairs() if pair not in set(bilateral["pair"]))  # no national figure in 2021
    page.slider(key="years").set_range(2021, 2021).run()  # and the statistics end in 2020
    page.selectbox(key="pair").select(pair).run()
    assert f"No figures for {pair} in 2021–2021. Widen the years or pick another pair." in [i.value for i in page.info]


def test_a_pair_series_has_one_line_per_reporter(pairs, trade):
    page = pairs
    page.selectbox(key="pair").select("KAZ–UZB").run()
    figure = next(f for f in chart_figures(page) if title_of(f).startswith("Bilateral trade KAZ–UZB"))
    pair = trade[(trade["measure"] == "bilateral") & (trade["pair"] == "KAZ–UZB") & trade["value_usd"].notna()]
    statistics = ["IMF DOTS, as KAZ reports it", "IMF DOTS, as UZB reports it"]
    assert sorted(t["name"] for t in figure["data"]) == sorted([*pair["reporter"].unique(), *statistics])


def test_targets_table_and_outside_partners(trade):
    page = open_page(PAGE, tab="targets")
    targets = next(frame.value for frame in page.dataframe if "target said by" in frame.value.columns)
    assert len(targets) == int(((trade["measure"] == "target") & trade["value_usd"].notna()).sum())
    page = open_page(PAGE, tab="external")
    external = next(f for f in chart_figures(page) if title_of(f).startswith("Central Asia's trade with outside"))
    names = {t["name"] for t in external["data"]}
    assert {"With CHN", "With RUS", "Within Central Asia"} <= names


def test_every_view_has_png_file_names_and_csv_downloads():
    import json

    files, csv_buttons = [], 0
    for view in TRADE_TABS:
        page = open_page(PAGE, tab=view)
        assert not page.exception
        files += [json.loads(chart.proto.config)["toImageButtonOptions"]["filename"]
                  for chart in page.get("plotly_chart")]
        csv_buttons += [button.proto.label for button in page.get("download_button")].count("Download these rows (CSV)")
    year = open_page(PAGE, tab="pairs").selectbox(key="year").value
    assert files[:3] == ["central-asia-intraregional-trade", "central-asia-intraregional-share",
                         f"central-asia-bilateral-trade-{year}"]
    assert len(set(files)) == len(files) == 7
    assert csv_buttons == len(files) + 2  # every chart, plus the claims and targets tables


def test_the_view_buttons_switch_between_the_five_views():
    page = open_page(PAGE)
    assert title_of(chart_figures(page)[0]).startswith("Trade among the five")
    page.button_group(key="tab").set_value("countries").run()
    assert title_of(chart_figures(page)[0]).startswith("Each state's trade with the rest")
    assert page.query_params["tab"] == "countries"


def test_with_no_full_year_pair_figures_the_matrix_says_so_and_the_pair_series_still_draws(valid_dir, use_data_dir):
    use_data_dir(valid_dir)  # its only bilateral figure covers January to June
    page = open_page(PAGE, tab="pairs", pair="KAZ–UZB")
    assert not page.exception
    assert "No full-year bilateral figures are in the data" in page.info[0].value
    assert not any("None" in plain(markdown.value) for markdown in page.markdown)
    [series] = chart_figures(page)
    assert title_of(series) == "Bilateral trade KAZ–UZB, by reporter"
    assert series["data"][0]["customdata"] == ["t-pair-2023"]
