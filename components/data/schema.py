"""Typed models of the YAML files in ``data/``: the schema is the documentation.

Every field carries a description and its constraints; unknown keys are errors. The models
check what one record can check alone; cross-record rules (unique ids, references that
resolve) live in ``components.data.references``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from components.data.dates import parse_partial_date

RecordId = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80,
          description="Stable id: lower-case letters, digits and hyphens."),
]
PartyCode = Annotated[
    str,
    Field(pattern=r"^[A-Z]{2,4}$",
          description="Country code (ISO 3166-1 alpha-3, e.g. KAZ) or organisation code (EU, GCC)."),
]


def _check_partial_date(value: str) -> str:
    try:
        parse_partial_date(value)
    except ValueError as error:
        raise PydanticCustomError("bad-date", str(error)) from None
    return value


PartialDate = Annotated[
    str,
    AfterValidator(_check_partial_date),
    Field(description="A date as precise as the source gives it: YYYY-MM-DD, YYYY-MM or YYYY.",
          examples=["2024-08-09", "2016-12"]),
]
SourceIds = Annotated[
    list[RecordId],
    Field(min_length=1, description="Ids of the records in sources.yaml that support this record."),
]
Notes = Annotated[
    list[str],
    Field(default_factory=list,
          description="Caveats: where sources disagree, why confidence is low, what is unknown."),
]
Confidence = Literal["high", "medium", "low"]
Level = Literal["heads-of-state", "ministers", "deputy-ministers", "officials", "parliament", "other"]
NonEmptyText = Annotated[str, Field(min_length=1)]
# Titles written in place of a page's own: "Page cited for: …", "Untitled", "TODO", "[title]".
PLACEHOLDER_TITLE = re.compile(r"^\s*(page cited for\b|untitled\b|no title\b|title\b\s*$|todo\b|tbd\b|tba\b|\[|\()",
                               re.IGNORECASE)
# A meeting cites the pages that state it, not every page gathered on its format.
MAX_MEETING_SOURCES = 5


class Record(BaseModel):
    """Base of every record: unknown keys are errors, strings are stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


PublisherKind = Literal["government", "state-media", "independent-media", "media", "international-organization",
                        "research", "business", "reprint", "reference", "other"]
Domain = Annotated[
    str,
    Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$",
          description="A web domain in lower case, without `www.`; its subdomains belong to it too.",
          examples=["astanatimes.com", "trend.az"]),
]


class Publisher(Record):
    """An outlet, office or organisation that publishes pages: one canonical name for all its sites."""

    id: RecordId
    name: NonEmptyText = Field(description="The outlet's own name, as it styles itself (The Astana Times).")
    kind: PublisherKind = Field(
        description="government: a state body (president, ministry, embassy, agency, parliament); state-media: "
                    "media owned or run by a state; independent-media: privately owned media; media: media whose "
                    "ownership is not recorded here; international-organization; research: institutes, think "
                    "tanks, universities, journals; business: companies, consultancies, chambers of commerce; "
                    "reprint: a site that republishes others' texts (aggregators, press-release wires); "
                    "reference: gazetteers, legal and code archives; other: anything else (a political party).")
    domains: list[Domain] = Field(min_length=1, description="The web domains the outlet publishes on.")
    notes: Notes


