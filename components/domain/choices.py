"""What the controls offer, derived from the whole dataset once per loaded dataset (read-only)."""

from __future__ import annotations

from components.i18n.formats import country_name
from components.i18n.languages import LANGUAGES
from components.i18n.texts import language
from components.data.dataset import Dataset
from components.data.memo import once_per_object
from components.data.vocabulary import INITIATIVE_CURRENT_STATUSES
from components.domain import trade as tr
from components.domain.names import id_to_name


@once_per_object
def list_dataset_years(dataset: Dataset) -> list[int]:
    """Every year with a trade figure or statistic, a dated meeting or a dated initiative step: the years
    filter's span."""
    years = set(tr.observation_years(dataset.trade)) | set(dataset.trade_series["year"].tolist())
    years |= {int(year) for year in dataset.meetings["year"].dropna()}
    years |= {int(date.year) for date in dataset.initiative_steps["date"].dropna()}
    return sorted(years)


@once_per_object
def country_names(dataset: Dataset) -> dict[str, str]:
    """Code → name for every country and organisation in the data, in the current language (CLDR's name;
    the data's where CLDR has none)."""
    return {code: country_name(code, name)
            for code, name in zip(dataset.countries["id"].astype(str), dataset.countries["name"])}


@once_per_object
def country_spellings(dataset: Dataset) -> dict[str, str]:
    """A country's name in any language of the interface → its name in the current one: a link made in one
    language (countries=Казахстан) opens in another with the same countries."""
    current = country_names(dataset)
    spellings = {}
    for code in LANGUAGES:
        with language(code):
            spellings.update({name: current[country] for country, name in country_names(dataset).items()})
    return spellings


@once_per_object
def format_names(dataset: Dataset) -> dict[str, str]:
    """Format id → name in the current language, in the file's order."""
    return id_to_name(dataset.formats)


@once_per_object
def meeting_partners(dataset: Dataset) -> list[str]:
    """The outside partners of the Central Asia Plus formats, by code."""
    return sorted(dataset.formats["partner"].dropna().astype(str).unique())


@once_per_object
def initiative_proposers(dataset: Dataset) -> list[str]:
    """Every country that proposed an initiative, by code."""
    return sorted({code for codes in dataset.initiatives["proposed_by"] for code in codes})


@once_per_object
def initiative_types(dataset: Dataset) -> list[str]:
    """The initiative types the data uses."""
    return sorted(dataset.initiatives["type"].astype(str).unique())


@once_per_object
def initiative_statuses(dataset: Dataset) -> list[str]:
    """The current statuses the data's initiatives are in, in the vocabulary's order."""
    present = set(dataset.initiatives["status"].astype(str).tolist())
    return [status for status in INITIATIVE_CURRENT_STATUSES if status in present]


@once_per_object
def source_publishers(dataset: Dataset) -> dict[str, str]:
    """Publisher id → name, for the publishers the sources cite, by name."""
    cited = set(dataset.sources["publisher_id"])
    pairs = [(code, name) for code, name in zip(dataset.publishers["id"], dataset.publishers["name"]) if code in cited]
    return dict(sorted(pairs, key=lambda pair: pair[1].casefold()))
