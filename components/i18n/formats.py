"""Names, dates and numbers as the current language's readers write them (CLDR, through Babel).

English keeps the dashboard's own forms ('9 Aug 2024', '1,234.5'); other languages take CLDR's
('16 ноября 2025 г.', '1 234,5'). Country names come from CLDR by ISO code (pycountry maps the
three-letter codes of the data to CLDR's two-letter ones); a name CLDR lacks stays as the data gives it.
"""

from __future__ import annotations

import datetime as dt
import functools

from components.i18n.texts import SOURCE_LANGUAGE, current_language


def is_source_language() -> bool:
    return current_language() == SOURCE_LANGUAGE


@functools.cache
def _territory_names(code: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(code).territories)


# Codes of the data that are not ISO countries but are CLDR regions.
_CLDR_REGIONS = {"EU": "EU", "EUU": "EU", "WLD": "001"}


@functools.cache
def _alpha2(alpha3: str) -> str | None:
    import pycountry

    if alpha3 in _CLDR_REGIONS:
        return _CLDR_REGIONS[alpha3]
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None


def country_name(alpha3: str, name: str) -> str:
    """The country's name in the current language (CLDR); `name`, the data's, where CLDR has none."""
    if is_source_language():
        return name
    alpha2 = _alpha2(str(alpha3))
    return _territory_names(current_language()).get(alpha2, name) if alpha2 else name


def format_day(day: dt.date) -> str:
    """'9 Aug 2024'; '16 ноября 2025 г.'."""
    if is_source_language():
        return f"{day.day} {day.strftime('%b')} {day.year}"
    from babel.dates import format_date

    return format_date(day, format="long", locale=current_language())


def format_month(day: dt.date) -> str:
    """'Dec 2016'; 'декабрь 2016'."""
    if is_source_language():
        return f"{day.strftime('%b')} {day.year}"
    from babel.dates import format_date

    return format_date(day, format="LLLL y", locale=current_language())


def format_number(value: float, digits: int = 0) -> str:
    """'1,234.5'; '1 234,5' (grouping and decimal sign of the language)."""
    if is_source_language():
        return f"{value:,.{digits}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=current_language())
