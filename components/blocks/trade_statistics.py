"""Chart blocks of the trade statistics (IMF DOTS) with the statements set beside them."""

from __future__ import annotations

import pandas as pd

from components.blocks.block import ChartBlock, build_chart_block
from components.blocks.trade_tables import build_observation_table
from components.data.imf_dots import SOURCES as IMF_SOURCES
from components.domain import trade as tr
from components.domain import trade_statistics as ts
from components.domain.sources import add_source_columns
from components.domain.trade import format_usd
from components.figures import trade as figures
from components.figures import trade_statistics as statistics_figures

METHOD_NOTE = ("Method: the exports-based total is the sum of the five's reported exports to each other (FOB), "
               "the imports-based total the sum of their reported imports from each other (CIF); each flow is "
               f"counted once and both come from one dataset, the {ts.DATASET_NAME}, which ends in 2020. The gap "
               "between the two lines is freight and insurance (CIF/FOB), timing and misreporting. Open markers: "
               "the year holds IMF estimates (all of Turkmenistan's figures are) or misses flows. The other markers "
               "are figures stated by agencies, ministries and leaders: each its own, never added to the lines.")


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


def _with_statistics(observations: pd.DataFrame, statistics: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    if statistics.empty:
        return observations
    extra = add_source_columns(statistics, sources).rename(columns={"source_publishers": "source publishers",
                                                                    "source_urls": "source urls"})
    return pd.concat([extra[observations.columns], observations], ignore_index=True)


def summarize_totals(totals: pd.DataFrame, points: pd.DataFrame) -> str:
    """'IMF DOTS, 2020: exports-based total $6.49 billion (19 of 20 flows), imports-based $5.79 billion. …'"""
    if totals.empty:
        return tr.summarize_latest(points, "trade among the five states")
    last = int(totals["year"].max())
    parts = [f"{ts.METHODS[row['method']].label.lower()} {format_usd(row['value_usd'])} "
             f"({row['flows']} of {ts.INTRAREGIONAL_FLOWS} flows)"
             for row in totals[totals["year"] == last].to_dict("records")]
    statement = f" Latest statement: {tr.summarize_latest(points, 'trade among the five states')}" if len(points) else ""
    return f"{ts.DATASET_NAME}, {last}: " + ", ".join(parts) + "." + statement


def build_total_block(points: pd.DataFrame, targets: pd.DataFrame, series: pd.DataFrame, totals: pd.DataFrame,
                      sources: pd.DataFrame) -> ChartBlock:
    """The statistical totals as lines, the statements as points, the targets; the table holds all drawn."""
    figure = figures.build_intraregional_figure(points, targets, series,
                                                statistics_figures.statistics_total_traces(totals))
    table = _with_statistics(build_observation_table(points, sources), _statistics_rows(totals), sources)
    return build_chart_block("total", figure, summarize_totals(totals, points), table, sources,
                             file_name="central-asia-intraregional-trade", note=METHOD_NOTE)


def build_share_block(shares: pd.DataFrame, sources: pd.DataFrame) -> ChartBlock:
    """Trade with the other four as a share of each state's trade with the world."""
    table = pd.DataFrame({"reporter": shares["reporter"], "year": shares["year"],
                          "with the other four": [format_usd(value) for value in shares["intra"]],
                          "with the world": [format_usd(value) for value in shares["world"]],
                          "share": [f"{share:.1%}" for share in shares["share"]],
                          "includes IMF estimates": shares["estimated"],
                          "sources": [statistics_source_ids(sources)] * len(shares)})
    region = shares[shares["reporter"] == "Central Asia"]
    summary = ("No year has figures for all five." if region.empty else
               f"In {int(region['year'].max())}, trade among the five was "
               f"{region.sort_values('year')['share'].iloc[-1]:.1%} of their total trade ({ts.DATASET_NAME}; "
               "each state's own report of its trade with the other four and with the world).")
    return build_chart_block("share", statistics_figures.build_share_figure(shares), summary, table, sources,
                             file_name="central-asia-intraregional-share", table_label="share",
                             note="The region's line adds the five's own reports, each state's trade with its "
                                  "neighbours once per reporter, over their trade with the world; it is drawn only "
                                  "for years where all five report.")


def statistics_source_ids(sources: pd.DataFrame) -> list[str]:
    """The ids of the statistical dataset's sources (for rows that do not carry their series' own)."""
    return [source for source in IMF_SOURCES if source in set(sources["id"].tolist())]


def build_statistics_matrix_block(cells: pd.DataFrame, estimated: pd.DataFrame, year: int,
                                  sources: pd.DataFrame) -> ChartBlock:
    """One year's matrix from the statistics (ts.build_statistics_matrix): each side's own report, estimates
    marked, every cell a row."""
    cited = statistics_source_ids(sources)
    rows = [{"reported by": reporter, "partner": partner, "year": year, "value_usd": cells.loc[reporter, partner],
             "value": format_usd(cells.loc[reporter, partner]), "IMF estimate": bool(estimated.loc[reporter, partner]),
             "mirror (partner's report)": format_usd(cells.loc[partner, reporter]),
             "gap": format_usd(abs(cells.loc[reporter, partner] - cells.loc[partner, reporter])),
             "sources": cited}
            for reporter in cells.index for partner in cells.columns
            if reporter != partner and pd.notna(cells.loc[reporter, partner])]
    filled = len(rows)
    summary = (f"{filled} of {len(cells) * (len(cells) - 1)} cells have a figure for {year} ({ts.DATASET_NAME}), "
               f"{int(estimated.to_numpy().sum())} of them IMF estimates.")
    return build_chart_block("matrix", statistics_figures.build_statistics_matrix_figure(cells, estimated, year),
                             summary, pd.DataFrame(rows), sources, file_name=f"central-asia-bilateral-trade-{year}",
                             table_label="cell",
                             note="Each row is one country's own report of its trade (exports + imports) with the "
                                  "country in the column; the mirror cell holds the partner's report. 'e': an IMF "
                                  "estimate built from the partner's report (all of Turkmenistan's figures).")


def build_statistics_pair_block(pair_rows: pd.DataFrame, turnover: pd.DataFrame, pair: str,
                                sources: pd.DataFrame) -> ChartBlock:
    """One pair over time: both sides' statistics as lines, the national figures and statements."""
    figure = figures.build_pair_series_figure(pair_rows, pair, statistics_figures.statistics_pair_traces(turnover))
    statistics = pd.DataFrame([{
        "record": f"imf-dots-{reporter.lower()}-{partner.lower()}-{year}", "year": str(year), "period": "full year",
        "value_usd": value, "value": format_usd(value), "as stated": f"{reporter}'s exports to and imports from "
        f"{partner}, added", "reported by": f"{reporter} ({ts.DATASET_NAME})", "kind of reporter": "Statistics (IMF DOTS)",
        "covers": "goods", "statement date": "", "confidence": "high",
        "notes": "IMF estimate" if flag else "", "sources": cited}
        for reporter, partner, year, value, flag, cited in zip(turnover["reporter"], turnover["partner"],
                                                               turnover["year"], turnover["value_usd"],
                                                               turnover["estimated"], turnover["sources"])])
    table = _with_statistics(build_observation_table(pair_rows, sources), statistics, sources)
    last = turnover[turnover["year"] == turnover["year"].max()] if not turnover.empty else turnover
    summary = (f"{ts.DATASET_NAME}, {int(last['year'].iloc[0])}: " + ", ".join(
        f"as {reporter} reports it {format_usd(value)}" for reporter, value in zip(last["reporter"], last["value_usd"]))
        + "." if not last.empty else "") + (f" {tr.summarize_latest(pair_rows, f'{pair} trade')}" if len(pair_rows) else "")
    return build_chart_block("pair", figure, summary.strip(), table, sources, file_name=f"bilateral-trade-{pair}")


def _partner_lines(rows: pd.DataFrame, states: tuple[str, ...]) -> pd.DataFrame:
    """The lines of the partner chart: the sums over the five, or each chosen state's own two lines."""
    if not states:
        return ts.sum_over_states(rows)
    chosen = rows[rows["state"].isin(states)]
    own = ts.partner_trade_views()[0]
    return chosen.assign(view=[f"{state}, as {state} reports it" if view == own else f"{state}, {view}"
                               for state, view in zip(chosen["state"], chosen["view"])])


def build_partner_block(rows: pd.DataFrame, partner: str, partner_name: str, sources: pd.DataFrame,
                        states: tuple[str, ...] = ()) -> ChartBlock:
    """The five's trade with one partner, as they report it and as the partner reports it: summed over the
    five (each state once, per view), or for the chosen states; the table holds each state's figures drawn."""
    lines = _partner_lines(rows, states)
    shown = rows[rows["state"].isin(states)] if states else rows
    table = pd.DataFrame({"view": shown["view"], "state": shown["state"], "year": shown["year"],
                          "value_usd": shown["value_usd"], "value": [format_usd(value) for value in shown["value_usd"]],
                          "IMF estimate": shown["estimated"], "sources": shown["sources"]})
    latest = lines[lines["year"] == lines["year"].max()] if not lines.empty else lines
    summary = (f"No year where {'the chosen states' if states else 'all five'} and {partner_name} report." if latest.empty
               else f"{int(latest['year'].iloc[0])}: " + "; ".join(
                   f"{view} {format_usd(value)}" for view, value in zip(latest["view"], latest["value_usd"])) + ".")
    note = ("Each line adds the five states' figures, each state's trade with the partner once, from one side's "
            f"reports only ({ts.DATASET_NAME}). " if not states else
            f"Each chosen state's trade with the partner, from its own report and from the partner's ({ts.DATASET_NAME}). ")
    return build_chart_block("partner", statistics_figures.build_partner_figure(lines, partner_name), summary,
                             table, sources, file_name=f"central-asia-trade-with-{partner.lower()}", table_label="figure",
                             note=note + "The gap between the lines is the mirror gap: transit, re-exports, timing, "
                                         "misreporting.")
