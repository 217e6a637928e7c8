"""Meeting transforms: filter, search, list, and the neighbours of a meeting in its format."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.dates import format_partial_date
from components.data.rows import records
from components.data.vocabulary import FORMAT_KINDS, MEETING_LEVELS, MEETING_STATUSES, shown_status_label
from components.i18n.formats import is_source_language
from components.i18n.texts import _


@dataclass(frozen=True)
class MeetingFilter:
    """What the user chose; empty means 'all'."""

    formats: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    text: str = ""

    def normalised(self) -> MeetingFilter:
        """The same choice with its codes in one order: the key of a shared view (order does not filter)."""
        return MeetingFilter(*(tuple(sorted(codes)) for codes in (self.formats, self.kinds, self.partners,
                                                                    self.hosts, self.levels, self.statuses)),
                             years=self.years, text=" ".join(self.text.lower().split()))


def _in(column: pd.Series, chosen: tuple[str, ...]) -> pd.Series:
    return column.astype(object).isin(chosen) if chosen else pd.Series(True, index=column.index)


def _in_years(meetings: pd.DataFrame, years: tuple[int, int] | None) -> pd.Series:
    """Dated meetings in the range; undated (announced) ones only when the range reaches the latest year."""
    if years is None:
        return pd.Series(True, index=meetings.index)
    dated = meetings["year"].between(years[0], years[1]).fillna(False).astype(bool)
    latest = meetings["year"].max()
    undated = meetings["year"].isna() & (pd.isna(latest) or years[1] >= latest)
    return dated | undated


def matches_text(search_text: pd.Series, text: str) -> pd.Series:
    """Every word of the query appears (case-insensitive) in the record's search text."""
    mask = pd.Series(True, index=search_text.index)
    for word in text.lower().split():
        mask &= search_text.str.contains(word, regex=False)
    return mask


def filter_meetings(meetings: pd.DataFrame, chosen: MeetingFilter) -> pd.DataFrame:
    """The meetings that match every filter."""
    mask = (_in(meetings["format"], chosen.formats) & _in(meetings["format_kind"], chosen.kinds)
            & _in(meetings["partner"], chosen.partners) & _in(meetings["country"], chosen.hosts)
            & _in(meetings["level"], chosen.levels) & _in(meetings["status"], chosen.statuses)
            & _in_years(meetings, chosen.years) & matches_text(meetings["search_text"], chosen.text))
    return meetings[mask].reset_index(drop=True)


def status_choice_label(code: object) -> str:
    """A status as the status filter offers it: the code itself in English (as it always was), the
    status's label in another language."""
    return str(code) if is_source_language() else MEETING_STATUSES.label(code)


def describe_filter(chosen: MeetingFilter, names: dict[str, str], format_titles: dict[str, str], *,
                    full_years: tuple[int, int] | None = None) -> str:
    """The filters in words, for the page title and the citation: 'Heads of state, hosted in Kazakhstan, 2018–2024'."""
    parts = [", ".join(format_titles.get(code, code) for code in chosen.formats),
             ", ".join(FORMAT_KINDS.label(kind) for kind in chosen.kinds),
             _("with {partners}").format(partners=", ".join(names.get(code, code) for code in chosen.partners))
             if chosen.partners else "",
             ", ".join(MEETING_LEVELS.label(level) for level in chosen.levels),
             ", ".join(status_choice_label(status) for status in chosen.statuses),
             _("hosted in {countries}").format(countries=", ".join(names.get(code, code) for code in chosen.hosts))
             if chosen.hosts else "",
             f"{chosen.years[0]}–{chosen.years[1]}" if chosen.years and chosen.years != full_years else "",
             _("matching “{text}”").format(text=chosen.text.strip()) if chosen.text.strip() else ""]
    return ", ".join(part for part in parts if part)


def format_date_range(start: str | None, end: str | None) -> str:
    """'9 Aug 2024', '15–16 Nov 2025' style (as '15 Nov 2025 – 16 Nov 2025'), or 'date not set'."""
    if not isinstance(start, str) or not start:
        return _("date not set")
    if not isinstance(end, str) or end == start:
        return format_partial_date(start)
    return f"{format_partial_date(start)} – {format_partial_date(end)}"