class Source(Record):
    """A public page that supports one or more records."""

    id: RecordId
    url: Annotated[str, Field(pattern=r"^https?://\S+$", description="Address of the page (http or https).")]
    publisher: RecordId = Field(description="Id in publishers.yaml of the outlet whose site the page is on.")
    citing: str | None = Field(
        default=None, description="The body the page attributes its facts to, where it names one "
                                  "(the Kazakh MFA, Xinhua); null when the page reports them as its own.")
    page_read: bool = Field(
        description="True when the page (or a stored copy of it) was read for this dataset; false when it could "
                    "not be found: then its title and date are not known (the dashboard says 'not read').")
    title: str | None = Field(
        min_length=1, description="The page's own title (its headline), in its own language; null when the page "
                                  "was not read or its copy shows no headline; never a made-up title.")
    title_from_page: bool = Field(
        description="True when `title` was read off the page; false when no title is known (`title` is null).")
    published: PartialDate | None = Field(
        description="Publication date shown on the page; null when the page shows none or was not read.")
    accessed: PartialDate = Field(
        description="The day the page (or its stored copy) was last consulted for this dataset: YYYY-MM-DD.")
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code of the page's language.")]
    notes: Notes

    @model_validator(mode="after")
    def _title_only_when_read(self) -> Source:
        if self.title_from_page and self.title is None:
            raise PydanticCustomError("title-missing", "the page was read (`title_from_page: true`) but `title` "
                                      "is empty; copy the page's own title", {"field": "title"})
        if not self.title_from_page and self.title is not None:
            raise PydanticCustomError("title-not-read", "`title` is given but not read off the page "
                                      "(`title_from_page: false`); set `title: null` or read the page",
                                      {"field": "title"})
        if not self.page_read and (self.title_from_page or self.published):
            raise PydanticCustomError("title-not-read", "the page was not read (`page_read: false`), so its title "
                                      "and date are not known; read the page or set them to null",
                                      {"field": "page_read"})
        if PLACEHOLDER_TITLE.search(self.title or ""):
            raise PydanticCustomError("placeholder-title", "`title` is a placeholder, not the page's title; "
                                      "copy the page's own title, or set `title: null` and "
                                      "`title_from_page: false`", {"field": "title"})
        if len(self.accessed) != len("YYYY-MM-DD"):
            raise PydanticCustomError("bad-date", "`accessed` needs a day: YYYY-MM-DD; found {value!r}",
                                      {"field": "accessed", "value": self.accessed})
        return self


class SourcedName(Record):
    """A name as a page in some language gives it, with that page."""

    name: NonEmptyText = Field(description="The name exactly as the page writes it.")
    sources: SourceIds


class NameInLanguage(Record):
    """A record's name in one language other than English, from a page in that language."""

    name: NonEmptyText = Field(description="The name exactly as the page writes it (shown instead of the English "
                                           "name in that language; a leading small letter is shown capitalised).")
    sources: SourceIds
    aliases: list[SourcedName] = Field(default_factory=list,
                                       description="Other names pages in that language use (Нур-Султан), searchable.")


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code of the language.")]
Names = Annotated[
    dict[LanguageCode, NameInLanguage],
    Field(default_factory=dict,
          description="The record's name in other languages, each only where a page in that language gives it, "
                      "cited (components/i18n: shown in that language's interface; searched in every language). "
                      "Without one the English name is shown."),
]


class Country(Record):
    """A state or organisation that takes part in meetings, formats or trade."""

    id: PartyCode
    name: NonEmptyText = Field(description="Canonical English name.")
    aliases: list[str] = Field(default_factory=list, description="Other names and spellings, searchable.")
    kind: Literal["state", "organization", "group"] = Field(
        description="A state, an international organisation, or a statistical group of economies (the world).")
    central_asian: bool = Field(description="True for the five Central Asian states.")
    sources: SourceIds


class Place(Record):
    """A city (or resort zone) where a meeting took place, with its coordinates for the map."""

    id: RecordId
    name: NonEmptyText = Field(description="Canonical English name, as the dashboard shows it.")
    aliases: list[str] = Field(default_factory=list, description="Other names and spellings (Nur-Sultan, Awaza).")
    country: PartyCode = Field(description="Id of the country it lies in (countries.yaml).")
    names: Names
    lat: float | None = Field(default=None, ge=-90, le=90,
                              description="Latitude in decimal degrees, as the source gives it; omitted when unknown.")
    lon: float | None = Field(default=None, ge=-180, le=180,
                              description="Longitude in decimal degrees, as the source gives it; omitted when unknown.")
    notes: Notes
    sources: SourceIds

    @model_validator(mode="after")
    def _both_coordinates_or_neither(self) -> Place:
        if (self.lat is None) != (self.lon is None):
            raise PydanticCustomError("half-coordinates", "give both `lat` and `lon`, or neither",
                                      {"field": "lon" if self.lon is None else "lat"})
        return self


