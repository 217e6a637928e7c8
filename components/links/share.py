"""Shareable views: the link, the citation text, and which URL parameters were ignored. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from components.settings import DASHBOARD_TITLE

DATA_VERSION_PARAM = "v"
MAX_PARAM_LENGTH = 200
Params = dict[str, list[str]]


def build_share_url(page_url: str, params: Params, data_version: str) -> str:
    """The page URL with the view's parameters (defaults left out) and the data version last."""
    pairs = [(key, value) for key, values in params.items() if key != DATA_VERSION_PARAM for value in values]
    pairs.append((DATA_VERSION_PARAM, data_version))
    return f"{page_url}?{urlencode(pairs)}"


def build_citation(page_title: str, view: str, url: str, updated: str, accessed: dt.date) -> str:
    """'Central Asia Cooperation Dashboard, "Trade: Bilateral trade, KAZ–UZB, 2018–2024". URL. Data of … Accessed ….'"""
    title = f"{page_title}: {view}" if view else page_title
    return (f"{DASHBOARD_TITLE}, “{title}”. {url}. Data last changed {updated}; "
            f"accessed {accessed.isoformat()}.")


def find_ignored_params(raw: Params, accepted: Params, known: set[str]) -> list[str]:
    """'key=value' for each parameter value the view did not use: unknown names, invalid values.

    `raw` is the query string as it arrived, `accepted` what the page's widgets took from it,
    `known` the parameter names the page (and the frame) understand.
    """
    ignored = []
    for key, values in raw.items():
        if key not in known:
            ignored += [f"{key}={_shorten(value)}" for value in values or [""]]
            continue
        kept = set(accepted.get(key, []))
        ignored += [f"{key}={_shorten(value)}" for value in values if value not in kept]
    return ignored


def _shorten(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "…"


def is_stale(link_version: str | None, data_version: str) -> bool:
    """True when the link was made with an older version of the data."""
    return bool(link_version) and link_version != data_version


@dataclass(frozen=True)
class ParamRule:
    """What one URL parameter may hold: one value, several, a (from, to) range, or free text."""

    shape: str  # "one", "many", "range", "text"
    allowed: frozenset[str] | None = None  # None: any value (text)
    max_length: int = MAX_PARAM_LENGTH


def _valid_range(values: list[str], allowed: frozenset[str]) -> bool:
    if len(values) != 2 or not all(value in allowed for value in values):
        return False
    return int(values[0]) <= int(values[1])


def sanitize_params(raw: Params, rules: dict[str, ParamRule]) -> tuple[Params, list[str]]:
    """Keep the valid part of a query string; list what was ignored as 'name=value'.

    Unknown names are dropped (the data version `v` is kept); a value that is not an option, an
    out-of-range or malformed range, a second value for a one-value parameter, and anything
    longer than the rule allows are dropped.
    """
    clean: Params = {}
    ignored: list[str] = []
    for key, values in raw.items():
        if key == DATA_VERSION_PARAM:
            clean[key] = values[-1:]
            continue
        rule = rules.get(key)
        if rule is None:
            ignored += [f"{key}={_shorten(value)}" for value in values or [""]]
            continue
        kept = _kept_values(values, rule)
        ignored += [f"{key}={_shorten(value)}" for value in values if value not in kept]
        if kept:
            clean[key] = kept
    return clean, ignored


def _kept_values(values: list[str], rule: ParamRule) -> list[str]:
    fitting = [value for value in values if len(value) <= rule.max_length]
    if rule.shape == "text":
        return fitting[-1:]
    if rule.shape == "range":
        return fitting if rule.allowed is not None and _valid_range(fitting, rule.allowed) else []
    valid = [value for value in fitting if rule.allowed is None or value in rule.allowed]
    return valid[:1] if rule.shape == "one" else list(dict.fromkeys(valid))
