"""The codes of the schema with what the dashboard shows for them: label, order, symbol, colour.

Each vocabulary is keyed by the codes of one schema field and lists them in display order.
tests/data/test_vocabulary.py fails, naming the code, when the schema has a code a vocabulary
lacks (or a vocabulary a code the schema lacks), or when a term lacks what its vocabulary
requires (a level its symbol, a status its colour). Everything else (filters, URL rules, the
README's parameter table, figures, exports) reads the codes from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from components.data.schema import Format, Initiative, Meeting, Publisher, StatusStep, TradeObservation


@dataclass(frozen=True)
class Term:
    """What the dashboard shows for one code."""

    label: str
    symbol: str | None = None  # Plotly marker symbol
    colour: str | None = None
    open_marker: bool = False  # drawn hollow (meetings not yet held)
    tier: str | None = None  # meeting levels: the tier of the formats grid (GRID_TIERS)
    ics_status: str | None = None  # meeting statuses: the iCalendar STATUS
    changes_status: bool = True  # initiative steps: False for news that changes nothing


@dataclass(frozen=True)
class Vocabulary:
    """The codes of one schema field, in display order, each with its Term."""

    model: type[BaseModel]
    field: str
    terms: dict[str, Term]
    requires: tuple[str, ...] = ()  # Term attributes every code needs here

    @property
    def codes(self) -> list[str]:
        return list(self.terms)

    def label(self, code: object) -> str:
        """The code's label; an unknown code is shown as itself."""
        term = self.terms.get(str(code))
        return term.label if term else str(code)

    def __getitem__(self, code: object) -> Term:
        return self.terms[str(code)]

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return str(code) in self.terms

    def missing_attributes(self) -> dict[str, list[str]]:
        """Code → the required attributes its term leaves empty."""
        return {code: missing for code, term in self.terms.items()
                if (missing := [name for name in self.requires if getattr(term, name) in (None, "")])}


MEETING_LEVELS = Vocabulary(Meeting, "level", {
    "heads-of-state": Term("Heads of state", symbol="star", tier="Summit"),
    "ministers": Term("Ministers", symbol="diamond", tier="Ministers"),
    "deputy-ministers": Term("Deputy ministers", symbol="square", tier="Officials"),
    "officials": Term("Officials", symbol="circle", tier="Officials"),
    "parliament": Term("Parliamentarians", symbol="triangle-up", tier="Officials"),
    "other": Term("Other", symbol="hexagon", tier="Officials"),
}, requires=("label", "symbol", "tier"))

MEETING_STATUSES = Vocabulary(Meeting, "status", {
    "held": Term("held", colour="#1f6f8b", ics_status="CONFIRMED"),
    "scheduled": Term("upcoming (scheduled)", colour="#e07a1f", open_marker=True, ics_status="TENTATIVE"),
    "postponed": Term("postponed", colour="#7f7f7f", open_marker=True, ics_status="TENTATIVE"),
    "cancelled": Term("cancelled", colour="#c23b3b", open_marker=True, ics_status="CANCELLED"),
}, requires=("label", "colour", "ics_status"))

FORMAT_KINDS = Vocabulary(Format, "kind", {
    "five-party": Term("Five-party"),
    "central-asia-plus": Term("Central Asia Plus"),
}, requires=("label",))

INITIATIVE_TYPES = Vocabulary(Initiative, "type", {
    "treaty": Term("treaty"), "concept": Term("concept"), "roadmap": Term("roadmap"),
    "declaration": Term("declaration"), "programme": Term("programme"), "institution": Term("institution"),
    "un-resolution": Term("un-resolution"), "agreement": Term("agreement"), "other": Term("other"),
}, requires=("label",))

INITIATIVE_STATUSES = Vocabulary(StatusStep, "status", {
    "proposed": Term("Proposed", colour="#9ecae1"),
    "negotiated": Term("Negotiated", colour="#6baed6"),
    "adopted": Term("Adopted", colour="#2171b5"),
    "signed": Term("Signed", colour="#08519c"),
    "ratified": Term("Ratified", colour="#5a9e4b"),
    "in-force": Term("In force", colour="#2e7d32"),
    "stalled": Term("Stalled", colour="#c23b3b"),
    "update": Term("Update", colour="#bbbbbb", changes_status=False),
}, requires=("label", "colour"))

REPORTER_TYPES = Vocabulary(TradeObservation, "reporter_type", {
    "statistics": Term("Statistics agency", symbol="circle", colour="#1f6f8b"),
    "government": Term("Ministry or government", symbol="hexagon", colour="#3b6cc2"),
    "official-statement": Term("Official statement", symbol="diamond", colour="#e07a1f"),
    "international-organization": Term("International organisation", symbol="square", colour="#5a9e4b"),
    "media-or-analysis": Term("Media or analysis", symbol="triangle-up", colour="#a8488a"),
}, requires=("label", "symbol", "colour"))

PUBLISHER_KINDS = Vocabulary(Publisher, "kind", {
    "government": Term("Government"),
    "state-media": Term("State media"),
    "independent-media": Term("Independent media"),
    "media": Term("Media (ownership not recorded)"),
    "international-organization": Term("International organisation"),
    "research": Term("Research"),
    "business": Term("Business"),
    "reprint": Term("Reprint or aggregator"),
    "reference": Term("Reference"),
    "other": Term("Other"),
}, requires=("label",))

# A meeting still `scheduled` in the data after its date: the data has no report of it yet. Not a code of
# the data (the record says `scheduled`); the dashboard derives it on the day the page is viewed.
DATE_PASSED = "date-passed"
DATE_PASSED_TERM = Term("date passed, no report of it recorded", colour="#8c6d1f", open_marker=True,
                        ics_status="TENTATIVE")
# What a meeting's status is shown as: the data's statuses, with the derived one after `scheduled`.
SHOWN_MEETING_STATUSES: dict[str, Term] = {
    **{code: term for code, term in MEETING_STATUSES.terms.items() if code in ("held", "scheduled")},
    DATE_PASSED: DATE_PASSED_TERM,
    **{code: term for code, term in MEETING_STATUSES.terms.items() if code not in ("held", "scheduled")},
}


def shown_status_label(code: object) -> str:
    """The label of a shown meeting status (a data code or `date-passed`)."""
    term = SHOWN_MEETING_STATUSES.get(str(code))
    return term.label if term else str(code)


VOCABULARIES = (MEETING_LEVELS, MEETING_STATUSES, FORMAT_KINDS, INITIATIVE_TYPES, INITIATIVE_STATUSES,
                REPORTER_TYPES, PUBLISHER_KINDS)

# The formats grid's tiers, lowest first (its colour scale runs in this order).
GRID_TIERS = {"Officials": "#c6dbef", "Ministers": "#6baed6", "Summit": "#08519c"}

# The statuses an initiative can be in (steps that are news only left out), in order.
INITIATIVE_CURRENT_STATUSES = [code for code, term in INITIATIVE_STATUSES.terms.items() if term.changes_status]
