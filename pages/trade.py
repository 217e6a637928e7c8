"""Trade: the statistics and what was said, the share of intraregional trade, country pairs, each country
with the region, claims against the statistics, targets, outside partners."""

import streamlit as st

from components.blocks import trade_views as views
from components.blocks.trade_tables import build_target_table
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
from components.ui.tables import render_table

dataset = begin_page("The official statistics (IMF Direction of Trade, to 2020) as lines, each built by one stated "
                     "method from one dataset; the figures agencies, ministries and leaders stated as points, each "
                     "with its reporter. Nothing is added up across reporters.")
trade, sources = dataset.trade, dataset.sources
names = country_names(dataset)
years = tuple(int(year) for year in shared_years(list_dataset_years(dataset)) or (0, 0))
countries = tuple(sorted(shared_countries()))
st.caption(f"Years {years[0]}–{years[1]} (change them in the sidebar, where they apply to every page).")
tab = url_segmented("View", list(TRADE_TABS), key="tab", format_func=TRADE_TABS.get, label_visibility="collapsed")
pair = tr.list_pairs()[0]
countries_note = "Only " + ", ".join(escape_markdown(names.get(code, code)) for code in countries) + " (sidebar filter)."


def _render_matrix(year: int) -> None:
    """The statistics' matrix for years they cover, the national figures' matrix after."""
    block, mirror = views.build_matrix_view(dataset, year)
    render_chart_block(block)
    if mirror is not None:
        st.write("Where both sides reported a figure for the year:")
        render_table(mirror, key="mirror_table")


if tab == "total":
    reporter = url_select("Draw one reporter's figures as a line", [None, *trade_aggregates.series_reporters(dataset)],
                          key="reporter", format_func=lambda name: "No line" if name is None else name,
                          placeholder="No line")
    block, differing = views.build_total_view(dataset, years, reporter)
    if differing:
        st.info("Statements differ for " + ", ".join(map(str, differing)) + ": every figure is shown with its "
                "reporter; none is chosen over the others.", icon=":material/info:")
    render_chart_block(block)

elif tab == "share":
    render_chart_block(views.build_share_view(dataset, years))

elif tab == "pairs":
    matrix_years = trade_aggregates.matrix_years(dataset)
    if not matrix_years:
        st.info("No full-year bilateral figures are in the data, so there is no matrix to draw.",
                icon=":material/search_off:")
    else:
        _render_matrix(url_select("Year for the matrix", matrix_years, key="year"))
    pair = url_select("Pair", tr.list_pairs(), key="pair")
    pair_block = views.build_pair_view(dataset, pair, years)
    if pair_block is None:
        st.info(f"No figures for {pair} in {years[0]}–{years[1]}. Widen the years or pick another pair.")
    else:
        render_chart_block(pair_block)

elif tab == "countries":
    if countries:
        st.caption(countries_note)
    render_chart_block(views.build_country_view(dataset, years, countries))

elif tab == "claims":
    claims = trade_aggregates.claims(dataset)
    st.write("Every level, growth and target stated in the data, beside what the statistics give for the same "
             "scope and years, with the arithmetic. The statistics end in 2020: for later years the comparison "
             "says so and shows the last year they reach.")
    render_table(claims.drop(columns=["sources"]), key="claims_table")
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
        render_table(target_table.drop(columns=["sources"]), key="targets_table")
        render_csv_download(target_table, file_name="central-asia-trade-targets", key="targets_csv")

else:
    partners = trade_aggregates.statistics_partners(dataset)
    if partners:
        partner = url_select("Partner", partners, key="partner", format_func=lambda code: names.get(code, code))
        render_chart_block(views.build_partner_view(dataset, partner, years, countries))
        if countries:
            st.caption(countries_note)
    st.caption("Partners report their side too: Chinese customs figures for China–Central Asia trade are "
               "far above the Central Asian statistics (transit and attribution); both are kept.")
    render_chart_block(views.build_external_view(dataset, years))

finish_page(f"Bilateral trade, {'–'.join(names.get(code, code) for code in pair.split('–'))}, {years[0]}–{years[1]}"
            if tab == "pairs" else f"{TRADE_TABS[tab]}, {years[0]}–{years[1]}")
