"""The registry of pages: each page and each URL parameter declared once. Pure.

Navigation (dashboard.py), URL sanitising (links.params), the README's parameter tables
(components.url_docs), the Share link (ui.share), the sidebar's greyed-out filters, and the page
lists of tests and benchmarks all read this declaration. A new page is one `PageSpec` here, one
file in pages/ and its tests.

URL paths and parameter names are a public contract: links people have sent use them, so a name
is never renamed or reused. Parameters hold short codes: record ids, ISO codes, the schema's codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from components.data.dataset import Dataset
from components.data.vocabulary import (
    FORMAT_KINDS,
    INITIATIVE_CURRENT_STATUSES,
    MEETING_LEVELS,
    MEETING_STATUSES,
    PUBLISHER_KINDS,
)
from components.domain import choices, trade_aggregates
from components.domain import trade as tr
from components.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES
from components.i18n.texts import N_
from components.settings import DASHBOARD_TITLE

Shape = Literal["one", "many", "range", "text"]
AllowedValues = Callable[[Dataset], Iterable[object]]
Span = Callable[[Dataset], tuple[int, int] | None]
MAX_PARAM_LENGTH = 200
DATA_VERSION_PARAM = "v"


@dataclass(frozen=True)
class Param:
    """One URL parameter: what it may hold, its default and its line in the README."""

    name: str
    shape: Shape
    holds: str  # one line of documentation: what the value means
    example: str  # an example query string for the README, e.g. "level=heads-of-state"
    allowed: AllowedValues | None = None  # values from the data; None with no codes: free text
    codes: tuple[str, ...] = ()  # or a fixed list of codes (a vocabulary's), listed in the README
    default: Callable[[Dataset], object] | None = None  # None: empty (all, no choice)
    max_length: int = MAX_PARAM_LENGTH
    span: Span | None = None  # or a range's first and last value (its control's ends): every integer between
    spellings: Callable[[Dataset], dict[str, str]] | None = None  # other accepted values → the value they stand for
    pattern: str | None = None  # a regular expression the whole value must match (checked with the length)

    def allowed_values(self, dataset: Dataset) -> frozenset[str] | None:
        if self.codes:
            return frozenset(self.codes)
        if self.span is not None:
            ends = self.span(dataset)
            return frozenset(str(value) for value in range(ends[0], ends[1] + 1)) if ends else frozenset()
        return None if self.allowed is None else frozenset(str(value) for value in self.allowed(dataset))

    def default_value(self, dataset: Dataset) -> object:
        return None if self.default is None else self.default(dataset)


@dataclass(frozen=True)
class PageSpec:
    """One page: its file, address, navigation entry, heading, shared filters and parameters."""

    file: str
    url_path: str  # "" for the default page, served at /
    title: str  # navigation entry, browser tab, citation (marked N_, shown as _(title))
    icon: str
    heading: str
    filters: frozenset[str] = frozenset()  # which shared filters (SHARED_PARAMS) change this page
    params: tuple[Param, ...] = ()
    by_name: dict[str, Param] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {param.name: param for param in self.params})

    @property
    def address(self) -> str:
        return f"/{self.url_path}"

    def param(self, name: str) -> Param:
        """The page's own parameter or a shared filter (which every page's link carries)."""
        if name in self.by_name:
            return self.by_name[name]
        if name in SHARED_PARAMS:
            return SHARED_PARAMS[name]
        raise KeyError(f"{self.file} declares no URL parameter `{name}` (components/links/pages.py)")


def _year_span(dataset: Dataset) -> tuple[int, int] | None:
    """The first and last year with data: the years slider's ends (every year between is on it)."""
    years = choices.list_dataset_years(dataset)
    return (years[0], years[-1]) if years else None


LANGUAGE_PARAM = "lang"
SHARED_PARAMS: dict[str, Param] = {param.name: param for param in (
    Param(LANGUAGE_PARAM, "one", "the language of the page (the link opens in the language it was made in)", "lang=ru",
          codes=tuple(LANGUAGES), default=lambda dataset: DEFAULT_LANGUAGE),
    Param("years", "range", "first and last year", "years=2018&years=2024", span=_year_span, default=_year_span),
    Param("countries", "many", "country names: the host of a meeting, a party to an initiative, a country "
          "trading with the region (in the link's language; a name in another language of the dashboard is "
          "read as the same country)", "countries=Kazakhstan&countries=Uzbekistan",
          allowed=lambda dataset: choices.country_names(dataset).values(), spellings=choices.country_spellings),
)}
DATA_VERSION = Param(DATA_VERSION_PARAM, "one", "the data version the link was made with, the date of the data's last "
                     "change (written by the Share control)", "v=2026-11-25", max_length=10,
                     pattern=r"[0-9]{4}(-[0-9]{2}){0,2}")  # a partial date, as dataset.yaml's `updated`

