"""Initiative transforms: filters and the steps of one initiative."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.vocabulary import INITIATIVE_STATUSES, INITIATIVE_TYPES
from components.domain.meetings import matches_text
from components.domain.sources import add_source_columns
from components.i18n.formats import is_source_language
from components.i18n.texts import _


@dataclass(frozen=True)
class InitiativeFilter:
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    proposers: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    text: str = ""


def _any_in(column: pd.Series, chosen: tuple[str, ...]) -> pd.Series:
    if not chosen:
        return pd.Series(True, index=column.index)
    return column.map(lambda codes: bool(set(codes) & set(chosen)))


def filter_initiatives(initiatives: pd.DataFrame, chosen: InitiativeFilter) -> pd.DataFrame:
    mask = pd.Series(True, index=initiatives.index)
    if chosen.types:
        mask &= initiatives["type"].astype(str).isin(chosen.types)
    if chosen.statuses:
        mask &= initiatives["status"].astype(str).isin(chosen.statuses)
    mask &= _any_in(initiatives["proposed_by"], chosen.proposers) & _any_in(initiatives["parties"], chosen.parties)
    mask &= matches_text(initiatives["search_text"], chosen.text)
    return initiatives[mask].reset_index(drop=True)


def describe_filter(types, statuses, proposers, parties, text: str, names: dict[str, str]) -> str:
    """The filters in words: 'Treaty, In force, proposed by Uzbekistan, with Kazakhstan, matching “water”'."""
    parts = [", ".join(INITIATIVE_TYPES.label(kind) for kind in types),
             ", ".join(INITIATIVE_STATUSES.label(status) for status in statuses),
             _("proposed by {countries}").format(countries=", ".join(names.get(code, code) for code in proposers))
             if proposers else "",
             _("with {countries}").format(countries=", ".join(names.get(code, code) for code in parties))
             if parties else "",
             _("matching “{text}”").format(text=text.strip()) if text.strip() else ""]
    words = ", ".join(part for part in parts if part)
    return _("Initiatives, {filters}").format(filters=words) if words else ""


def steps_of(steps: pd.DataFrame, initiatives: pd.DataFrame) -> pd.DataFrame:
    """The status steps of the given initiatives, with the initiative's name."""
    names = dict(zip(initiatives["id"].tolist(), initiatives["name"].tolist()))
    ids = steps["initiative"].astype(str).tolist()
    chosen = steps[[initiative in names for initiative in ids]]  # a set lookup per row: faster than isin on Arrow text
    return chosen.assign(name=[names[initiative] for initiative in ids if initiative in names]).reset_index(drop=True)


def proposer_names(initiatives: pd.DataFrame, names: dict[str, str] | None = None) -> pd.Series:
    """Who proposed each initiative, as names joined by ', ': in English the names the data gives
    (`proposed_by_names`), in another language `names` (code → name in that language) of the codes."""
    if names is None or is_source_language():
        return initiatives["proposed_by_names"]
    return initiatives["proposed_by"].map(lambda codes: ", ".join(names.get(code, code) for code in codes))


def build_status_table(initiatives: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The current status of each initiative at a glance (`names`: country names in the reader's language)."""
    return pd.DataFrame({
        "initiative": initiatives["name"], "type": initiatives["type"].astype(str).map(INITIATIVE_TYPES.label),
        "status": [INITIATIVE_STATUSES.label(status) for status in initiatives["status"].tolist()],
        "since": initiatives["status_date_text"], "proposed by": proposer_names(initiatives, names),
        "id": initiatives["id"],
    })


def build_step_table(steps: pd.DataFrame, meetings: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One initiative's steps: date, status, what happened, where, and the sources of each step."""
    titles = dict(zip(meetings["id"].tolist(), meetings["title"].tolist()))
    with_sources = add_source_columns(steps, sources)
    return pd.DataFrame({
        "date": steps["date_text"], "status": [INITIATIVE_STATUSES.label(status) for status in steps["status"].tolist()],
        "what happened": steps["description"],
        "meeting": steps["meeting"].map(lambda meeting: titles.get(meeting, "") if isinstance(meeting, str) else ""),
        "sources": with_sources["source_publishers"], "source urls": with_sources["source_urls"],
    })
