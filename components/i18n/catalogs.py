"""Manage the translation catalogs, in one command: python -m components.i18n.catalogs

Extracts every marked string (`_`, `N_`, `ngettext`, `pgettext`) from dashboard.py, pages/ and
components/ into locales/messages.pot; updates each language's locales/<code>/LC_MESSAGES/messages.po
from it (new strings added untranslated, strings no longer in the code dropped); compiles each to
check it; and lists what is untranslated or fuzzy. Exit status 1 with --check when anything is
untranslated, fuzzy, stale (the .pot or a .po differs from what the code gives) or does not compile.
`--add <code>` starts the catalog of a language declared in components/i18n/languages.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from components.i18n.languages import LANGUAGES, SOURCE_LANGUAGE
from components.i18n.texts import DOMAIN, LOCALES_DIR, catalog_path

PROJECT_DIR = LOCALES_DIR.parent
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"
SCANNED = ("dashboard.py", "pages", "components")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NC_": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
# Fixed dates: the files change only when the strings do (so --check can compare them byte for byte).
FIXED_DATE = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)
HEADER = {"project": "Central Asia Cooperation Dashboard", "version": "1", "msgid_bugs_address": "",
          "copyright_holder": "", "charset": "utf-8", "creation_date": FIXED_DATE, "revision_date": FIXED_DATE,
          "last_translator": "the dashboard's maintainers", "language_team": "the dashboard's maintainers"}


def extract() -> Catalog:
    """Every marked string of the code, with where it is used."""
    template = Catalog(**HEADER, fuzzy=False)
    for name in SCANNED:
        path = PROJECT_DIR / name
        if path.is_file():
            found = extract_from_dir(PROJECT_DIR, method_map=[(name, "python")], keywords=KEYWORDS,
                                     comment_tags=("Translators:",), strip_comment_tags=True)
        else:
            found = ((f"{name}/{filename}", lineno, message, comments, context)
                     for filename, lineno, message, comments, context in extract_from_dir(
                         path, method_map=[("**.py", "python")], keywords=KEYWORDS,
                         comment_tags=("Translators:",), strip_comment_tags=True))
        for filename, lineno, message, comments, context in found:
            template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, omit_header=False, include_lineno=False)
    return out.getvalue()


def read_catalog(code: str) -> Catalog:
    with catalog_path(code).open("rb") as po_file:
        return read_po(po_file, locale=code, domain=DOMAIN)


def updated_catalog(code: str, template: Catalog) -> Catalog:
    """The language's catalog brought in line with the code's strings (no fuzzy guesses are made)."""
    catalog = read_catalog(code) if catalog_path(code).exists() else Catalog(locale=code, **HEADER, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = FIXED_DATE
    return catalog


def problems(code: str, catalog: Catalog) -> list[str]:
    """What a reader of `code` would meet in English or broken: untranslated, fuzzy, placeholders changed."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        where = f"{code}: {ids[0]!r}"
        if message.fuzzy:
            found.append(f"{where} is fuzzy")
        if not all(strings) or len(strings) < (catalog.num_plurals if message.pluralizable else 1):
            found.append(f"{where} is untranslated")
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) - wanted or (not message.pluralizable and
                                                               set(PLACEHOLDER.findall(string)) != wanted):
                found.append(f"{where}: the translation's placeholders {sorted(set(PLACEHOLDER.findall(string)))} "
                             f"differ from {sorted(wanted)}")
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as error:  # noqa: BLE001 (reported, not raised)
        found.append(f"{code}: does not compile: {error}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of date")
    parser.add_argument("--add", metavar="CODE", help="start the catalog of a language of languages.py")
    args = parser.parse_args(argv)
    template = extract()
    codes = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
    if args.add:
        if args.add not in LANGUAGES:
            print(f"{args.add} is not in components/i18n/languages.py: declare it there first", file=sys.stderr)
            return 2
        codes = [args.add]
    found: list[str] = []
    if args.check and (not TEMPLATE.exists() or TEMPLATE.read_bytes() != _po_text(template)):
        found.append(f"{TEMPLATE.relative_to(PROJECT_DIR)} is stale: run python -m components.i18n.catalogs")
    elif not args.check:
        TEMPLATE.write_bytes(_po_text(template))
    for code in codes:
        catalog = updated_catalog(code, template)
        path = catalog_path(code)
        if args.check:
            if not path.exists() or path.read_bytes() != _po_text(catalog):
                found.append(f"{path.relative_to(PROJECT_DIR)} is stale: run python -m components.i18n.catalogs")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_po_text(catalog))
        found += problems(code, catalog)
    print(f"{len(template)} strings; languages: {', '.join(codes)}")
    for line in found:
        print(line)
    return 1 if found and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
