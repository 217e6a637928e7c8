"""Records' names in the reader's language: the sourced name where the data has one, else the English."""

from components.data.dataset import load_dataset
from components.domain.choices import format_names
from components.domain.names import id_to_name, localize_meetings, name_in_language
from components.i18n.texts import language
from components.settings import DEFAULT_DATA_DIR

NAMES = {"ru": {"name": "вторая встреча министров", "sources": ["src"], "aliases": []}}


def test_a_sourced_name_is_shown_in_its_language_capitalised_and_the_english_elsewhere():
    assert name_in_language(NAMES, "Second ministers' meeting") == "Second ministers' meeting"
    with language("ru"):
        assert name_in_language(NAMES, "Second ministers' meeting") == "Вторая встреча министров"
        assert name_in_language({}, "Second ministers' meeting") == "Second ministers' meeting"  # none: English
        assert name_in_language(None, "x") == "x"


def test_the_bundled_data_names_the_consultative_meetings_format_in_russian_from_its_page():
    dataset = load_dataset(DEFAULT_DATA_DIR)
    assert format_names(dataset)["consultative-meeting"] == "Consultative Meetings of the Heads of State of Central Asia"
    with language("ru"):
        assert format_names(dataset)["consultative-meeting"] == "Консультативная встреча глав государств Центральной Азии"
        places = id_to_name(dataset.places)
        assert places["astana"] == "Астана" and places["almaty"] == "Алматы"


def test_meetings_are_shown_with_russian_place_and_country_names_and_search_finds_the_old_name():
    dataset = load_dataset(DEFAULT_DATA_DIR)
    shown = dataset.meetings[dataset.meetings["city"] == "astana"].head(1)
    with language("ru"):
        local = localize_meetings(shown, dataset.formats, dataset.places, {"KAZ": "Казахстан"})
    assert local["city_name"].tolist() == ["Астана"] and local["country_name"].tolist() == ["Казахстан"]
    assert shown["city_name"].tolist() == ["Astana"]  # the English frame is left as it was
    assert dataset.meetings["search_text"].str.contains("нур-султан").any()
