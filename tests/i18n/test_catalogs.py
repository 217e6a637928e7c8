"""The catalogs: every string a page shows is in them, translated, not fuzzy, with its placeholders."""

from babel.messages.catalog import Catalog

from components.i18n import catalogs
from components.i18n.languages import LANGUAGES, SOURCE_LANGUAGE
from components.i18n.texts import _, language, ngettext


def test_the_catalogs_are_current_complete_and_compile(capsys):
    status = catalogs.main(["--check"])
    printed = capsys.readouterr().out
    assert status == 0, printed  # names each untranslated, fuzzy or stale entry


def test_a_catalog_with_an_untranslated_or_fuzzy_entry_or_changed_placeholders_is_reported():
    catalog = Catalog(locale="ru")
    catalog.add("Meetings", "")
    catalog.add("Formats", "Форматы", flags=["fuzzy"])
    catalog.add("{count} of {total} sources", "{count} из {всего} источников")
    catalog.add(("{count} meeting(s) match", "{count} meeting(s) match"), ("{count} встреча", "{count} встречи", ""))
    found = catalogs.problems("ru", catalog)
    assert any("'Meetings' is untranslated" in line for line in found)
    assert any("'Formats' is fuzzy" in line for line in found)
    assert any("'{count} of {total} sources': the translation's placeholders" in line for line in found)
    assert any("'{count} meeting(s) match' is untranslated" in line for line in found)


def test_every_declared_language_but_the_source_has_a_catalog():
    assert SOURCE_LANGUAGE in LANGUAGES
    for code in LANGUAGES:
        if code != SOURCE_LANGUAGE:
            assert catalogs.catalog_path(code).is_file(), code


def test_russian_plurals_take_three_forms_and_english_is_unchanged():
    message = "{count} meeting(s) match: {held} held, {upcoming} upcoming."

    def summary(count: int) -> str:
        return ngettext(message, message, count).format(count=count, held=count, upcoming=0)

    assert summary(5) == "5 meeting(s) match: 5 held, 0 upcoming."
    with language("ru"):
        forms = [summary(count) for count in (1, 2, 5, 11, 21, 22)]
        assert _("Meetings") == "Встречи"
    assert [form.split(":")[0] for form in forms] == [
        "Найдена 1 встреча", "Найдены 2 встречи", "Найдено 5 встреч", "Найдено 11 встреч", "Найдена 21 встреча",
        "Найдены 22 встречи"]
