"""Claims set against the statistics: every stated level, growth or target beside what the statistics
give for the same scope and years, with the arithmetic shown. Pure.

The statistics are one dataset (IMF DOTS) and one method per line (exports-based and imports-based
totals; for a pair, each side's own report). Where they do not reach a claim's years, the comparison
says so and shows the last year they reach instead; nothing is extrapolated.
"""

from __future__ import annotations

import pandas as pd

from components.data.rows import records
from components.domain import trade_statistics as ts
from components.domain.trade import format_usd, select_measure

BILLION = 1e9
COLUMNS = ["claim", "statistics (IMF DOTS)", "arithmetic", "year", "kind", "scope", "said by", "said on", "record",
           "sources"]


def _ratio(claimed: float, statistic: float) -> str:
    return f"{format_usd(claimed)} ÷ {format_usd(statistic)} = {claimed / statistic:.2f}×"


def _growth(start: float, end: float) -> str:
    return f"{format_usd(end)} ÷ {format_usd(start)} − 1 = {end / start - 1:+.0%}"


def _levels_intraregional(totals: pd.DataFrame) -> dict[str, dict[int, float]]:
    return {ts.METHODS[method].label.lower(): dict(zip(rows["year"].tolist(), rows["value_usd"].tolist()))
            for method, rows in totals.groupby("method", sort=False)}


def _levels_pair(series: pd.DataFrame, partners: list[str]) -> dict[str, dict[int, float]]:
    rows = ts.pair_turnover(series, "–".join(sorted(partners)))
    return {f"as {reporter} reports it": dict(zip(group["year"].tolist(), group["value_usd"].tolist()))
            for reporter, group in rows.groupby("reporter", sort=True)}


def _compare_level(value: float, year: int, levels: dict[str, dict[int, float]]) -> tuple[str, str]:
    last = max((max(by_year) for by_year in levels.values() if by_year), default=None)
    found = {label: by_year[year] for label, by_year in levels.items() if year in by_year}
    if not found:
        return (f"The statistics stop at {last}: none for {year}." if last else "No statistics for this scope.", "")
    return ("; ".join(f"{label}: {format_usd(stat)}" for label, stat in found.items()),
            "; ".join(_ratio(value, stat) for stat in found.values()))


def _compare_growth(start: int, end: int, levels: dict[str, dict[int, float]]) -> tuple[str, str]:
    texts, sums = [], []
    for label, by_year in levels.items():
        if start not in by_year:
            continue
        reached = end if end in by_year else max(by_year)
        if reached <= start:
            texts.append(f"{label}: the series stops at {reached}, no growth to compare")
            continue
        note = "" if reached == end else f" (the series stops at {reached})"
        texts.append(f"{label}: {start}→{reached} {by_year[reached] / by_year[start] - 1:+.0%}{note}")
        sums.append(_growth(by_year[start], by_year[reached]))
    if not texts:
        return f"The statistics do not reach the base year {start}.", ""
    return "; ".join(texts), "; ".join(sums)


def _claim_rows(trade: pd.DataFrame) -> list[dict]:
    intraregional = select_measure(trade, "intraregional-total")
    bilateral = select_measure(trade, "bilateral")
    chosen = pd.concat([intraregional, bilateral[bilateral["full_year"]]], ignore_index=True)
    return records(chosen, ["id", "measure", "reporter", "partners", "year", "value_usd", "value_qualifier",
                            "value_as_stated", "growth_as_stated", "growth_from_year", "statement_date_text",
                            "sources"])


def _row(claim: dict, kind: str, words: str, statistics: str, arithmetic: str) -> dict:
    scope = "Central Asia (intraregional)" if claim["measure"] == "intraregional-total" else \
        "–".join(sorted(claim["partners"]))
    return {"claim": words, "kind": kind, "scope": scope, "year": int(claim["year"]), "said by": claim["reporter"],
            "said on": claim["statement_date_text"] if isinstance(claim["statement_date_text"], str) else "",
            "statistics (IMF DOTS)": statistics, "arithmetic": arithmetic, "record": claim["id"],
            "sources": list(claim["sources"])}


def compare_claims(trade: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """One row per level or growth stated for the region or a pair, with what the statistics say."""
    scopes = {"region": _levels_intraregional(ts.build_regional_totals(series))}
    rows = []
    for claim in _claim_rows(trade):
        scope = "region" if claim["measure"] == "intraregional-total" else "–".join(sorted(claim["partners"]))
        if scope not in scopes:
            scopes[scope] = _levels_pair(series, claim["partners"])
        levels = scopes[scope]
        stated = f"{format_usd(claim['value_usd'], claim['value_qualifier'])} in {claim['year']}"
        rows.append(_row(claim, "level", stated, *_compare_level(claim["value_usd"], claim["year"], levels)))
        if pd.notna(claim["growth_from_year"]):
            start = int(claim["growth_from_year"])
            rows.append(_row(claim, "growth", f"“{claim['growth_as_stated']}” ({start}→{claim['year']})",
                             *_compare_growth(start, int(claim["year"]), levels)))
    return pd.DataFrame(rows, columns=COLUMNS)


def compare_targets(trade: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Each announced regional target beside the latest year of each statistical total."""
    totals = ts.build_regional_totals(series)
    latest = {method: rows.sort_values("year").iloc[-1] for method, rows in totals.groupby("method", sort=False)}
    rows = []
    for target in records(select_measure(trade, "target"), ["id", "reporter", "year", "value_usd", "partners",
                                                            "value_as_stated", "sources"]):
        if len(target["partners"]) < len(ts.CENTRAL_ASIA):
            continue
        statistics = "; ".join(f"{ts.METHODS[method].label.lower()} {row['year']}: {format_usd(row['value_usd'])} "
                               f"({row['value_usd'] / target['value_usd']:.0%} of the target)"
                               for method, row in latest.items())
        rows.append({"claim": f"target {format_usd(target['value_usd'])}"
                              + (f" by {int(target['year'])}" if pd.notna(target["year"]) else ""),
                     "kind": "target", "scope": "Central Asia (intraregional)",
                     "year": int(target["year"]) if pd.notna(target["year"]) else None,
                     "said by": target["reporter"], "said on": "", "statistics (IMF DOTS)": statistics,
                     "arithmetic": "; ".join(_ratio(row["value_usd"], target["value_usd"]) for row in latest.values()),
                     "record": target["id"], "sources": list(target["sources"])})
    return pd.DataFrame(rows, columns=COLUMNS)
