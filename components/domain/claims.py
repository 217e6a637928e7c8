"""Claims set against the statistics: every stated level, growth or target beside what the statistics
give for the same scope and years, with the arithmetic shown. Pure.

The statistics are one dataset (IMF DOTS) and one method per line (exports-based and imports-based
totals; for a pair, each side's own report). Where they do not reach a claim's years, the comparison
says so and shows the last year they reach instead; nothing is extrapolated.

The comparisons are written in the current language (trade_aggregates.claims is built once per language);
the CSV of the claims is built in English.
"""

from __future__ import annotations

import pandas as pd

from components.data.rows import records
from components.domain import trade_statistics as ts
from components.domain.trade import format_percent, format_usd, select_measure
from components.i18n.formats import format_number, is_source_language
from components.i18n.texts import _, pgettext

BILLION = 1e9
COLUMNS = ["claim", "statistics (IMF DOTS)", "arithmetic", "year", "kind", "scope", "said by", "said on", "record",
           "sources"]


def _times(ratio: float) -> str:
    """'1.23' ('1,23' in Russian)."""
    return f"{ratio:.2f}" if is_source_language() else format_number(ratio, 2)


def _ratio(claimed: float, statistic: float) -> str:
    return f"{format_usd(claimed)} ÷ {format_usd(statistic)} = {_times(claimed / statistic)}×"


def _growth(start: float, end: float) -> str:
    return f"{format_usd(end)} ÷ {format_usd(start)} − 1 = {format_percent(end / start - 1, signed=True)}"


def _method_label(method: str) -> str:
    """'exports-based total' (lower case, in the current language)."""
    return _(ts.METHODS[method].label).lower()


def _levels_intraregional(totals: pd.DataFrame) -> dict[str, dict[int, float]]:
    return {_method_label(method): dict(zip(rows["year"].tolist(), rows["value_usd"].tolist()))
            for method, rows in totals.groupby("method", sort=False)}


def _levels_pair(series: pd.DataFrame, partners: list[str]) -> dict[str, dict[int, float]]:
    rows = ts.pair_turnover(series, "–".join(sorted(partners)))
    # Translators: {reporter} is a country code (KAZ); the statistics as that country reports them.
    return {_("as {reporter} reports it").format(reporter=reporter):
            dict(zip(group["year"].tolist(), group["value_usd"].tolist()))
            for reporter, group in rows.groupby("reporter", sort=True)}


def _compare_level(value: float, year: int, levels: dict[str, dict[int, float]]) -> tuple[str, str]:
    last = max((max(by_year) for by_year in levels.values() if by_year), default=None)
    found = {label: by_year[year] for label, by_year in levels.items() if year in by_year}
    if not found:
        return (_("The statistics stop at {last}: none for {year}.").format(last=last, year=year) if last
                else _("No statistics for this scope."), "")
    # Translators: {label} names a statistical series ("exports-based total", "as KAZ reports it").
    return ("; ".join(_("{label}: {value}").format(label=label, value=format_usd(stat))
                      for label, stat in found.items()),
            "; ".join(_ratio(value, stat) for stat in found.values()))


def _compare_growth(start: int, end: int, levels: dict[str, dict[int, float]]) -> tuple[str, str]:
    texts, sums = [], []
    for label, by_year in levels.items():
        if start not in by_year:
            continue
        reached = end if end in by_year else max(by_year)
        if reached <= start:
            texts.append(_("{label}: the series stops at {reached}, no growth to compare").format(
                label=label, reached=reached))
            continue
        growth = format_percent(by_year[reached] / by_year[start] - 1, signed=True)
        texts.append((_("{label}: {start}→{reached} {growth}") if reached == end else
                      _("{label}: {start}→{reached} {growth} (the series stops at {reached})")).format(
            label=label, start=start, reached=reached, growth=growth))
        sums.append(_growth(by_year[start], by_year[reached]))
    if not texts:
        return _("The statistics do not reach the base year {start}.").format(start=start), ""
    return "; ".join(texts), "; ".join(sums)


def _claim_rows(trade: pd.DataFrame) -> list[dict]:
    intraregional = select_measure(trade, "intraregional-total")
    bilateral = select_measure(trade, "bilateral")
    chosen = pd.concat([intraregional, bilateral[bilateral["full_year"]]], ignore_index=True)
    return records(chosen, ["id", "measure", "reporter", "partners", "year", "value_usd", "value_qualifier",
                            "value_as_stated", "growth_as_stated", "growth_from_year", "statement_date_text",
                            "sources"])


def _row(claim: dict, kind: str, words: str, statistics: str, arithmetic: str) -> dict:
    scope = _("Central Asia (intraregional)") if claim["measure"] == "intraregional-total" else \
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
        stated = _("{value} in {year}").format(value=format_usd(claim["value_usd"], claim["value_qualifier"]),
                                               year=claim["year"])
        rows.append(_row(claim, pgettext("claim kind", "level"), stated,
                         *_compare_level(claim["value_usd"], claim["year"], levels)))
        if pd.notna(claim["growth_from_year"]):
            start = int(claim["growth_from_year"])
            words = _("“{stated}” ({start}→{end})").format(stated=claim["growth_as_stated"], start=start,
                                                           end=claim["year"])
            rows.append(_row(claim, pgettext("claim kind", "growth"), words,
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
        statistics = "; ".join(_("{method} {year}: {value} ({share} of the target)").format(
            method=_method_label(method), year=row["year"], value=format_usd(row["value_usd"]),
            share=format_percent(row["value_usd"] / target["value_usd"])) for method, row in latest.items())
        value = format_usd(target["value_usd"])
        claim = (_("target {value} by {year}").format(value=value, year=int(target["year"]))
                 if pd.notna(target["year"]) else _("target {value}").format(value=value))
        rows.append({"claim": claim,
                     "kind": pgettext("claim kind", "target"), "scope": _("Central Asia (intraregional)"),
                     "year": int(target["year"]) if pd.notna(target["year"]) else None,
                     "said by": target["reporter"], "said on": "", "statistics (IMF DOTS)": statistics,
                     "arithmetic": "; ".join(_ratio(row["value_usd"], target["value_usd"]) for row in latest.values()),
                     "record": target["id"], "sources": list(target["sources"])})
    return pd.DataFrame(rows, columns=COLUMNS)
