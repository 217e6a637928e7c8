"""Records' names in the reader's language: the name a page in that language gives (data `names`),
else the English name, unmarked. Pure; the language is the current one (components/i18n)."""

from __future__ import annotations

import pandas as pd

from components.i18n.formats import is_source_language
from components.i18n.texts import current_language


def name_in_language(names: object, english: str) -> str:
    """The record's name in the current language, or `english`. A name a page gave mid-sentence, with
    a small first letter, is shown capitalised."""
    if is_source_language() or not isinstance(names, dict):
        return english
    named = names.get(current_language())
    if not named:
        return english
    text = named["name"]
    return text[:1].upper() + text[1:]


def names_column(frame: pd.DataFrame, column: str) -> list[str]:
    """`frame[column]` (English names) in the current language, row by row."""
    if is_source_language() or "names" not in frame:
        return frame[column].tolist()
    return [name_in_language(names, english) for names, english in zip(frame["names"], frame[column])]


def id_to_name(frame: pd.DataFrame, column: str = "name") -> dict[str, str]:
    """Record id → its name in the current language, in the frame's order."""
    return dict(zip(frame["id"].astype(str), names_column(frame, column)))


def localize_names(frame: pd.DataFrame, column: str = "name") -> pd.DataFrame:
    """The frame with `column` (the English names) in the current language; the frame itself in English."""
    if is_source_language() or frame.empty or "names" not in frame:
        return frame
    return frame.assign(**{column: names_column(frame, column)})


def localize_meetings(meetings: pd.DataFrame, formats: pd.DataFrame, places: pd.DataFrame,
                      country_names: dict[str, str]) -> pd.DataFrame:
    """The meetings with their title, format, city and country names in the current language (the frame
    itself in English). For display only: filters and search read the English frame."""
    if is_source_language() or meetings.empty:
        return meetings
    format_names, place_names = id_to_name(formats), id_to_name(places)
    return meetings.assign(
        title=names_column(meetings, "title"),
        format_name=meetings["format"].astype(str).map(format_names).fillna(meetings["format_name"]),
        city_name=meetings["city"].astype(object).map(place_names).fillna(meetings["city_name"]),
        country_name=meetings["country"].astype(object).map(country_names).fillna(meetings["country_name"]))
