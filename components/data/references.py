"""Cross-record rules: ids unique within a table, every reference resolves."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from components.data.problems import Problem
from components.data.schema import Format, Initiative, Meeting, Place, Source, TradeObservation, TradeSeries
from components.data.yaml_reader import FieldPath, PositionedRecord

Checked = dict[str, list[tuple[PositionedRecord, BaseModel]]]
Reference = tuple[FieldPath, str, str]  # (field path, referenced id, target table)

_SINGULAR = {"publishers": "publisher", "sources": "source", "countries": "country", "places": "place", "formats": "format",
             "meetings": "meeting", "initiatives": "initiative", "trade": "trade observation",
             "trade_series": "trade series"}


def _many(field: str, values: list[str], table: str) -> Iterator[Reference]:
    for position, value in enumerate(values):
        yield (field, position), value, table


# References whose failure has a code of its own.
_UNKNOWN_CODES = {"publishers": "unknown-publisher"}


def _one(field: str, value: str | None, table: str) -> Iterator[Reference]:
    if value is not None:
        yield (field,), value, table


def _references_of(model: BaseModel) -> Iterator[Reference]:
    """Every id a record points to, with the field path it sits at."""
    if hasattr(model, "sources"):
        yield from _many("sources", model.sources, "sources")
    for code, named in (getattr(model, "names", None) or {}).items():
        for index, source in enumerate(named.sources):
            yield ("names", code, "sources", index), source, "sources"
        for position, alias in enumerate(named.aliases):
            for index, source in enumerate(alias.sources):
                yield ("names", code, "aliases", position, "sources", index), source, "sources"
    if isinstance(model, Source):
        yield from _one("publisher", model.publisher, "publishers")
    elif isinstance(model, Place):
        yield from _one("country", model.country, "countries")
    elif isinstance(model, Format):
        yield from _one("partner", model.partner, "countries")
    elif isinstance(model, Meeting):
        yield from _meeting_references(model)
    elif isinstance(model, Initiative):
        yield from _initiative_references(model)
    elif isinstance(model, TradeObservation):
        yield from _many("partners", model.partners, "countries")
        yield from _many("counterparts", model.counterparts, "countries")
        yield from _one("reporter_country", model.reporter_country, "countries")
        yield from _one("meeting", model.meeting, "meetings")
    elif isinstance(model, TradeSeries):
        yield from _one("reporter", model.reporter, "countries")
        yield from _one("partner", model.partner, "countries")


def _meeting_references(meeting: Meeting) -> Iterator[Reference]:
    yield from _one("format", meeting.format, "formats")
    yield from _one("city", meeting.city, "places")
    yield from _one("country", meeting.country, "countries")
    for position, document in enumerate(meeting.documents):
        if document.initiative:
            yield ("documents", position, "initiative"), document.initiative, "initiatives"


def _initiative_references(initiative: Initiative) -> Iterator[Reference]:
    yield from _many("proposed_by", initiative.proposed_by, "countries")
    yield from _many("parties", initiative.parties, "countries")
    for position, step in enumerate(initiative.status_history):
        if step.meeting:
            yield ("status_history", position, "meeting"), step.meeting, "meetings"
        for index, source in enumerate(step.sources):
            yield ("status_history", position, "sources", index), source, "sources"


def _duplicate_ids(records: list[tuple[PositionedRecord, BaseModel]], file: str) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for record, model in records:
        if model.id in first_line:
            problems.append(Problem(file, record.line, model.id, "id", "duplicate-id",
                                    f"the id `{model.id}` is already used at line {first_line[model.id]}; "
                                    "ids must be unique"))
        first_line.setdefault(model.id, record.line)
    return problems


def _dangling(records: list[tuple[PositionedRecord, BaseModel]], file: str,
              known: dict[str, set[str] | None], files: dict[str, str]) -> list[Problem]:
    problems = []
    for record, model in records:
        for path, value, target in _references_of(model):
            if known[target] is not None and value not in known[target]:
                problems.append(Problem(file, record.line_of(path), model.id, ".".join(map(str, path)),
                                        _UNKNOWN_CODES.get(target, "unknown-reference"),
                                        f"{files[target]} has no {_SINGULAR[target]} `{value}`; add it there "
                                        "or correct the id"))
    return problems


def _city_country_mismatch(records: Checked, files: dict[str, str]) -> list[Problem]:
    place_country = {model.id: model.country for _, model in records.get("places", [])}
    problems = []
    for record, meeting in records.get("meetings", []):
        expected = place_country.get(meeting.city or "")
        if expected and meeting.country and expected != meeting.country:
            problems.append(Problem(files["meetings"], record.line_of(("country",)), meeting.id, "country",
                                    "city-country-mismatch",
                                    f"city `{meeting.city}` lies in {expected}, but `country` is {meeting.country}"))
    return problems


def check_references(records: Checked, files: dict[str, str],
                     known: dict[str, set[str] | None]) -> list[Problem]:
    """Problems with ids and references across all tables.

    `known` holds every id written in each file, valid record or not, so that one broken
    record does not also show up as a dangling reference everywhere; None for a file that
    could not be read at all, whose references are then not checked.
    """
    problems = []
    for table, rows in records.items():
        problems += _duplicate_ids(rows, files[table])
        problems += _dangling(rows, files[table], known, files)
    return problems + _city_country_mismatch(records, files)
