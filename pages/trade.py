"""Trade: the statistics and what was said, the share of intraregional trade, country pairs, each country
with the region, claims against the statistics, targets, outside partners."""

import streamlit as st

from components.blocks import trade_views as views
from components.blocks.trade_tables import build_target_table, in_source_language
from components.domain import trade as tr
from components.domain import trade_aggregates
from components.domain.choices import country_names, list_dataset_years
from components.i18n.texts import _
from components.links.pages import TRADE_TABS
from components.ui.chart import render_chart_block, render_csv_download
from components.ui.markdown import escape_markdown
from components.ui.panels import render_record_sources
from components.ui.share import shared_countries, shared_years
from components.ui.tables import render_table
from components.ui.view import begin_page, finish_page
from components.ui.widgets import url_segmented, url_select

dataset = begin_page(_("The official statistics (IMF Direction of Trade, to 2020) as lines, each built by one stated "
                       "method from one dataset; the figures agencies, ministries and leaders stated as points, each "
                       "with its reporter. Nothing is added up across reporters."))
trade, sources = dataset.trade, dataset.sources
names = country_names(dataset)
years = tuple(int(year) for year in shared_years(list_dataset_years(dataset)) or (0, 0))
countries = tuple(sorted(shared_countries()))
st.caption(_("Years {start}–{end} (change them in the sidebar, where they apply to every page).").format(
    start=years[0], end=years[1]))
tab = url_segmented(_("View"), list(TRADE_TABS), key="tab", format_func=lambda code: _(TRADE_TABS[code]),
                    label_visibility="collapsed")
pair = tr.list_pairs()[0]
countries_note = _("Only {countries} (sidebar filter).").format(
    countries=", ".join(escape_markdown(names.get(code, code)) for code in countries))


def _render_matrix(year: int) -> None:
    """The statistics' matrix for years they cover, the national figures' matrix after."""
    block, mirror = views.build_matrix_view(dataset, year)
    render_chart_block(block)
    if mirror is not None:
        st.write(_("Where both sides reported a figure for the year:"))
        render_table(mirror, key="mirror_table")


if tab == "total":
    reporter = url_select(_("Draw one reporter's figures as a line"),
                          [None, *trade_aggregates.series_reporters(dataset)], key="reporter",
                          format_func=lambda name: _("No line") if name is None else name, placeholder=_("No line"))
    block, differing = views.build_total_view(dataset, years, reporter)
    if differing:
        st.info(_("Statements differ for {years}: every figure is shown with its reporter; none is chosen over the "
                  "others.").format(years=", ".join(map(str, differing))), icon=":material/info:")
    render_chart_block(block)

elif tab == "share":
    render_chart_block(views.build_share_view(dataset, years))

elif tab == "pairs":
    matrix_years = trade_aggregates.matrix_years(dataset)
    if not matrix_years:
        st.info(_("No full-year bilateral figures are in the data, so there is no matrix to draw."),
                icon=":material/search_off:")
    else:
        _render_matrix(url_select(_("Year for the matrix"), matrix_years, key="year"))
    pair = url_select(_("Pair"), tr.list_pairs(), key="pair")
    pair_block = views.build_pair_view(dataset, pair, years)
    if pair_block is None:
        st.info(_("No figures for {pair} in {start}–{end}. Widen the years or pick another pair.").format(
            pair=pair, start=years[0], end=years[1]))
    else:
        render_chart_block(pair_block)

elif tab == "countries":
    if countries:
        st.caption(countries_note)
    render_chart_block(views.build_country_view(dataset, years, countries))

elif tab == "claims":
    claims = trade_aggregates.claims(dataset)  # in the reader's language; the CSV in English
    st.write(_("Every level, growth and target stated in the data, beside what the statistics give for the same "
               "scope and years, with the arithmetic. The statistics end in 2020: for later years the comparison "
               "says so and shows the last year they reach."))
    render_table(claims.drop(columns=["sources"]), key="claims_table")
    render_csv_download(in_source_language(lambda: trade_aggregates.claims(dataset)),
                        file_name="central-asia-trade-claims-and-statistics", key="claims_csv")
    render_record_sources(claims["sources"], sources)

elif tab == "targets":
    comparison = tr.compare_targets_with_latest(trade)
    st.write(_("Announced targets beside the latest figure reported for the same scope. The percentage is "
               "computed here from the two figures shown; each keeps its own reporter and source."))
    if comparison.empty:
        st.info(_("No targets with a value are in the data."))
    else:
        target_table = build_target_table(comparison, sources)  # in the reader's language; the CSV in English
        render_table(target_table.drop(columns=["sources"]), key="targets_table")
        render_csv_download(in_source_language(lambda: build_target_table(tr.compare_targets_with_latest(trade),
                                                                          sources)),
                            file_name="central-asia-trade-targets", key="targets_csv")

else:
    partners = trade_aggregates.statistics_partners(dataset)
    if partners:
        partner = url_select(_("Partner"), partners, key="partner", format_func=lambda code: names.get(code, code))
        render_chart_block(views.build_partner_view(dataset, partner, years, countries))
        if countries:
            st.caption(countries_note)
    st.caption(_("Partners report their side too: Chinese customs figures for China–Central Asia trade are "
                 "far above the Central Asian statistics (transit and attribution); both are kept."))
    render_chart_block(views.build_external_view(dataset, years))

finish_page(_("Bilateral trade, {pair}, {start}–{end}").format(
                pair="–".join(names.get(code, code) for code in pair.split("–")), start=years[0], end=years[1])
            if tab == "pairs" else f"{_(TRADE_TABS[tab])}, {years[0]}–{years[1]}")
