"""Totals from one statistical dataset (IMF DOTS), each built by one stated method. Pure pandas.

Rule one, made precise: a total adds flows of ONE dataset, each flow counted once, by one stated
method (every flow from its exporter's report, or every flow from its importer's report), and
never adds two reporters' figures for the same flow. A reporter's turnover with a partner is its
own exports plus its own imports (one reporter, one dataset).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.i18n.formats import is_source_language
from components.i18n.texts import N_, current_language
from components.settings import CENTRAL_ASIA

WORLD = "WLD"
# The dataset's name and the methods' labels are shown as _(…); tables and CSVs keep them in English.
DATASET_NAME = N_("IMF Direction of Trade Statistics (DOTS)")
REGION = "Central Asia"  # the region's row among the states' (`reporter`), shown as region_name()
INTRAREGIONAL_FLOWS = len(CENTRAL_ASIA) * (len(CENTRAL_ASIA) - 1)  # 20 ordered pairs


@dataclass(frozen=True)
class Method:
    """How a regional total is built: which flow of which reporters, in words for the chart."""

    code: str
    flow: str
    label: str
    note: str


METHODS = {
    "exports": Method("exports", "exports", N_("Exports-based total"),
                      "sum of the five's reported exports to each other (FOB), each flow counted once"),
    "imports": Method("imports", "imports", N_("Imports-based total"),
                      "sum of the five's reported imports from each other (CIF), each flow counted once"),
}


def region_name() -> str:
    """'Central Asia' in the reader's language: CLDR's name of the UN region 143, as countries' names are."""
    if is_source_language():
        return REGION
    from babel import Locale

    return Locale.parse(current_language()).territories.get("143", REGION)


def intraregional_values(series: pd.DataFrame) -> pd.DataFrame:
    """The values of the five's trade with each other, as each reports it."""
    ca = set(CENTRAL_ASIA)
    chosen = [reporter in ca and partner in ca and reporter != partner
              for reporter, partner in zip(series["reporter"].tolist(), series["partner"].tolist())]
    return series[chosen]


def build_regional_totals(series: pd.DataFrame) -> pd.DataFrame:
    """Per year and method: the total, how many of the 20 flows it holds, how many are IMF estimates,
    and the series it adds (for its sources)."""
    rows = []
    values = intraregional_values(series)
    for method in METHODS.values():
        flows = values[values["flow"] == method.flow]
        for year, group in flows.groupby("year", sort=True):
            rows.append({"year": int(year), "method": method.code, "value_usd": float(group["value_usd"].sum()),
                         "flows": len(group), "estimated_flows": int(group["estimated"].sum()),
                         "sources": sorted({source for ids in group["sources"] for source in ids})})
    return pd.DataFrame(rows, columns=["year", "method", "value_usd", "flows", "estimated_flows", "sources"])


def complete_years(totals: pd.DataFrame, method: str) -> list[int]:
    """Years where the method's total holds all 20 flows."""
    rows = totals[(totals["method"] == method) & (totals["flows"] == INTRAREGIONAL_FLOWS)]
    return sorted(rows["year"].tolist())


def turnover_by_reporter(series: pd.DataFrame, partners: set[str]) -> pd.DataFrame:
    """Each reporter's turnover (its own exports + its own imports) with each partner, per year, where it
    reports both flows; `estimated` when either is an IMF estimate."""
    chosen = series[series["partner"].isin(partners)]
    grouped = chosen.groupby(["reporter", "partner", "year"], sort=True)
    frame = grouped.agg(value_usd=("value_usd", "sum"), flows=("flow", "nunique"), estimated=("estimated", "any"),
                        sources=("sources", "first")).reset_index()
    return frame[frame["flows"] == 2].drop(columns="flows").reset_index(drop=True)


