"""Every value a control can take survives its link: property tests over each control's whole range.

The controls are read off the running pages (AppTest), not listed again here: the options each
url_* widget is drawn with are recorded, and the sidebar's years slider and countries list are read
from the page. Each value (every year pair of the slider with from <= to, every option code, any text
the box accepts, the data version the Share control writes) and any combination of them must pass the
page's URL rules unchanged, on the shipped data and on the test fixture, whose years have gaps.
"""

from __future__ import annotations

from itertools import combinations_with_replacement
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.data.dataset import Dataset, load_dataset
from components.domain.choices import list_dataset_years
from components.links.pages import DATA_VERSION_PARAM, PAGES, PageSpec
from components.links.params import build_param_rules, sanitize_params
from components.links.share import as_url_values
from components.settings import DEFAULT_DATA_DIR
from components.ui import widgets
from tests.apptest_helpers import notices, open_page, share_link
from tests.conftest import VALID

Params = dict[str, list[str]]


def _views(page: PageSpec) -> list[dict[str, str]]:
    """The views that draw every control of a page: the default one, and one per code of each
    one-value parameter with fixed codes (the trade page's tabs draw different controls)."""
    return [{}] + [{param.name: code} for param in page.params if param.shape == "one" for code in param.codes]


@pytest.fixture
def record_controls(monkeypatch):
    """Record what each url_* widget is drawn with: {key: (options' URL values, max_chars)}."""
    seen: dict[str, tuple[set[str], int | None]] = {}
    original = widgets._url_widget

    def recording(widget, label, *, key, value, default, **options):
        values, _ = seen.setdefault(key, (set(), options.get("max_chars")))
        values.update(value for option in options.get("options", []) for value in as_url_values(option))
        return original(widget, label, key=key, value=value, default=default, **options)

    monkeypatch.setattr(widgets, "_url_widget", recording)
    return seen


def _controls(page: PageSpec, seen: dict) -> tuple[dict[str, object], tuple[int, int], list[str]]:
    """Open each view of the page; return its controls' ranges, the slider's ends and the countries."""
    seen.clear()
    for view in _views(page):
        app = open_page(page.file if page.url_path else None, **view)
        assert not app.exception, (page.file, view)
    slider, countries = app.slider(key="years"), app.multiselect(key="countries")
    assert slider.step == 1
    return dict(seen), (int(slider.min), int(slider.max)), list(countries.options)


def _every_single_value(controls: dict, ends: tuple[int, int], countries: list[str], dataset: Dataset) -> list[Params]:
    """Each value each control can offer, alone in a link."""
    links: list[Params] = [{"years": [str(a), str(b)]}
                           for a, b in combinations_with_replacement(range(ends[0], ends[1] + 1), 2)]
    links += [{"countries": [name]} for name in countries]
    links += [{DATA_VERSION_PARAM: [dataset.info.updated]}]
    for key, (options, max_chars) in controls.items():
        if max_chars is not None:
            links += [{key: ["x" * max_chars]}, {key: ["y"]}]
        links += [{key: [option]} for option in sorted(options)]
    return links


def _links(page: PageSpec, controls: dict, ends: tuple[int, int], countries: list[str]):
    """Links made of any values of any controls of the page, as its widgets would write them."""
    def values(key: str) -> st.SearchStrategy[list[str]]:
        if key == "years":
            return st.tuples(st.integers(*ends), st.integers(*ends)).map(lambda pair: [str(y) for y in sorted(pair)])
        if key == "countries":
            return st.lists(st.sampled_from(countries), min_size=1, unique=True)
        options, max_chars = controls[key]
        if max_chars is not None:
            return st.text(min_size=1, max_size=max_chars).map(lambda text: [text])
        if page.param(key).shape == "many":
            return st.lists(st.sampled_from(sorted(options)), min_size=1, unique=True)
        return st.sampled_from(sorted(options)).map(lambda option: [option])

    keys = ["years", "countries", *(key for key, (options, cap) in controls.items() if options or cap)]
    return st.lists(st.sampled_from(keys), min_size=1, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({key: values(key) for key in chosen}))


def _check_page(page: PageSpec, seen: dict, dataset: Dataset) -> dict:
    controls, ends, countries = _controls(page, seen)
    rules = build_param_rules(dataset, page.url_path)
    for link in _every_single_value(controls, ends, countries, dataset):
        assert sanitize_params(link, rules) == (link, []), (page.address, link)

    @settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
    @given(link=_links(page, controls, ends, countries))
    def any_combination_survives(link):
        assert sanitize_params(link, rules) == (link, []), (page.address, link)

    any_combination_survives()
    return controls


@pytest.mark.parametrize("page", PAGES, ids=[page.address for page in PAGES])
def test_every_value_of_every_control_survives_its_link_on_the_shipped_data(page, record_controls):
    controls = _check_page(page, record_controls, load_dataset(DEFAULT_DATA_DIR))
    assert set(controls) == {param.name for param in page.params}, "a declared parameter has no control"


@pytest.mark.parametrize("page", PAGES, ids=[page.address for page in PAGES])
def test_every_value_of_every_control_survives_its_link_when_years_have_gaps(
        page, record_controls, valid_dir: Path, use_data_dir):
    dataset = load_dataset(use_data_dir(valid_dir))
    years = list_dataset_years(dataset)
    assert set(range(years[0], years[-1] + 1)) - set(years), "the fixture must have a year without data"
    _check_page(page, record_controls, dataset)


def test_a_link_with_years_that_have_no_data_opens_them(valid_dir: Path, use_data_dir):
    use_data_dir(valid_dir)
    years = list_dataset_years(load_dataset(VALID))
    empty = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    app = open_page("pages/meetings.py", years=[str(empty[0]), str(empty[-1])])
    assert not app.exception
    assert app.slider(key="years").value == (empty[0], empty[-1])
    assert notices(app) == []
    assert f"years={empty[0]}&years={empty[-1]}" in share_link(app)
