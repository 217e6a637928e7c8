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

from components.i18n.texts import N_, _
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
        return _(term.label) if term else str(code)

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
    "heads-of-state": Term(N_("Heads of state"), symbol="star", tier=N_("Summit")),
    "ministers": Term(N_("Ministers"), symbol="diamond", tier=N_("Ministers")),
    "deputy-ministers": Term(N_("Deputy ministers"), symbol="square", tier=N_("Officials")),
    "officials": Term(N_("Officials"), symbol="circle", tier=N_("Officials")),
    "parliament": Term(N_("Parliamentarians"), symbol="triangle-up", tier=N_("Officials")),
    "other": Term(N_("Other"), symbol="hexagon", tier=N_("Officials")),
}, requires=("label", "symbol", "tier"))

MEETING_STATUSES = Vocabulary(Meeting, "status", {
    "held": Term(N_("held"), colour="#1f6f8b", ics_status="CONFIRMED"),
    "scheduled": Term(N_("upcoming (scheduled)"), colour="#e07a1f", open_marker=True, ics_status="TENTATIVE"),
    "postponed": Term(N_("postponed"), colour="#7f7f7f", open_marker=True, ics_status="TENTATIVE"),
    "cancelled": Term(N_("cancelled"), colour="#c23b3b", open_marker=True, ics_status="CANCELLED"),
}, requires=("label", "colour", "ics_status"))

FORMAT_KINDS = Vocabulary(Format, "kind", {
    "five-party": Term(N_("Five-party")),
    "central-asia-plus": Term(N_("Central Asia Plus")),
}, requires=("label",))

INITIATIVE_TYPES = Vocabulary(Initiative, "type", {
    "treaty": Term(N_("treaty")), "concept": Term(N_("concept")), "roadmap": Term(N_("roadmap")),
    "declaration": Term(N_("declaration")), "programme": Term(N_("programme")), "institution": Term(N_("institution")),
    "un-resolution": Term(N_("un-resolution")), "agreement": Term(N_("agreement")), "other": Term(N_("other")),
}, requires=("label",))

INITIATIVE_STATUSES = Vocabulary(StatusStep, "status", {
    "proposed": Term(N_("Proposed"), colour="#9ecae1"),
    "negotiated": Term(N_("Negotiated"), colour="#6baed6"),
    "adopted": Term(N_("Adopted"), colour="#2171b5"),
    "signed": Term(N_("Signed"), colour="#08519c"),
    "ratified": Term(N_("Ratified"), colour="#5a9e4b"),
    "in-force": Term(N_("In force"), colour="#2e7d32"),
    "stalled": Term(N_("Stalled"), colour="#c23b3b"),
    "update": Term(N_("Update"), colour="#bbbbbb", changes_status=False),
}, requires=("label", "colour"))

REPORTER_TYPES = Vocabulary(TradeObservation, "reporter_type", {
    "statistics": Term(N_("Statistics agency"), symbol="circle", colour="#1f6f8b"),
    "government": Term(N_("Ministry or government"), symbol="hexagon", colour="#3b6cc2"),
    "official-statement": Term(N_("Official statement"), symbol="diamond", colour="#e07a1f"),
    "international-organization": Term(N_("International organisation"), symbol="square", colour="#5a9e4b"),
    "media-or-analysis": Term(N_("Media or analysis"), symbol="triangle-up", colour="#a8488a"),
}, requires=("label", "symbol", "colour"))

PUBLISHER_KINDS = Vocabulary(Publisher, "kind", {
    "government": Term(N_("Government")),
    "state-media": Term(N_("State media")),
    "independent-media": Term(N_("Independent media")),
    "media": Term(N_("Media (ownership not recorded)")),
    "international-organization": Term(N_("International organisation")),
    "research": Term(N_("Research")),
    "business": Term(N_("Business")),
    "reprint": Term(N_("Reprint or aggregator")),
    "reference": Term(N_("Reference")),
    "other": Term(N_("Other")),
}, requires=("label",))

# A meeting still `scheduled` in the data after its date: the data has no report of it yet. Not a code of
# the data (the record says `scheduled`); the dashboard derives it on the day the page is viewed.
DATE_PASSED = "date-passed"
DATE_PASSED_TERM = Term(N_("date passed, no report of it recorded"), colour="#8c6d1f", open_marker=True,
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
    return _(term.label) if term else str(code)


VOCABULARIES = (MEETING_LEVELS, MEETING_STATUSES, FORMAT_KINDS, INITIATIVE_TYPES, INITIATIVE_STATUSES,
                REPORTER_TYPES, PUBLISHER_KINDS)

# The formats grid's tiers, lowest first (its colour scale runs in this order).
GRID_TIERS = {"Officials": "#c6dbef", "Ministers": "#6baed6", "Summit": "#08519c"}

# The statuses an initiative can be in (steps that are news only left out), in order.
INITIATIVE_CURRENT_STATUSES = [code for code, term in INITIATIVE_STATUSES.terms.items() if term.changes_status]
