"""Trade: intraregional totals, country pairs, each country with the region, targets, outside partners."""

import streamlit as st

from components.domain import trade as tr
from components.figures import trade as charts
from components.blocks import trade_tables as tables
from components.domain import trade_aggregates as trade_views
from components.domain.citations import to_csv_bytes
from components.ui.loader import render_chart_with_data, require_dataset
from components.ui.share import (render_share, set_view_title, shared_countries, shared_view_params, shared_years,
                                 url_segmented, url_select, view_params)
from components.links.contract import DEFAULT_VIEW, TRADE_VIEWS
from components.links.contract import country_names, list_dataset_years

dataset = require_dataset()
trade = dataset.trade
intraregional = trade_views.intraregional_figures(dataset)
pair_years = trade_views.pair_matrix_years(dataset)
default_year = trade_views.default_matrix_year(dataset)
span = list_dataset_years(dataset)
names = country_names(dataset)
share_slot = st.container()
st.title("Intraregional trade")
st.caption("Each figure is one reporter's number for one year, as published. The two sides of a pair "
           "report different numbers and leaders round theirs; nothing here is added up across reporters.")

years = shared_years(span) or (0, 0)
countries = shared_countries()
st.caption(f"Years {years[0]}–{years[1]} (change them in the sidebar, where they apply to every page).")
tab = url_segmented("View", list(TRADE_VIEWS), key="tab", default=DEFAULT_VIEW, format_func=TRADE_VIEWS.get,
                    label_visibility="collapsed")
reporter, year, pair = None, default_year, tr.list_pairs()[0]


def _render_pair_matrix() -> int:
    """The matrix of one year's bilateral figures, its table, sources and mirror gaps; returns the year."""
    year = url_select("Year for the matrix", pair_years, key="year", default=default_year)
    year_rows = tr.select_pair_year(trade, year)
    matrix = tr.build_pair_matrix(year_rows)
    st.caption("Each row is one country's own figure for its trade with the country in the column; "
               "the mirror cell holds the partner's figure. Blank cells: no figure found, not zero.")
    render_chart_with_data(
        charts.build_pair_matrix_figure(matrix, year),
        summary=f"{len(year_rows)} full-year bilateral figure(s) for {year}; "
                f"{int(matrix.notna().sum().sum())} of 20 cells have a figure.",
        table=tables.build_observation_table(year_rows, dataset.sources, extra={"pair": "pair"}),
        sources=dataset.sources, file_name=f"central-asia-bilateral-trade-{year}", key="matrix")
    gaps = tr.find_mirror_gaps(matrix)
    if gaps:
        st.write("Where both sides reported a figure for the year:")
        st.dataframe(tables.build_mirror_table(gaps), hide_index=True, key="mirror_table")
    return year


if tab == "total":
    points = tr.filter_years(intraregional, years)
    reporter = url_select("Draw one reporter's figures as a line", [None, *trade_views.series_reporters(dataset)],
                          key="reporter", format_func=lambda name: "No line" if name is None else name,
                          placeholder="No line")
    differing = tr.years_with_several_figures(points)
    if differing:
        st.info("Sources differ for " + ", ".join(map(str, differing)) + ": every figure is shown with its "
                "reporter; none is chosen over the others.", icon=":material/info:")
    render_chart_with_data(
        charts.build_intraregional_figure(points, trade_views.regional_targets(dataset),
                                          tr.select_reporter_series(points, reporter)),
        summary=tr.summarize_latest(points, "trade among the five states"),
        table=tables.build_observation_table(points, dataset.sources), sources=dataset.sources,
        file_name="central-asia-intraregional-trade", key="total")

elif tab == "pairs":
    if default_year is None:
        st.info("No full-year bilateral figures are in the data, so there is no matrix to draw.",
                icon=":material/search_off:")
    else:
        year = _render_pair_matrix()
    pair = url_select("Pair", tr.list_pairs(), key="pair", default=tr.list_pairs()[0])
    pair_rows = tr.filter_years(tr.select_pair(trade, pair), years)
    if pair_rows.empty:
        st.info(f"No figures for {pair} in {years[0]}–{years[1]}. Widen the years or pick another pair.")
    else:
        render_chart_with_data(
            charts.build_pair_series_figure(pair_rows, pair),
            summary=tr.summarize_latest(pair_rows, f"{pair} trade"),
            table=tables.build_observation_table(pair_rows, dataset.sources), sources=dataset.sources,
            file_name=f"bilateral-trade-{pair}", key="pair")

elif tab == "countries":
    country_rows = tr.filter_years(tr.select_country_with_region(trade), years)
    if countries:
        country_rows = tr.select_countries(country_rows, countries)
        st.caption("Only " + ", ".join(names.get(code, code) for code in countries) + " (sidebar filter).")
    render_chart_with_data(
        charts.build_country_region_figure(country_rows),
        summary=tr.summarize_latest(country_rows, "one state's trade with the rest of the region"),
        table=tables.build_observation_table(country_rows, dataset.sources, extra={"country": "country"}),
        sources=dataset.sources, file_name="central-asia-country-with-region-trade", key="country")

elif tab == "targets":
    comparison = tr.compare_targets_with_latest(trade)
    st.write("Announced targets beside the latest figure reported for the same scope. The percentage is "
             "computed here from the two figures shown; each keeps its own reporter and source.")
    if comparison.empty:
        st.info("No targets with a value are in the data.")
    else:
        target_table = tables.build_target_table(comparison, dataset.sources)
        st.dataframe(target_table.drop(columns=["sources"]), hide_index=True, key="targets_table")
        st.download_button("Download these rows (CSV)", to_csv_bytes(target_table),
                           file_name="central-asia-trade-targets.csv", mime="text/csv", key="targets_csv",
                           on_click="ignore")

else:
    external = tr.filter_years(tr.select_external(trade), years)
    st.caption("Partners report their side too: Chinese customs figures for China–Central Asia trade are "
               "far above the Central Asian statistics (transit and attribution); both are kept.")
    render_chart_with_data(
        charts.build_external_figure(external, tr.filter_years(intraregional, years)),
        summary=tr.summarize_latest(external, "trade with outside partners"),
        table=tables.build_observation_table(external, dataset.sources, extra={"partner": "partner"}),
        sources=dataset.sources, file_name="central-asia-external-trade", key="external")

view = (f"Bilateral trade, {'–'.join(names.get(code, code) for code in pair.split('–'))}, {years[0]}–{years[1]}"
        if tab == "pairs" else f"{TRADE_VIEWS[tab]}, {years[0]}–{years[1]}")
set_view_title("Trade", view)
with share_slot:
    render_share(page_title="Trade", url_path="trade", view=view, data_version=dataset.info.updated,
                 params=view_params([*shared_view_params(span, names), ("tab", tab, DEFAULT_VIEW),
                                     ("reporter", reporter, None), ("year", year, default_year),
                                     ("pair", pair, tr.list_pairs()[0])]))
