"""Chart blocks of the trade statistics (IMF DOTS) with the statements set beside them."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.blocks.trade_tables import build_observation_table, in_source_language
from components.data.imf_dots import SOURCES as IMF_SOURCES
from components.domain import trade as tr
from components.domain import trade_statistics as ts
from components.domain.sources import add_source_columns
from components.domain.trade import format_percent, format_usd
from components.figures import trade as figures
from components.figures import trade_statistics as statistics_figures
from components.i18n.texts import N_, _

METHOD_NOTE = N_("Method: the exports-based total is the sum of the five's reported exports to each other (FOB), "
                 "the imports-based total the sum of their reported imports from each other (CIF); each flow is "
                 "counted once and both come from one dataset, the {dataset}, which ends in 2020. The gap "
                 "between the two lines is freight and insurance (CIF/FOB), timing and misreporting. Open markers: "
                 "the year holds IMF estimates (all of Turkmenistan's figures are) or misses flows. The other markers "
                 "are figures stated by agencies, ministries and leaders: each its own, never added to the lines.")


@in_source_language
def _statistics_rows(totals: pd.DataFrame) -> pd.DataFrame:
    """The statistical totals drawn, in the columns of the observation table."""
    rows = [{"record": f"imf-dots-total-{row['method']}-{row['year']}", "year": str(row["year"]), "period": "full year",
             "value_usd": row["value_usd"], "value": format_usd(row["value_usd"]),
             "as stated": ts.METHODS[row["method"]].note,
             "reported by": ts.DATASET_NAME, "kind of reporter": ts.METHODS[row["method"]].label,
             "covers": "goods", "statement date": "", "confidence": "high",
             "notes": f"{row['flows']} of {ts.INTRAREGIONAL_FLOWS} flows; {row['estimated_flows']} IMF estimate(s)",
             "sources": row["sources"]} for row in totals.sort_values(["method", "year"]).to_dict("records")]
    return pd.DataFrame(rows)


@in_source_language
def _with_statistics(observations: pd.DataFrame, statistics: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    if statistics.empty:
        return observations
    extra = add_source_columns(statistics, sources).rename(columns={"source_publishers": "source publishers",
                                                                    "source_urls": "source urls"})
    return pd.concat([extra[observations.columns], observations], ignore_index=True)


def summarize_totals(totals: pd.DataFrame, points: pd.DataFrame) -> str:
    """'IMF DOTS, 2020: exports-based total $6.49 billion (19 of 20 flows), imports-based $5.79 billion. …'"""
    what = _("trade among the five states")
    if totals.empty:
        return tr.summarize_latest(points, what)
    last = int(totals["year"].max())
    parts = [_("{method} {value} ({flows} of {total} flows)").format(
        method=_(ts.METHODS[row["method"]].label).lower(), value=format_usd(row["value_usd"]), flows=row["flows"],
        total=ts.INTRAREGIONAL_FLOWS) for row in totals[totals["year"] == last].to_dict("records")]
    if not len(points):
        return _("{dataset}, {year}: {figures}.").format(dataset=_(ts.DATASET_NAME), year=last,
                                                         figures=", ".join(parts))
    return _("{dataset}, {year}: {figures}. Latest statement: {statement}").format(
        dataset=_(ts.DATASET_NAME), year=last, figures=", ".join(parts), statement=tr.summarize_latest(points, what))


def build_total_block(points: pd.DataFrame, targets: pd.DataFrame, series: pd.DataFrame, totals: pd.DataFrame,
                      sources: pd.DataFrame) -> ChartBlock:
    """The statistical totals as lines, the statements as points, the targets; the table holds all drawn."""
    figure = figures.build_intraregional_figure(points, targets, series,
                                                statistics_figures.statistics_total_traces(totals))
    table = _with_statistics(build_observation_table(points, sources), _statistics_rows(totals), sources)
    return build_chart_block("total", figure, summarize_totals(totals, points), table, sources,
                             file_name="central-asia-intraregional-trade",
                             note=_(METHOD_NOTE).format(dataset=_(ts.DATASET_NAME)))


@in_source_language
def _share_table(shares: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"reporter": shares["reporter"], "year": shares["year"],
                          "with the other four": [format_usd(value) for value in shares["intra"]],
                          "with the world": [format_usd(value) for value in shares["world"]],
                          "share": [f"{share:.1%}" for share in shares["share"]],
                          "includes IMF estimates": shares["estimated"],
                          "sources": [statistics_source_ids(sources)] * len(shares)})


def build_share_block(shares: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Trade with the other four as a share of each state's trade with the world."""
    table = _share_table(shares, sources)
    region = shares[shares["reporter"] == ts.REGION]
    summary = (_("No year has figures for all five.") if region.empty else
               _("In {year}, trade among the five was {share} of their total trade ({dataset}; each state's own "
                 "report of its trade with the other four and with the world).").format(
                   year=int(region["year"].max()),
                   share=format_percent(region.sort_values("year")["share"].iloc[-1], 1),
                   dataset=_(ts.DATASET_NAME)))
    return build_chart_block("share", statistics_figures.build_share_figure(shares), summary, table, sources,
                             file_name="central-asia-intraregional-share", table_label="share",
                             note=_("The region's line adds the five's own reports, each state's trade with its "
                                    "neighbours once per reporter, over their trade with the world; it is drawn only "
                                    "for years where all five report."))


