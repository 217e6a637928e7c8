"""The URL contract: which query parameters each page reads, and what each may hold. Pure.

Names are public: links people have sent use them, so a name is never renamed or reused.
Page parameters hold short codes: record ids (a meeting, a format), ISO codes (a partner), the
schema's own codes (a level, a status). `years` and `countries` are shared: set in the sidebar,
they follow the user from page to page; `countries` holds country names, as Streamlit's own
binding writes the label the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.domain import initiatives as ini
from components.domain import meetings as mt
from components.domain import trade as tr
from components.domain import trade_aggregates as trade_views
from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.links.share import ParamRule

SHARED_PARAMS = ("years", "countries")
# The trade page's views: URL code → label.
TRADE_VIEWS = {"total": "Intraregional total", "pairs": "Country pairs", "countries": "Each country with the region",
               "targets": "Targets", "external": "Outside partners"}
DEFAULT_VIEW = "total"
# Which pages the shared filters change (url_path; "" is the overview).
YEARS_APPLY_TO = ("trade", "meetings", "formats")
COUNTRIES_APPLY_TO = ("trade", "meetings", "initiatives")


@dataclass(frozen=True)
class ParamDoc:
    """One parameter as the README documents it."""

    name: str
    meaning: str
    example: str


@once_per_object
def list_dataset_years(dataset: Dataset) -> list[int]:
    """Every year with a trade figure, a dated meeting or a dated initiative step: the years filter's span."""
    years = set(tr.observation_years(dataset.trade))
    years |= {int(year) for year in dataset.meetings["year"].dropna()}
    years |= {int(date.year) for date in dataset.initiative_steps["date"].dropna()}
    return sorted(years)


@once_per_object
def country_names(dataset: Dataset) -> dict[str, str]:
    """Code → name for every country and organisation in the data."""
    return dict(zip(dataset.countries["id"].astype(str), dataset.countries["name"]))


def format_names(formats: pd.DataFrame) -> dict[str, str]:
    return dict(zip(formats["id"].astype(str), formats["name"]))


def _years_rule(years: list[int]) -> ParamRule:
    return ParamRule("range", frozenset(map(str, years)))


def build_shared_rules(dataset: Dataset) -> dict[str, ParamRule]:
    return {"years": _years_rule(list_dataset_years(dataset)),
            "countries": ParamRule("many", frozenset(country_names(dataset).values()))}


def _trade_rules(dataset: Dataset) -> dict[str, ParamRule]:
    return {"tab": ParamRule("one", frozenset(TRADE_VIEWS)),
            "reporter": ParamRule("one", frozenset(trade_views.series_reporters(dataset))),
            "year": ParamRule("one", frozenset(map(str, trade_views.pair_matrix_years(dataset)))),
            "pair": ParamRule("one", frozenset(tr.list_pairs()))}


def meeting_partners(formats: pd.DataFrame) -> list[str]:
    return sorted(formats["partner"].dropna().astype(str).unique())


def _meetings_rules(dataset: Dataset) -> dict[str, ParamRule]:
    return {"q": ParamRule("text"),
            "kind": ParamRule("many", frozenset(mt.KIND_LABELS)),
            "formats": ParamRule("many", frozenset(dataset.formats["id"].astype(str))),
            "partner": ParamRule("many", frozenset(meeting_partners(dataset.formats))),
            "level": ParamRule("many", frozenset(mt.LEVELS)),
            "status": ParamRule("many", frozenset(mt.STATUSES)),
            "meeting": ParamRule("one", frozenset(dataset.meetings["id"].astype(str)))}


def _formats_rules(dataset: Dataset) -> dict[str, ParamRule]:
    return {"kind": ParamRule("one", frozenset(mt.KIND_LABELS)),
            "format": ParamRule("one", frozenset(dataset.formats["id"].astype(str)))}


