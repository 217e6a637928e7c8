"""The languages the dashboard is offered in, declared once: the `lang` URL parameter, the sidebar's
switch, the catalogs (locales/<code>/LC_MESSAGES/messages.po) and the tests read this.

A language is added by a line here, a catalog (python -m components.i18n.catalogs --add <code>) and,
where pages in that language give them, names of records in data/ (`names: {<code>: …}`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: the URL value, the catalog's folder, Babel's locale
    own_name: str  # as its readers write it, in the switch


LANGUAGES: dict[str, Language] = {language.code: language for language in (
    Language("en", "English"),
    Language("ru", "Русский"),
)}
SOURCE_LANGUAGE = "en"  # the language the code's strings are written in (the catalogs' msgids)
DEFAULT_LANGUAGE = "en"
