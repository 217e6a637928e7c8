"""The current language and its catalog: `_` (gettext), `ngettext`, and `N_` to mark a string that is
translated later, where it is shown (vocabulary labels, page titles).

The language is set once per script run by the page frame (`use_language`), or for a block of code
with `with language("ru"):` (tests, exports). It lives in a context variable, so each session's run
(its own thread) has its own. Caches of built views include it in their keys (components/data/memo.py).

Catalogs are the .po files under locales/, compiled in memory the first time a language is used
(Babel): no compiled file is committed or edited by hand. Managing them: python -m components.i18n.catalogs.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from components.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES, SOURCE_LANGUAGE

LOCALES_DIR = Path(__file__).resolve().parent.parent.parent / "locales"
DOMAIN = "messages"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("interface_language", default=DEFAULT_LANGUAGE)


def catalog_path(code: str) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """The language's catalog, compiled from its .po file (the source language needs none)."""
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(code).open("rb") as po_file:
        catalog = read_po(po_file, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def current_language() -> str:
    return _current.get()


def use_language(code: str) -> None:
    """The language of the rest of this run (an unknown code: the default)."""
    _current.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)


@contextlib.contextmanager
def language(code: str) -> Iterator[None]:
    """`with language("ru"):` the code inside speaks Russian."""
    token = _current.set(code if code in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _current.reset(token)


def speaking(function: Callable[[object], str]) -> Callable[[object], str]:
    """`function` bound to the current language: Streamlit calls a widget's format_func again when it reads
    the value the browser sent, before the page sets the run's language; unbound, the labels would come
    out in the default language, match none of the options, and the choice would be lost."""
    code = _current.get()

    @functools.wraps(function)
    def in_language(value: object) -> str:
        with language(code):
            return function(value)
    return in_language


def _(message: str) -> str:
    """The message in the current language."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of the message for `count` in the current language (Russian has three)."""
    return translations(_current.get()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """The message in the current language, told apart from the same English words by `context`."""
    return translations(_current.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for the catalog without translating it here; translate it where it is shown."""
    return message


def NC_(context: str, message: str) -> str:
    """N_ with a context: translate it where it is shown with pgettext(context, message)."""
    return message