def build_intraregional_shares(series: pd.DataFrame) -> pd.DataFrame:
    """Per year, for each of the five and for the region: trade with the other four (its own report)
    as a share of its trade with the world (the 'World' row of the same workbook)."""
    ca = set(CENTRAL_ASIA)
    own = turnover_by_reporter(series[series["reporter"].isin(ca)], ca | {WORLD})
    intra = own[own["partner"] != WORLD].groupby(["reporter", "year"]).agg(
        intra=("value_usd", "sum"), partners=("partner", "nunique"), estimated=("estimated", "any"))
    world = own[own["partner"] == WORLD].set_index(["reporter", "year"])["value_usd"].rename("world")
    states = intra.join(world, how="inner").reset_index()
    states = states[states["partners"] == len(CENTRAL_ASIA) - 1]
    region = states.groupby("year").agg(intra=("intra", "sum"), world=("world", "sum"),
                                        estimated=("estimated", "any"), reporters=("reporter", "nunique"))
    region = region[region["reporters"] == len(CENTRAL_ASIA)].reset_index().assign(reporter=REGION)
    frame = pd.concat([states.drop(columns="partners"), region.drop(columns="reporters")], ignore_index=True)
    return frame.assign(share=frame["intra"] / frame["world"]).sort_values(["reporter", "year"]).reset_index(drop=True)


def build_statistics_matrix(series: pd.DataFrame, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For one year: each of the five's turnover with each other as it reports it (row = reporter,
    column = partner), with the estimate flag; NaN where the reporter gives no figure."""
    ca = list(CENTRAL_ASIA)
    own = turnover_by_reporter(series[(series["year"] == year) & series["reporter"].isin(ca)], set(ca))
    cells = pd.DataFrame(index=ca, columns=ca, dtype="float64")
    estimated = pd.DataFrame(False, index=ca, columns=ca)
    for reporter, partner, value, flag in zip(own["reporter"], own["partner"], own["value_usd"], own["estimated"]):
        cells.loc[reporter, partner] = value
        estimated.loc[reporter, partner] = bool(flag)
    return cells, estimated


def statistics_years(series: pd.DataFrame) -> list[int]:
    """The years for which some of the five reports its turnover (both flows) with another, newest first."""
    ca = set(CENTRAL_ASIA)
    turnover = turnover_by_reporter(intraregional_values(series), ca)
    return sorted({int(year) for year in turnover["year"].tolist()}, reverse=True)


def pair_turnover(series: pd.DataFrame, pair: str) -> pd.DataFrame:
    """Both sides' turnover with each other over the years, each from its own report."""
    first, second = pair.split("–")
    rows = turnover_by_reporter(series[series["reporter"].isin([first, second])], {first, second})
    return rows[rows["reporter"] != rows["partner"]].reset_index(drop=True)


def partner_trade(series: pd.DataFrame, partner: str, partner_name: str | None = None) -> pd.DataFrame:
    """The five's trade with one outside partner over the years, two ways, each one dataset and method:
    as each of the five reports it, and as the partner reports it (the mirror); per state and summed."""
    ca = set(CENTRAL_ASIA)
    five = turnover_by_reporter(series[series["reporter"].isin(ca)], {partner}).assign(
        state=lambda rows: rows["reporter"], view=partner_trade_views()[0])
    mirror = turnover_by_reporter(series[series["reporter"] == partner], ca).assign(
        state=lambda rows: rows["partner"], view=partner_trade_views(partner_name or partner)[1])
    both = pd.concat([five, mirror], ignore_index=True)
    return both[["view", "state", "year", "value_usd", "estimated", "sources"]]


def partner_trade_views(partner_name: str = "the partner") -> tuple[str, str]:
    """The two views of the five's trade with a partner: their own reports, and the partner's."""
    return "as the five report it", f"as {partner_name} reports it"


def sum_over_states(rows: pd.DataFrame) -> pd.DataFrame:
    """Per view and year, the sum over the five states, where all five have a figure."""
    grouped = rows.groupby(["view", "year"], sort=True).agg(
        value_usd=("value_usd", "sum"), states=("state", "nunique"), estimated=("estimated", "any"),
        sources=("sources", "first")).reset_index()
    return grouped[grouped["states"] == len(CENTRAL_ASIA)].drop(columns="states").reset_index(drop=True)