class Format(Record):
    """A recurring mechanism of cooperation: five-party or "Central Asia Plus" with a partner."""

    id: RecordId
    name: NonEmptyText = Field(description="Name of the format as the dashboard shows it.")
    aliases: list[str] = Field(default_factory=list, description="Other names (C5+1, C+C5).")
    names: Names
    kind: Literal["five-party", "central-asia-plus"] = Field(
        description="five-party: the Central Asian states among themselves; central-asia-plus: with an outside partner.")
    partner: PartyCode | None = Field(
        default=None, description="For central-asia-plus formats: the outside partner (countries.yaml).")
    launched: PartialDate | None = Field(default=None, description="Date of the first meeting; null if unknown.")
    levels: list[Level] = Field(min_length=1, description="Levels at which the format meets.")
    secretariat: str | None = Field(default=None, description="Secretariat, if the format has one.")
    description: str | None = Field(default=None, description="One or two sentences on what it is.")
    notes: Notes
    sources: SourceIds

    @model_validator(mode="after")
    def _partner_matches_kind(self) -> Format:
        if self.kind == "central-asia-plus" and self.partner is None:
            raise PydanticCustomError("missing-partner", "a central-asia-plus format needs a `partner` code",
                                      {"field": "partner"})
        return self


class Document(Record):
    """A document adopted or signed at a meeting."""

    title: NonEmptyText = Field(description="Title of the document, as reported.")
    initiative: RecordId | None = Field(default=None, description="Id in initiatives.yaml, where it is one.")


class Meeting(Record):
    """One dated meeting of a format."""

    id: RecordId
    format: RecordId = Field(description="Id in formats.yaml.")
    number: int | None = Field(default=None, ge=1, description="Number in its series, where the sources give it.")
    title: NonEmptyText = Field(description="Name of the meeting, as the sources call it.")
    names: Names
    start: PartialDate | None = Field(description="First day, as precise as known; null when not yet set.")
    end: PartialDate | None = Field(default=None, description="Last day; omitted for one-day meetings.")
    city: RecordId | None = Field(default=None, description="Id in places.yaml; null for online or unknown.")
    country: PartyCode | None = Field(default=None, description="Host country; null when unknown.")
    online: bool = Field(default=False, description="True for a videoconference.")
    venue: str | None = Field(default=None, description="Building or venue, where reported.")
    level: Level = Field(description="Highest level of those who met.")
    status: Literal["held", "scheduled", "postponed", "cancelled"] = Field(
        description="held; scheduled (announced, not yet held); postponed; cancelled.")
    participants: list[str] = Field(default_factory=list, description="Who attended, as reported.")
    guests: list[str] = Field(default_factory=list, description="Guests from outside the format.")
    outcomes: list[str] = Field(default_factory=list, description="What was agreed or announced.")
    documents: list[Document] = Field(default_factory=list, description="Documents adopted or signed.")
    confidence: Confidence = Field(description="high: official or two agreeing sources; medium: one source; "
                                               "low: sources conflict or a key fact is inferred.")
    notes: Notes
    sources: SourceIds = Field(min_length=1, description=f"Ids in sources.yaml of the pages that state this "
                               f"meeting's date, place, level or status, best first; at most {MAX_MEETING_SOURCES}.")
    no_page_about_meeting: bool = Field(
        default=False, description="True when no page about this meeting itself was found and `sources` "
                                   "are the best pages about its format (shown with the meeting).")

    @model_validator(mode="after")
    def _few_sources(self) -> Meeting:
        if len(self.sources) > MAX_MEETING_SOURCES:
            raise PydanticCustomError(
                "too-many-sources", "cites {count} sources; cite at most {limit}, the pages that state this "
                "meeting's date, place, level or status", {"field": "sources", "count": len(self.sources),
                                                            "limit": MAX_MEETING_SOURCES})
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> Meeting:
        if self.start and self.end and parse_partial_date(self.end)[0] < parse_partial_date(self.start)[0]:
            raise PydanticCustomError("end-before-start", "`end` {end} is before `start` {start}",
                                      {"field": "end", "end": self.end, "start": self.start})
        return self


