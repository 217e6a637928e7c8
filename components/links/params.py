"""What a page's query string may hold, read off the page registry, and cleaning a query string. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.links.pages import DATA_VERSION, MAX_PARAM_LENGTH, SHARED_PARAMS, Param, page_at

Params = dict[str, list[str]]
MAX_IGNORED_NAMED = 10  # a notice names at most this many ignored items, then says how many more


@dataclass(frozen=True)
class ParamRule:
    """What one URL parameter may hold: one value, several, a (from, to) range, or free text."""

    shape: str  # "one", "many", "range", "text"
    allowed: frozenset[str] | None = None  # None: any value (text)
    max_length: int = MAX_PARAM_LENGTH
    pattern: re.Pattern | None = None  # the whole value must match it
    spellings: dict[str, str] | None = None  # other accepted values → the allowed value each stands for

    def fits(self, value: str) -> bool:
        return len(value) <= self.max_length and (self.pattern is None or self.pattern.fullmatch(value) is not None)


def _rule(param: Param, dataset: Dataset) -> ParamRule:
    pattern = re.compile(param.pattern) if param.pattern else None
    spellings = param.spellings(dataset) if param.spellings else None
    return ParamRule(param.shape, param.allowed_values(dataset), param.max_length, pattern, spellings)


@once_per_object
def build_param_rules(dataset: Dataset, url_path: str) -> dict[str, ParamRule]:
    """Every parameter the page at `url_path` reads (the shared filters, the data version and its own)
    and what it may hold."""
    params = [*SHARED_PARAMS.values(), DATA_VERSION, *page_at(url_path).params]
    return {param.name: _rule(param, dataset) for param in params}


def _valid_range(values: list[str], allowed: frozenset[str]) -> bool:
    if len(values) != 2 or not all(value in allowed for value in values):
        return False
    return int(values[0]) <= int(values[1])


def shorten(value: str) -> str:
    """A name or value as a notice quotes it: at most 40 characters."""
    return value if len(value) <= 40 else value[:37] + "…"


def sanitize_params(raw: Params, rules: dict[str, ParamRule]) -> tuple[Params, list[str]]:
    """Keep the valid part of a query string; list what was ignored as 'name=value', both shortened.

    Unknown names are dropped; a value that is not an option, an out-of-range or malformed range,
    a second value for a one-value parameter, a value that does not match the rule's pattern (the
    data version `v` is a date) and anything longer than the rule allows are dropped.
    """
    clean: Params = {}
    ignored: list[str] = []
    for key, values in raw.items():
        rule = rules.get(key)
        kept = _kept_values(values, rule) if rule else []
        spelled = (rule.spellings or {}) if rule else {}
        ignored += [f"{shorten(key)}={shorten(value)}" for value in values or [""]
                    if spelled.get(value, value) not in kept or not rule]
        if kept:
            clean[key] = kept
    return clean, ignored


def name_ignored(ignored: list[str]) -> tuple[list[str], int]:
    """The ignored items a notice names (the first MAX_IGNORED_NAMED) and how many more there were."""
    return ignored[:MAX_IGNORED_NAMED], max(0, len(ignored) - MAX_IGNORED_NAMED)


def _kept_values(values: list[str], rule: ParamRule) -> list[str]:
    fitting = [(rule.spellings or {}).get(value, value) for value in values if rule.fits(value)]
    if rule.shape == "text":
        return fitting[-1:]
    if rule.shape == "range":
        return fitting if rule.allowed is not None and _valid_range(fitting, rule.allowed) else []
    valid = [value for value in fitting if rule.allowed is None or value in rule.allowed]
    return valid[:1] if rule.shape == "one" else list(dict.fromkeys(valid))
