"""Table twins of the trade charts: the rows drawn, in readable columns, with their sources.

A chart's table twin is also its CSV download, whose content stays in English whatever the reader's
language (a data contract): it is built `in_source_language`. The tables a page shows without a CSV of
their own (the mirror table), or with a CSV built apart (the targets), are written in the reader's language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

from components.data.vocabulary import REPORTER_TYPES
from components.domain.sources import add_source_columns
from components.domain.trade import (
    MirrorGap,
    build_pair_matrix,
    find_mirror_gaps,
    format_percent,
    format_usd,
)
from components.i18n.languages import SOURCE_LANGUAGE
from components.i18n.texts import _, language

Built = TypeVar("Built")


def in_source_language(build: Callable[..., Built]) -> Callable[..., Built]:
    """`build` run in the source language: for the table twins that are also CSV downloads."""
    @functools.wraps(build)
    def built(*args, **kwargs) -> Built:
        with language(SOURCE_LANGUAGE):
            return build(*args, **kwargs)
    return built

OBSERVATION_COLUMNS = {
    "id": "record", "year": "year", "period": "period", "value_usd": "value_usd", "value": "value",
    "value_as_stated": "as stated", "reporter": "reported by", "reporter_kind": "kind of reporter",
    "covers": "covers", "statement_date_text": "statement date", "confidence": "confidence",
    "notes": "notes", "source_publishers": "source publishers", "source_urls": "source urls",
    "sources": "sources",
}


@in_source_language
def build_observation_table(rows: pd.DataFrame, sources: pd.DataFrame, *,
                            extra: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per figure drawn: its value as a number and in words, reporter, date, sources."""
    columns = {**(extra or {}), **OBSERVATION_COLUMNS}
    if rows.empty:
        return pd.DataFrame(columns=list(columns.values()))
    table = add_source_columns(rows, sources).assign(
        value=[format_usd(value, qualifier) for value, qualifier in zip(rows["value_usd"].tolist(), rows["value_qualifier"].tolist())],
        reporter_kind=[REPORTER_TYPES.label(kind) for kind in rows["reporter_type"].tolist()],
        year=[f"{year} (implied)" if inferred else str(year)
              for year, inferred in zip(rows["year"].tolist(), rows["year_inferred"].tolist())],
        notes=rows["notes"].map(" ".join),
        covers=rows["covers"].astype(str), confidence=rows["confidence"].astype(str),
    )
    return table[list(columns)].rename(columns=columns).reset_index(drop=True)


def build_mirror_table(gaps: list[MirrorGap]) -> pd.DataFrame:
    """Pairs where both sides reported: both figures and the gap between them."""
    return pd.DataFrame(
        [{"pair": gap.pair, "reported by": gap.first, "value": format_usd(gap.first_value),
          "mirror reported by": gap.second, "mirror value": format_usd(gap.second_value),
          "gap": format_usd(gap.gap)} for gap in gaps],
        columns=["pair", "reported by", "value", "mirror reported by", "mirror value", "gap"])


def build_year_mirror_table(year_rows: pd.DataFrame) -> pd.DataFrame:
    """For one year's bilateral figures: the pairs where both sides reported, both figures and the gap."""
    return build_mirror_table(find_mirror_gaps(build_pair_matrix(year_rows)))


def build_target_table(comparison: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Targets beside the latest figure of the same scope, with how far it is."""
    if comparison.empty:
        return pd.DataFrame(columns=["scope", "target", "target year", "target said by", "latest figure",
                                     "latest year", "latest reported by", "latest as % of target",
                                     "source publishers", "source urls", "sources"])
    table = add_source_columns(comparison, sources)
    return pd.DataFrame({
        "scope": table["scope"],
        "target": table["target"].map(format_usd),
        "target year": table["target_year"].map(lambda year: _("no year named") if pd.isna(year) else str(year)),
        "target said by": table["target_said_by"],
        "latest figure": table["latest"].map(lambda v: _("no figure") if pd.isna(v) else format_usd(v)),
        "latest year": table["latest_year"].map(lambda year: "" if pd.isna(year) else str(year)),
        "latest reported by": table["latest_reported_by"].fillna(""),
        "latest as % of target": table["share_of_target"].map(lambda s: "" if pd.isna(s) else format_percent(s)),
        "source publishers": table["source_publishers"], "source urls": table["source_urls"],
        "sources": table["sources"],
    })