def place_label(row: dict | pd.Series) -> str:
    """'Astana, Kazakhstan', 'online', or 'place not known' (names as the row gives them: in the reader's
    language once the meetings went through components/domain/names.localize_meetings)."""
    if row["online"]:
        return _("online")
    parts = [part for part in (row["city_name"], row["country_name"]) if isinstance(part, str)]
    return ", ".join(parts) if parts else _("place not known")


def build_meeting_list(meetings: pd.DataFrame) -> pd.DataFrame:
    """The filtered meetings as a sortable table (the `start` column sorts by date)."""
    return pd.DataFrame({
        "start": meetings["start"],
        "date": [format_date_range(s, e) for s, e in zip(meetings["start_text"].tolist(), meetings["end_text"].tolist())],
        "title": meetings["title"],
        "format": meetings["format_name"],
        "place": [place_label(row) for row in records(meetings, ["online", "city_name", "country_name"])],
        "level": [MEETING_LEVELS.label(level) for level in meetings["level"].tolist()],
        "status": [shown_status_label(code) for code in meetings["shown_status"].tolist()],
        "id": meetings["id"],
    })


def find_neighbours(meetings: pd.DataFrame, meeting_id: str) -> tuple[pd.Series | None, pd.Series | None]:
    """The previous and next meeting of the same format (by date; undated ones come last)."""
    row = meetings.loc[meetings["id"] == meeting_id]
    if row.empty:
        return None, None
    same = meetings[meetings["format"] == row["format"].iloc[0]].reset_index(drop=True)
    position = same.index[same["id"] == meeting_id][0]
    previous = same.iloc[position - 1] if position > 0 else None
    following = same.iloc[position + 1] if position + 1 < len(same) else None
    return previous, following


def select_meeting(meetings: pd.DataFrame, meeting_id: str | None) -> pd.Series | None:
    """The meeting with that id, or None."""
    if not meeting_id:
        return None
    rows = meetings.loc[meetings["id"] == meeting_id]
    return rows.iloc[0] if len(rows) else None


def count_meetings_by_place(meetings: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Meetings per place with coordinates (for the map), most meetings first, with the meetings' titles
    and sources (then the place's own, for its coordinates); online meetings and places without
    coordinates are left out. Counted over plain lists: a pandas group-by cost more than the map."""
    titles: dict[str, list[str]] = {}
    cited: dict[str, dict[str, None]] = {}
    for city, online, title, sources in zip(meetings["city"].tolist(), meetings["online"].tolist(),
                                            meetings["title"].tolist(), meetings["sources"].tolist()):
        if isinstance(city, str) and not online:
            titles.setdefault(city, []).append(title)
            cited.setdefault(city, {}).update(dict.fromkeys(sources))
    rows = [{**place, "meetings": len(titles[place["id"]]), "titles": titles[place["id"]],
             "sources": [*cited[place["id"]], *(source for source in place["sources"] if source not in cited[place["id"]])]}
            for place in records(places.astype({"id": str}), ["id", "name", "country", "lat", "lon", "sources"])
            if place["id"] in titles and pd.notna(place["lat"]) and pd.notna(place["lon"])]
    rows.sort(key=lambda row: -row["meetings"])  # stable: places with as many meetings keep the file's order
    return pd.DataFrame(rows, columns=["id", "name", "country", "lat", "lon", "meetings", "titles", "sources"])


def lane_order(formats: pd.DataFrame, used: set[str] | None = None) -> list[str]:
    """Format names in display order (by kind as the vocabulary orders kinds, then by launch and name),
    only those whose ids are in `used` when given: the timeline's lanes, the grid's rows."""
    kind_order = {kind: position for position, kind in enumerate(FORMAT_KINDS)}
    chosen = formats if used is None else formats[formats["id"].isin(used)]
    chosen = chosen.assign(kind_order=[kind_order.get(kind, len(kind_order)) for kind in chosen["kind"].astype(str)])
    return chosen.sort_values(["kind_order", "launched", "name"], na_position="last")["name"].tolist()
