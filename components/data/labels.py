"""Readable names and search text added once, in the cached loader, so pages never join tables."""

from __future__ import annotations

import pandas as pd


def _names(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["id"].tolist(), frame["name"].tolist()))


def names_in_languages(names: object) -> list[str]:
    """Every name a record has in other languages (`names`: language → name, sources, aliases)."""
    if not isinstance(names, dict):
        return []
    return [text for named in names.values()
            for text in [named["name"], *(alias["name"] for alias in named.get("aliases", []))]]


def _name_and_aliases(frame: pd.DataFrame) -> dict[str, str]:
    """Id → every name of the record, in every language: search finds a record by any of them."""
    names = frame["names"] if "names" in frame else [None] * len(frame)
    return {row.id: " ".join([row.name, *row.aliases, *names_in_languages(other)])
            for row, other in zip(frame.itertuples(), names)}


def _join_text(*parts: object) -> str:
    words = []
    for part in parts:
        if isinstance(part, (list, tuple)):
            words += [str(item) for item in part]
        elif isinstance(part, str):
            words.append(part)
    return " ".join(words).lower()


def label_meetings(meetings: pd.DataFrame, formats: pd.DataFrame, places: pd.DataFrame,
                   countries: pd.DataFrame) -> pd.DataFrame:
    """Add format name/kind/partner, city and country names, and a lower-case `search_text`
    holding titles, outcomes, people, documents, places and their aliases."""
    format_rows = formats.set_index("id")
    place_words, country_words, format_words = (_name_and_aliases(places), _name_and_aliases(countries),
                                                _name_and_aliases(formats))
    format_ids = meetings["format"].astype(str)
    labelled = meetings.assign(
        format_name=format_ids.map(_names(formats)),
        format_kind=format_ids.map(format_rows["kind"].astype(str)).astype("category"),
        partner=format_ids.map(format_rows["partner"].astype(object)).astype("category"),
        city_name=meetings["city"].astype(object).map(_names(places)),
        country_name=meetings["country"].astype(object).map(_names(countries)),
    )
    labelled["search_text"] = [
        _join_text(row.title, names_in_languages(row.names), row.outcomes, row.participants, row.guests, row.venue,
                   row.notes,
                   [document["title"] for document in row.documents],
                   place_words.get(row.city, ""), country_words.get(row.country, ""),
                   format_words.get(row.format, ""))
        for row in meetings.itertuples()]
    return labelled


def label_initiatives(initiatives: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """Add proposer names and a lower-case `search_text` (name, aliases, description, proposer)."""
    country_names = _names(countries)
    return initiatives.assign(
        proposed_by_names=initiatives["proposed_by"].map(lambda codes: ", ".join(country_names.get(c, c) for c in codes)),
        search_text=[_join_text(row.name, row.aliases, names_in_languages(row.names), row.description, row.proposer,
                                row.notes)
                     for row in initiatives.itertuples()],
    )


def label_trade(trade: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Add `source_label`: the first source's publisher and date, and how many more (for hover text)."""
    publishers = dict(zip(sources["id"].tolist(), sources["publisher"].tolist()))
    dates = dict(zip(sources["id"].tolist(), sources["published_text"].tolist()))

    def label(ids: list[str]) -> str:
        first = ids[0]
        text = publishers.get(first, first) + (f", {dates[first]}" if isinstance(dates.get(first), str) else "")
        return text + (f" (+{len(ids) - 1} more)" if len(ids) > 1 else "")

    return trade.assign(source_label=trade["sources"].map(label))