def statistics_source_ids(sources: pd.DataFrame) -> list[str]:
    """The ids of the statistical dataset's sources (for rows that do not carry their series' own)."""
    return [source for source in IMF_SOURCES if source in set(sources["id"].tolist())]


@in_source_language
def _matrix_table(cells: pd.DataFrame, estimated: pd.DataFrame, year: int, sources: pd.DataFrame) -> pd.DataFrame:
    cited = statistics_source_ids(sources)
    return pd.DataFrame([
        {"reported by": reporter, "partner": partner, "year": year, "value_usd": cells.loc[reporter, partner],
         "value": format_usd(cells.loc[reporter, partner]), "IMF estimate": bool(estimated.loc[reporter, partner]),
         "mirror (partner's report)": format_usd(cells.loc[partner, reporter]),
         "gap": format_usd(abs(cells.loc[reporter, partner] - cells.loc[partner, reporter])),
         "sources": cited}
        for reporter in cells.index for partner in cells.columns
        if reporter != partner and pd.notna(cells.loc[reporter, partner])])


def build_statistics_matrix_block(cells: pd.DataFrame, estimated: pd.DataFrame, year: int,
                                  sources: pd.DataFrame) -> ChartBlock:
    """One year's matrix from the statistics (ts.build_statistics_matrix): each side's own report, estimates
    marked, every cell a row."""
    table = _matrix_table(cells, estimated, year, sources)
    filled = len(table)
    summary = _("{filled} of {cells} cells have a figure for {year} ({dataset}), {estimated} of them IMF "
                "estimates.").format(filled=filled, cells=len(cells) * (len(cells) - 1), year=year,
                                     dataset=_(ts.DATASET_NAME), estimated=int(estimated.to_numpy().sum()))
    return build_chart_block("matrix", statistics_figures.build_statistics_matrix_figure(cells, estimated, year),
                             summary, table, sources, file_name=f"central-asia-bilateral-trade-{year}",
                             table_label="cell",
                             note=_("Each row is one country's own report of its trade (exports + imports) with the "
                                    "country in the column; the mirror cell holds the partner's report. 'e': an IMF "
                                    "estimate built from the partner's report (all of Turkmenistan's figures)."))


def build_statistics_pair_block(pair_rows: pd.DataFrame, turnover: pd.DataFrame, pair: str,
                                sources: pd.DataFrame) -> ChartBlock:
    """One pair over time: both sides' statistics as lines, the national figures and statements."""
    figure = figures.build_pair_series_figure(pair_rows, pair, statistics_figures.statistics_pair_traces(turnover))
    table = _with_statistics(build_observation_table(pair_rows, sources), _pair_statistics_rows(turnover), sources)
    last = turnover[turnover["year"] == turnover["year"].max()] if not turnover.empty else turnover
    statistics = "" if last.empty else _("{dataset}, {year}: {figures}.").format(
        dataset=_(ts.DATASET_NAME), year=int(last["year"].iloc[0]), figures=", ".join(
            # Translators: {reporter} is a country code (KAZ).
            _("as {reporter} reports it {value}").format(reporter=reporter, value=format_usd(value))
            for reporter, value in zip(last["reporter"], last["value_usd"])))
    latest = tr.summarize_latest(pair_rows, _("{pair} trade").format(pair=pair)) if len(pair_rows) else ""
    summary = f"{statistics} {latest}"
    return build_chart_block("pair", figure, summary.strip(), table, sources, file_name=f"bilateral-trade-{pair}")