InitiativeStatus = Literal[
    "proposed", "negotiated", "adopted", "signed", "ratified", "in-force", "stalled", "update"]


class StatusStep(Record):
    """One dated step in an initiative's history."""

    date: PartialDate
    status: InitiativeStatus = Field(
        description="The status reached; 'update' is news that does not change the status.")
    description: NonEmptyText = Field(description="What happened at this step, paraphrased from the sources.")
    meeting: RecordId | None = Field(default=None, description="Id in meetings.yaml where it happened.")
    sources: SourceIds


class Initiative(Record):
    """A regional initiative, agreement or institution, with its dated status history."""

    id: RecordId
    name: NonEmptyText = Field(description="Name of the initiative as adopted or proposed.")
    aliases: list[str] = Field(default_factory=list, description="Other names and short names, searchable.")
    names: Names
    type: Literal["treaty", "concept", "roadmap", "declaration", "programme", "institution",
                  "un-resolution", "agreement", "other"] = Field(description="What kind of initiative it is.")
    proposed_by: list[PartyCode] = Field(default_factory=list, description="Countries that proposed it.")
    proposer: str | None = Field(default=None, description="Person who proposed it, as reported.")
    parties: list[PartyCode] = Field(default_factory=list, description="Countries that take part.")
    description: str | None = Field(default=None, description="One or two sentences on what it is.")
    status_history: list[StatusStep] = Field(min_length=1, description="Dated steps, oldest first.")
    confidence: Confidence = Field(description="How sure the record is: high, medium or low.")
    notes: Notes
    sources: SourceIds


TradeMeasure = Literal["intraregional-total", "bilateral", "country-with-region", "external", "target"]


class TradeObservation(Record):
    """One trade figure as one reporter stated it. Figures are never summed across reporters."""

    id: RecordId
    measure: TradeMeasure = Field(
        description="intraregional-total (among the five), bilateral (one pair), country-with-region "
                    "(one state with the other four), external (with an outside partner), target (an announced goal).")
    reporter: NonEmptyText = Field(description="Whose statistics these are, or who said it.")
    reporter_country: PartyCode | None = Field(
        default=None, description="Country whose agency or official reported it; null for others.")
    reporter_type: Literal["statistics", "government", "official-statement", "international-organization",
                           "media-or-analysis"] = \
        Field(description="Kind of reporter, the grade of the figure: a statistics or customs agency; a ministry, "
                          "the cabinet, a government press service or an embassy citing official data; an "
                          "official's (often rounded) statement; an international organisation; media and analysts.")
    partners: list[PartyCode] = Field(min_length=1, description="One side of the flow (for a pair, both).")
    counterparts: list[PartyCode] = Field(
        default_factory=list, description="The other side: the region for country-with-region, "
                                          "the outside partner's counterparts for external.")
    year: int | None = Field(default=None, ge=1991, le=2100,
                             description="Year the figure refers to; for a target, the year it names.")
    year_inferred: bool = Field(default=False, description="True when the source implies the year but does not state it.")
    period: NonEmptyText = Field(default="full year", description="'full year' or the months covered.")
    value_usd: float | None = Field(ge=0, description="Value in US dollars; null when the source gave none.")
    value_qualifier: Literal["exact", "over", "about", "under"] = Field(
        description="Whether the source said the value exactly, as a lower bound, roughly or as an upper bound.")
    value_as_stated: NonEmptyText = Field(description="The figure as the source words it.")
    growth_as_stated: str | None = Field(
        default=None, description="A growth claim made with the figure, in the source's words "
                                  "(e.g. 'up more than 80% in five years'); omitted when none was made.")
    growth_from_year: int | None = Field(
        default=None, ge=1991, le=2100,
        description="For a growth claim: the base year the statement gives or implies ('in five years' said of a "
                    "2023 figure: 2018); omitted when no growth is claimed.")
    growth_percent: float | None = Field(
        default=None, description="For a growth claim: the growth in percent as stated (80 for 'more than 80%'); "
                                  "omitted where the words give none ('doubled', or two levels).")
    covers: Literal["goods", "goods-and-services", "unknown"] = Field(
        default="unknown", description="What the figure counts, where the reporter's method is known.")
    statement_date: PartialDate | None = Field(description="When the figure was published or said.")
    meeting: RecordId | None = Field(default=None, description="Meeting where it was said (meetings.yaml).")
    confidence: Confidence = Field(description="high: official statistics with a named agency; medium: an official "
                                               "statement or one report; low: unclear year or weak source.")
    notes: Notes
    sources: SourceIds

    @model_validator(mode="after")
    def _shape_matches_measure(self) -> TradeObservation:
        if self.measure == "bilateral" and len(self.partners) != 2:
            raise PydanticCustomError("pair-needs-two", "a bilateral figure needs exactly two `partners`",
                                      {"field": "partners"})
        if self.measure != "target" and self.year is None:
            raise PydanticCustomError("missing-year", "an observation needs the `year` it refers to",
                                      {"field": "year"})
        return self


