"""Trade transforms: pure pandas over the trade table. Nothing here adds figures from
different reporters together; every row drawn is one observation with its reporter."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from components.data.rows import records
from components.i18n.formats import format_number, is_source_language
from components.i18n.texts import N_, _, current_language, ngettext
from components.settings import CENTRAL_ASIA

# A value's qualifier, around the amount ('over $10 billion'); "exact" adds nothing.
QUALIFIED = {"over": N_("over {amount}"), "about": N_("about {amount}"), "under": N_("under {amount}")}


def _amount(value: float) -> str:
    """'11.5', '1,234.57': at most two decimals, trailing zeros dropped ('1 234,57' in Russian)."""
    if is_source_language():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    from babel.numbers import format_decimal

    return format_decimal(round(value, 2), format="#,##0.##", locale=current_language())


def format_usd(value: float | None, qualifier: str = "exact") -> str:
    """'$11.5 billion', 'over $10 billion', '$336.5 million'; 'no value given' for missing."""
    if value is None or pd.isna(value):
        return _("no value given")
    if value >= 1e9:
        amount = _("${value} billion").format(value=_amount(value / 1e9))
    else:
        amount = _("${value} million").format(value=_amount(value / 1e6))
    return _(QUALIFIED[qualifier]).format(amount=amount) if qualifier in QUALIFIED else amount


def format_percent(share: float, digits: int = 0, *, signed: bool = False) -> str:
    """A share as a percentage: '25%', '+25%', '25.3%' ('25,3 %' in Russian)."""
    if is_source_language():
        return f"{share:{'+' if signed else ''}.{digits}%}"
    sign = "+" if signed and share >= 0 else ""
    return _("{number}%").format(number=sign + format_number(share * 100, digits))


def _with_value(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["value_usd"].notna()]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["year", "statement_date", "id"], na_position="last").reset_index(drop=True)


def select_measure(trade: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Observations of one measure, with a value, in year order."""
    return _sorted(_with_value(trade[trade["measure"] == measure]))


def observation_years(trade: pd.DataFrame) -> list[int]:
    """Years that figures refer to (targets' years left out), ascending."""
    return sorted({int(year) for year in trade.loc[trade["measure"] != "target", "year"].dropna()})


