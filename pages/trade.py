"""Trade: the statistics and what was said, the share of intraregional trade, country pairs, each country
with the region, claims against the statistics, targets, outside partners."""

import streamlit as st

from components.blocks import trade as blocks
from components.blocks import trade_statistics as statistics_blocks
from components.blocks.trade_tables import build_target_table, build_year_mirror_table
from components.domain import trade as tr
from components.domain import trade_aggregates
from components.domain.choices import country_names, list_dataset_years
from components.links.pages import TRADE_TABS
from components.ui.chart import render_chart_block, render_csv_download
from components.ui.markdown import escape_markdown
from components.ui.panels import render_record_sources
from components.ui.share import shared_countries, shared_years
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_segmented, url_select

dataset = begin_page("The official statistics (IMF Direction of Trade, to 2020) as lines, each built by one stated "
                     "method from one dataset; the figures agencies, ministries and leaders stated as points, each "
                     "with its reporter. Nothing is added up across reporters.")
trade, sources = dataset.trade, dataset.sources
intraregional = trade_aggregates.intraregional_figures(dataset)
names = country_names(dataset)
years = shared_years(list_dataset_years(dataset)) or (0, 0)
countries = shared_countries()
st.caption(f"Years {years[0]}–{years[1]} (change them in the sidebar, where they apply to every page).")
tab = url_segmented("View", list(TRADE_TABS), key="tab", format_func=TRADE_TABS.get, label_visibility="collapsed")
pair = tr.list_pairs()[0]
countries_note = "Only " + ", ".join(escape_markdown(names.get(code, code)) for code in countries) + " (sidebar filter)."


def _render_matrix(year: int) -> None:
    """The statistics' matrix for years they cover, the national figures' matrix after."""
    if year in trade_aggregates.statistics_years(dataset):
        render_chart_block(statistics_blocks.build_statistics_matrix_block(
            *trade_aggregates.statistics_matrix(dataset, year), year, sources))
        return
    year_rows = tr.select_pair_year(trade, year)
    render_chart_block(blocks.build_matrix_block(year_rows, year, sources))
    mirror = build_year_mirror_table(year_rows)
    if not mirror.empty:
        st.write("Where both sides reported a figure for the year:")
        st.dataframe(mirror, hide_index=True, key="mirror_table")


if tab == "total":
    points = tr.filter_years(intraregional, years)
    reporter = url_select("Draw one reporter's figures as a line", [None, *trade_aggregates.series_reporters(dataset)],
                          key="reporter", format_func=lambda name: "No line" if name is None else name,
                          placeholder="No line")
    differing = tr.years_with_several_figures(points)
    if differing:
        st.info("Statements differ for " + ", ".join(map(str, differing)) + ": every figure is shown with its "
                "reporter; none is chosen over the others.", icon=":material/info:")
    totals = tr.filter_years(trade_aggregates.regional_totals(dataset), years)
    render_chart_block(statistics_blocks.build_total_block(
        points, trade_aggregates.regional_targets(dataset), tr.select_reporter_series(points, reporter), totals, sources))

elif tab == "share":
    render_chart_block(statistics_blocks.build_share_block(
        tr.filter_years(trade_aggregates.intraregional_shares(dataset), years), sources))

elif tab == "pairs":
    matrix_years = trade_aggregates.matrix_years(dataset)
    if not matrix_years:
        st.info("No full-year bilateral figures are in the data, so there is no matrix to draw.",
                icon=":material/search_off:")
    else:
        _render_matrix(url_select("Year for the matrix", matrix_years, key="year"))
    pair = url_select("Pair", tr.list_pairs(), key="pair")
    pair_rows = tr.filter_years(tr.select_pair(trade, pair), years)
    turnover = tr.filter_years(trade_aggregates.pair_turnover(dataset, pair), years)
    if pair_rows.empty and turnover.empty:
        st.info(f"No figures for {pair} in {years[0]}–{years[1]}. Widen the years or pick another pair.")
    else:
        render_chart_block(statistics_blocks.build_statistics_pair_block(pair_rows, turnover, pair, sources))

elif tab == "countries":
    country_rows = tr.filter_years(tr.select_country_with_region(trade), years)
    if countries:
        country_rows = tr.select_countries(country_rows, countries)
        st.caption(countries_note)
    render_chart_block(blocks.build_country_block(country_rows, sources))

elif tab == "claims":
    claims = trade_aggregates.claims(dataset)
    st.write("Every level, growth and target stated in the data, beside what the statistics give for the same "
             "scope and years, with the arithmetic. The statistics end in 2020: for later years the comparison "
             "says so and shows the last year they reach.")
    st.dataframe(claims.drop(columns=["sources"]), hide_index=True, key="claims_table")
    render_csv_download(claims, file_name="central-asia-trade-claims-and-statistics", key="claims_csv")
    render_record_sources(claims["sources"], sources)

elif tab == "targets":
    comparison = tr.compare_targets_with_latest(trade)
    st.write("Announced targets beside the latest figure reported for the same scope. The percentage is "
             "computed here from the two figures shown; each keeps its own reporter and source.")
    if comparison.empty:
        st.info("No targets with a value are in the data.")
    else:
        target_table = build_target_table(comparison, sources)
        st.dataframe(target_table.drop(columns=["sources"]), hide_index=True, key="targets_table")
        render_csv_download(target_table, file_name="central-asia-trade-targets", key="targets_csv")

else:
    partners = trade_aggregates.statistics_partners(dataset)
    if partners:
        partner = url_select("Partner", partners, key="partner", format_func=lambda code: names.get(code, code))
        render_chart_block(statistics_blocks.build_partner_block(
            tr.filter_years(trade_aggregates.partner_trade(dataset, partner, names.get(partner, partner)), years),
            partner, names.get(partner, partner), sources, countries))
        if countries:
            st.caption(countries_note)
    st.caption("Partners report their side too: Chinese customs figures for China–Central Asia trade are "
               "far above the Central Asian statistics (transit and attribution); both are kept.")
    render_chart_block(blocks.build_external_block(tr.filter_years(tr.select_external(trade), years),
                                                   tr.filter_years(intraregional, years), sources))

finish_page(f"Bilateral trade, {'–'.join(names.get(code, code) for code in pair.split('–'))}, {years[0]}–{years[1]}"
            if tab == "pairs" else f"{TRADE_TABS[tab]}, {years[0]}–{years[1]}")