# The trade page's views: URL code → label.
TRADE_TABS = {"total": N_("Intraregional total"), "share": N_("Share of total trade"), "pairs": N_("Country pairs"),
              "countries": N_("Each country with the region"), "claims": N_("Claims and statistics"),
              "targets": N_("Targets"), "external": N_("Outside partners")}


def _ids(table: str) -> AllowedValues:
    return lambda dataset: getattr(dataset, table)["id"].astype(str).tolist()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "", N_("Overview"), ":material/dashboard:", DASHBOARD_TITLE),
    PageSpec("pages/trade.py", "trade", N_("Trade"), ":material/bar_chart:", N_("Intraregional trade"),
             frozenset({"years", "countries"}), (
                 Param("tab", "one", "the view", "tab=pairs", codes=tuple(TRADE_TABS),
                       default=lambda dataset: "total"),
                 Param("reporter", "one", "the reporter whose intraregional figures are drawn as a line",
                       "reporter=Kassym-Jomart+Tokayev%2C+President+of+Kazakhstan+(article+in+Kazakhstanskaya+Pravda)",
                       allowed=trade_aggregates.series_reporters),
                 Param("year", "one", "the year of the country-pair matrix (statistics to 2020, national figures "
                       "after)", "year=2019", allowed=trade_aggregates.matrix_years,
                       default=trade_aggregates.default_year),
                 Param("pair", "one", "the country pair of the time series (ISO codes with an en dash)",
                       "pair=KAZ–UZB", allowed=lambda dataset: tr.list_pairs(),
                       default=lambda dataset: tr.list_pairs()[0]),
                 Param("partner", "one", "the outside partner of the partners view, by code", "partner=RUS",
                       allowed=trade_aggregates.statistics_partners, default=trade_aggregates.default_partner),
             )),
    PageSpec("pages/meetings.py", "meetings", N_("Meetings"), ":material/event:", N_("Meetings"),
             frozenset({"years", "countries"}), (
                 Param("q", "text", "search text", "q=Nur-Sultan"),
                 Param("kind", "many", "kind of format", "kind=central-asia-plus", codes=tuple(FORMAT_KINDS)),
                 Param("formats", "many", "formats by record id", "formats=consultative-meeting&formats=c5-usa",
                       allowed=_ids("formats")),
                 Param("partner", "many", "outside partners by code", "partner=CHN", allowed=choices.meeting_partners),
                 Param("level", "many", "level", "level=heads-of-state", codes=tuple(MEETING_LEVELS)),
                 Param("status", "many", "status", "status=scheduled", codes=tuple(MEETING_STATUSES)),
                 Param("meeting", "one", "the meeting open in the detail view, by record id",
                       "meeting=ca-cm-2025-11-tashkent", allowed=_ids("meetings")),
             )),
    PageSpec("pages/formats.py", "formats", N_("Formats"), ":material/hub:", N_("Formats"), frozenset({"years"}), (
        Param("kind", "one", "kind of format", "kind=five-party", codes=tuple(FORMAT_KINDS)),
        Param("format", "one", "the format open below the grid, by record id", "format=consultative-meeting",
              allowed=_ids("formats")),
    )),
    PageSpec("pages/initiatives.py", "initiatives", N_("Initiatives"), ":material/flag:", N_("Initiatives"),
             frozenset({"countries"}), (
                 Param("q", "text", "search text", "q=water"),
                 Param("type", "many", "initiative types", "type=treaty", allowed=choices.initiative_types),
                 Param("status", "many", "current status", "status=in-force",
                       codes=tuple(INITIATIVE_CURRENT_STATUSES)),
                 Param("proposer", "many", "proposing countries by ISO code", "proposer=UZB",
                       allowed=choices.initiative_proposers),
                 Param("initiative", "one", "the initiative open in the detail view, by record id",
                       "initiative=central-asia-2040", allowed=_ids("initiatives")),
             )),
    PageSpec("pages/sources.py", "sources", N_("Sources"), ":material/menu_book:", N_("Sources"), frozenset(), (
        Param("q", "text", "search text (publisher, title, address)", "q=kabar"),
        Param("publisher", "many", "publishers by record id (data/publishers.yaml)", "publisher=kazinform",
              allowed=choices.source_publishers),
        Param("kind", "many", "kinds of publisher", "kind=government", codes=tuple(PUBLISHER_KINDS)),
    )),
)
PAGE_AT: dict[str, PageSpec] = {page.url_path: page for page in PAGES}
DEFAULT_PAGE = PAGE_AT[""]


def page_at(url_path: str) -> PageSpec:
    """The page served at `url_path` ('' or an unknown path: the default page)."""
    return PAGE_AT.get(url_path, DEFAULT_PAGE)


def pages_with_filter(name: str) -> list[PageSpec]:
    """The pages a shared filter changes, in navigation order."""
    return [page for page in PAGES if name in page.filters]