def initiative_proposers(initiatives: pd.DataFrame) -> list[str]:
    return sorted({code for codes in initiatives["proposed_by"] for code in codes})


def _initiatives_rules(dataset: Dataset) -> dict[str, ParamRule]:
    initiatives = dataset.initiatives
    return {"q": ParamRule("text"),
            "type": ParamRule("many", frozenset(initiatives["type"].astype(str))),
            "status": ParamRule("many", frozenset(ini.STATUS_ORDER)),
            "proposer": ParamRule("many", frozenset(initiative_proposers(initiatives))),
            "initiative": ParamRule("one", frozenset(initiatives["id"].astype(str)))}


_PAGE_RULES = {"": lambda dataset: {}, "trade": _trade_rules, "meetings": _meetings_rules,
               "formats": _formats_rules, "initiatives": _initiatives_rules,
               "sources": lambda dataset: {"q": ParamRule("text")}}


@once_per_object
def build_param_rules(dataset: Dataset, url_path: str) -> dict[str, ParamRule]:
    """Every parameter the page at `url_path` reads (its own and the shared ones) and what it may hold."""
    page_rules = _PAGE_RULES.get(url_path, lambda dataset: {})(dataset)
    return {**build_shared_rules(dataset), **page_rules}


PARAM_DOCS: dict[str, list[ParamDoc]] = {
    "every page": [
        ParamDoc("years", "first and last year, given twice (sidebar; trade, meetings and formats)",
                 "years=2018&years=2024"),
        ParamDoc("countries", "country names, repeated (sidebar; meetings: host, initiatives: party, "
                              "trade: each country with the region)", "countries=Kazakhstan&countries=Uzbekistan"),
        ParamDoc("v", "the data version the link was made with (written by the Share control)", "v=2026-11-25"),
    ],
    "/trade": [
        ParamDoc("tab", "the view: total, pairs, countries, targets or external", "tab=pairs"),
        ParamDoc("reporter", "the reporter whose intraregional figures are drawn as a line",
                 "reporter=Kassym-Jomart+Tokayev%2C+President+of+Kazakhstan+(article+in+Kazakhstanskaya+Pravda)"),
        ParamDoc("year", "the year of the country-pair matrix", "year=2023"),
        ParamDoc("pair", "the country pair of the time series (ISO codes with an en dash)", "pair=KAZ–UZB"),
    ],
    "/meetings": [
        ParamDoc("q", "search text", "q=Nur-Sultan"),
        ParamDoc("kind", "five-party or central-asia-plus, repeated", "kind=central-asia-plus"),
        ParamDoc("formats", "formats by record id, repeated", "formats=consultative-meeting&formats=c5-usa"),
        ParamDoc("partner", "outside partners by code, repeated", "partner=CHN"),
        ParamDoc("level", "heads-of-state, ministers, deputy-ministers, officials, parliament or other, repeated",
                 "level=heads-of-state"),
        ParamDoc("status", "held, scheduled, postponed or cancelled, repeated", "status=scheduled"),
        ParamDoc("meeting", "the meeting open in the detail view, by record id", "meeting=ca-cm-2025-11-tashkent"),
    ],
    "/formats": [
        ParamDoc("kind", "five-party or central-asia-plus", "kind=five-party"),
        ParamDoc("format", "the format open below the grid, by record id", "format=consultative-meeting"),
    ],
    "/initiatives": [
        ParamDoc("q", "search text", "q=water"),
        ParamDoc("type", "initiative types, repeated", "type=treaty"),
        ParamDoc("status", "current status (proposed, negotiated, adopted, signed, ratified, in-force, stalled), "
                           "repeated", "status=in-force"),
        ParamDoc("proposer", "proposing countries by ISO code, repeated", "proposer=UZB"),
        ParamDoc("initiative", "the initiative open in the detail view, by record id", "initiative=central-asia-2040"),
    ],
    "/sources": [ParamDoc("q", "search text", "q=kabar")],
}