class TradeSeries(Record):
    """One row of a statistical table: one reporter's annual trade in one direction with one partner,
    as the table gives it (imported by a command, not typed: see README "Trade statistics")."""

    id: RecordId
    dataset: Literal["imf-dots"] = Field(description="imf-dots: IMF Direction of Trade Statistics.")
    reporter: PartyCode = Field(description="The economy whose statistics these are (countries.yaml).")
    partner: PartyCode = Field(description="The partner economy, or WLD for its trade with the world.")
    flow: Literal["exports", "imports"] = Field(
        description="exports: the reporter's exports to the partner (FOB); imports: from the partner (CIF).")
    unit: Literal["US$ million"] = Field(description="The unit of the values, as the table states it.")
    file: NonEmptyText = Field(description="The workbook the row is in (data/raw/imf-dots/).")
    sheet: NonEmptyText = Field(description="The sheet of the workbook.")
    row: int = Field(ge=1, description="The row of the sheet (1-based, as a spreadsheet numbers it).")
    first_year: int = Field(ge=1900, le=2100, description="The year of the first value.")
    values: list[float | None] = Field(
        min_length=1, description="One value per year from first_year on, exactly as the table gives it; "
                                  "null where the table has no figure (never zero).")
    estimated: list[int] = Field(default_factory=list,
                                 description="Years whose value the table marks as an estimate (a trailing ' e').")
    notes: Notes
    sources: SourceIds

    @model_validator(mode="after")
    def _estimates_have_values(self) -> TradeSeries:
        last = self.first_year + len(self.values) - 1
        stray = [year for year in self.estimated if not self.first_year <= year <= last
                 or self.values[year - self.first_year] is None]
        if stray:
            raise PydanticCustomError("estimate-without-value", "`estimated` names years without a value: {years}",
                                      {"field": "estimated", "years": stray})
        return self


class DatasetInfo(Record):
    """The dataset's own metadata (dataset.yaml)."""

    title: NonEmptyText = Field(description="Name of the dataset.")
    updated: PartialDate = Field(description="Date of the data's last change (YYYY-MM-DD).")
    licence: str | None = Field(default=None, description="Terms under which the compiled data may be reused.")
    description: str | None = Field(default=None, description="What the dataset holds.")


RECORD_MODELS: dict[str, type[Record]] = {
    "publishers": Publisher,
    "sources": Source,
    "countries": Country,
    "places": Place,
    "formats": Format,
    "meetings": Meeting,
    "initiatives": Initiative,
    "trade": TradeObservation,
    "trade_series": TradeSeries,
}