def filter_years(frame: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    """Rows whose year lies in the inclusive range (all rows when years is None)."""
    if years is None:
        return frame
    return frame[frame["year"].between(years[0], years[1])].reset_index(drop=True)


def years_with_several_figures(points: pd.DataFrame) -> list[int]:
    """Years for which sources give more than one different value."""
    distinct = points.groupby("year")["value_usd"].nunique()
    return [int(year) for year in distinct[distinct > 1].index]


def reporters_with_series(points: pd.DataFrame) -> list[str]:
    """Reporters who gave figures for two or more years: those a line can be drawn for."""
    years = points.groupby("reporter")["year"].nunique()
    return sorted(years[years >= 2].index)


def select_reporter_series(points: pd.DataFrame, reporter: str | None) -> pd.DataFrame:
    """One reporter's figures in year order (empty when no reporter is chosen)."""
    if not reporter:
        return points.iloc[0:0]
    return _sorted(points[points["reporter"] == reporter])


def _covers_region(partners: list[str]) -> bool:
    return set(CENTRAL_ASIA) <= set(partners)


def select_regional_targets(trade: pd.DataFrame) -> pd.DataFrame:
    """Announced targets for trade among the five, with a value."""
    targets = select_measure(trade, "target")
    return targets[targets["partners"].map(_covers_region)].reset_index(drop=True)


def pair_of(partners: list[str]) -> str:
    """'KAZ–UZB': the two codes in alphabetical order."""
    return "–".join(sorted(partners))


def list_pairs() -> list[str]:
    """The ten pairs of the five states."""
    return [f"{a}–{b}" for i, a in enumerate(CENTRAL_ASIA) for b in CENTRAL_ASIA[i + 1:]]


def select_pair(trade: pd.DataFrame, pair: str) -> pd.DataFrame:
    """Bilateral observations of one pair, every reporter, in year order."""
    bilateral = select_measure(trade, "bilateral")
    return bilateral[bilateral["pair"] == pair].reset_index(drop=True)


def reporting_side(row: dict | pd.Series) -> str:
    """The country of the pair whose figure this is, or 'other' for outside reporters."""
    country = row["reporter_country"]
    return country if isinstance(country, str) and country in row["partners"] else "other"


def select_pair_year(trade: pd.DataFrame, year: int) -> pd.DataFrame:
    """Full-year bilateral figures for one year, with the side that reported each."""
    bilateral = select_measure(trade, "bilateral")
    rows = bilateral[(bilateral["year"] == year) & bilateral["full_year"]].copy()
    rows["side"] = [reporting_side(row) for row in records(rows, ["reporter_country", "partners"])]
    return rows.reset_index(drop=True)


def build_pair_matrix(rows: pd.DataFrame) -> pd.DataFrame:
    """5x5: row = reporting country, column = partner, cell = that side's latest full-year figure.

    Missing cells are NaN (no data), never zero. Figures from outside reporters are not in the
    matrix (they are in its table twin).
    """
    matrix = pd.DataFrame(index=list(CENTRAL_ASIA), columns=list(CENTRAL_ASIA), dtype="float64")
    own = rows[rows["side"] != "other"].sort_values("statement_date", na_position="first")
    for row in records(own, ["partners", "side", "value_usd"]):
        partner = next(code for code in row["partners"] if code != row["side"])
        matrix.loc[row["side"], partner] = row["value_usd"]
    return matrix


@dataclass(frozen=True)
class MirrorGap:
    pair: str
    first: str
    first_value: float
    second: str
    second_value: float

    @property
    def gap(self) -> float:
        return abs(self.first_value - self.second_value)


def find_mirror_gaps(matrix: pd.DataFrame) -> list[MirrorGap]:
    """Pairs where both sides reported a figure for the year: both values and the gap."""
    gaps = []
    for i, first in enumerate(matrix.index):
        for second in matrix.index[i + 1:]:
            a, b = matrix.loc[first, second], matrix.loc[second, first]
            if pd.notna(a) and pd.notna(b):
                gaps.append(MirrorGap(f"{first}–{second}", first, float(a), second, float(b)))
    return gaps


def bilateral_years(trade: pd.DataFrame) -> list[int]:
    """Years that have at least one full-year bilateral figure, newest first."""
    bilateral = select_measure(trade, "bilateral")
    return sorted({int(year) for year in bilateral.loc[bilateral["full_year"], "year"].dropna()}, reverse=True)


def choose_matrix_year(trade: pd.DataFrame) -> int | None:
    """The year whose matrix has the most cells filled (the latest such year on a tie)."""
    years = bilateral_years(trade)
    if not years:
        return None
    bilateral = select_measure(trade, "bilateral")
    rows = bilateral[bilateral["full_year"] & bilateral["value_usd"].notna() & bilateral["year"].notna()]
    cells = {(int(year), side, tuple(sorted(partners)))  # one cell per reporting side and pair
             for year, side, partners in zip(rows["year"].tolist(), rows["reporter_country"].tolist(),
                                             rows["partners"].tolist())
             if isinstance(side, str) and side in partners}
    filled = Counter(year for year, _, _ in cells)
    return max(years, key=lambda year: (filled[year], year))


def select_country_with_region(trade: pd.DataFrame) -> pd.DataFrame:
    """Each state's reported trade with the other four, with the state in a `country` column."""
    rows = select_measure(trade, "country-with-region").copy()
    rows["country"] = rows["partners"].map(lambda partners: partners[0])
    return rows


def select_countries(country_rows: pd.DataFrame, countries: tuple[str, ...]) -> pd.DataFrame:
    """Rows of select_country_with_region() for the chosen states only (all when none is chosen)."""
    if not countries:
        return country_rows
    return country_rows[country_rows["country"].isin(countries)]


def select_external(trade: pd.DataFrame) -> pd.DataFrame:
    """Trade of the region (or its states) with outside partners, with the partner in `partner`."""
    rows = select_measure(trade, "external").copy()
    rows["partner"] = rows["counterparts"].map(lambda codes: "+".join(codes) if codes else "unknown")
    return rows


def latest_observation(observations: pd.DataFrame) -> pd.Series | None:
    """The figure for the latest year (then latest statement); None when there is none."""
    if observations.empty:
        return None
    return observations.sort_values(["year", "statement_date"], na_position="first").iloc[-1]


def compare_targets_with_latest(trade: pd.DataFrame) -> pd.DataFrame:
    """Each announced target beside the latest reported figure of the same scope.

    `share_of_target` is the latest figure divided by the target: a computed comparison,
    shown as such; both figures keep their own reporters and sources.
    """
    rows = []
    for _index, target in select_measure(trade, "target").iterrows():
        latest = latest_observation(_scope_observations(trade, target["partners"]))
        rows.append(_target_row(target, latest))
    return pd.DataFrame(rows, columns=["scope", "target", "target_year", "target_said_by", "latest",
                                       "latest_year", "latest_reported_by", "share_of_target",
                                       "target_id", "latest_id", "sources"])


def _scope_observations(trade: pd.DataFrame, partners: list[str]) -> pd.DataFrame:
    if _covers_region(partners):
        return select_measure(trade, "intraregional-total")
    if len(partners) == 2:
        return select_measure(trade, "bilateral").pipe(lambda b: b[b["pair"] == pair_of(partners)])
    country_rows = select_country_with_region(trade)
    return country_rows[country_rows["country"] == partners[0]]


def _scope_label(partners: list[str]) -> str:
    if _covers_region(partners):
        return _("Central Asia (intraregional)")
    return pair_of(partners) if len(partners) == 2 else _("{country} with the region").format(country=partners[0])


def _target_row(target: pd.Series, latest: pd.Series | None) -> dict:
    has_latest = latest is not None
    return {
        "scope": _scope_label(target["partners"]),
        "target": target["value_usd"],
        "target_year": target["year"],
        "target_said_by": target["reporter"],
        "latest": latest["value_usd"] if has_latest else None,
        "latest_year": latest["year"] if has_latest else None,
        "latest_reported_by": latest["reporter"] if has_latest else None,
        "share_of_target": latest["value_usd"] / target["value_usd"] if has_latest else None,
        "target_id": target["id"],
        "latest_id": latest["id"] if has_latest else None,
        "sources": list(target["sources"]) + (list(latest["sources"]) if has_latest else []),
    }


def summarize_latest(points: pd.DataFrame, what: str) -> str:
    """'In 2024, intraregional trade was reported at $11.5 billion by X (3 figures from 2 reporters for that year).'"""
    latest = latest_observation(points)
    if latest is None:
        # Translators: {what} is one of the phrases about trade passed in, e.g. "trade with outside partners".
        return _("No figures for {what} are in the data.").format(what=what)
    same_year = points[points["year"] == latest["year"]]
    # Translators: {what} is one of the phrases about trade passed in, e.g. "trade with outside partners".
    text = _("In {year}, {what} was reported at {value} by {reporter} (“{stated}”).").format(
        year=latest["year"], what=what, value=format_usd(latest["value_usd"], latest["value_qualifier"]),
        reporter=latest["reporter"], stated=latest["value_as_stated"])
    if len(same_year) > 1:
        count = len(same_year)
        text += " " + ngettext("Sources differ: {count} figures from {reporters} reporters for {year}.",
                               "Sources differ: {count} figures from {reporters} reporters for {year}.",
                               count).format(count=count, reporters=same_year["reporter"].nunique(),
                                             year=latest["year"])
    return text