@in_source_language
def _pair_statistics_rows(turnover: pd.DataFrame) -> pd.DataFrame:
    """Both sides' statistical turnover drawn, in the columns of the observation table."""
    return pd.DataFrame([{
        "record": f"imf-dots-{reporter.lower()}-{partner.lower()}-{year}", "year": str(year), "period": "full year",
        "value_usd": value, "value": format_usd(value), "as stated": f"{reporter}'s exports to and imports from "
        f"{partner}, added", "reported by": f"{reporter} ({ts.DATASET_NAME})", "kind of reporter": "Statistics (IMF DOTS)",
        "covers": "goods", "statement date": "", "confidence": "high",
        "notes": "IMF estimate" if flag else "", "sources": cited}
        for reporter, partner, year, value, flag, cited in zip(turnover["reporter"], turnover["partner"],
                                                               turnover["year"], turnover["value_usd"],
                                                               turnover["estimated"], turnover["sources"])])


def _partner_lines(rows: pd.DataFrame, states: tuple[str, ...], partner_name: str) -> pd.DataFrame:
    """The lines of the partner chart: the sums over the five, or each chosen state's own two lines, each
    named in the reader's language (the rows' `view`, in English, is the table's and the CSV's)."""
    own = ts.partner_trade_views()[0]
    if not states:
        lines = ts.sum_over_states(rows)
        return lines.assign(view=[_("as the five report it") if view == own else
                                  # Translators: {partner} is a country's name (China).
                                  _("as {partner} reports it").format(partner=partner_name)
                                  for view in lines["view"]])
    chosen = rows[rows["state"].isin(states)]
    # Translators: {state} is a country code (KAZ), {partner} a country's name (China).
    return chosen.assign(view=[_("{state}, as {state} reports it").format(state=state) if view == own else
                               _("{state}, as {partner} reports it").format(state=state, partner=partner_name)
                               for state, view in zip(chosen["state"], chosen["view"])])


@in_source_language
def _partner_table(shown: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"view": shown["view"], "state": shown["state"], "year": shown["year"],
                         "value_usd": shown["value_usd"], "value": [format_usd(value) for value in shown["value_usd"]],
                         "IMF estimate": shown["estimated"], "sources": shown["sources"]})


def build_partner_block(rows: pd.DataFrame, partner: str, partner_name: str, sources: pd.DataFrame,
                        states: tuple[str, ...] = ()) -> ChartBlock:
    """The five's trade with one partner, as they report it and as the partner reports it: summed over the
    five (each state once, per view), or for the chosen states; the table holds each state's figures drawn.
    `rows` come from ts.partner_trade with the partner's English name (the table is also the CSV);
    `partner_name` is the name in the reader's language."""
    lines = _partner_lines(rows, states, partner_name)
    table = _partner_table(rows[rows["state"].isin(states)] if states else rows)
    latest = lines[lines["year"] == lines["year"].max()] if not lines.empty else lines
    if latest.empty:
        summary = (_("No year where the chosen states and {partner} report.") if states else
                   _("No year where all five and {partner} report.")).format(partner=partner_name)
    else:
        summary = _("{year}: {figures}.").format(year=int(latest["year"].iloc[0]), figures="; ".join(
            # Translators: a line of the chart and its value: "as China reports it $50 million".
            _("{view} {value}").format(view=view, value=format_usd(value))
            for view, value in zip(latest["view"], latest["value_usd"])))
    note = (_("Each line adds the five states' figures, each state's trade with the partner once, from one side's "
              "reports only ({dataset}). The gap between the lines is the mirror gap: transit, re-exports, timing, "
              "misreporting.") if not states else
            _("Each chosen state's trade with the partner, from its own report and from the partner's ({dataset}). "
              "The gap between the lines is the mirror gap: transit, re-exports, timing, misreporting."))
    return build_chart_block("partner", statistics_figures.build_partner_figure(lines, partner_name), summary,
                             table, sources, file_name=f"central-asia-trade-with-{partner.lower()}", table_label="figure",
                             note=note.format(dataset=_(ts.DATASET_NAME)))
