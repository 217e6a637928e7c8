"""The bundled data/: valid, every source cited, and its date of last change kept current."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from components.data.dataset import check_dataset, load_dataset
from components.settings import CENTRAL_ASIA, DEFAULT_DATA_DIR
from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def checked():
    return check_dataset(DEFAULT_DATA_DIR)


def test_bundled_data_has_no_problems(checked):
    assert [str(problem) for problem in checked.problems] == []


def test_every_source_in_the_registry_is_cited(checked):
    cited = set()
    for models in checked.models.values():
        for model in models:
            cited |= set(getattr(model, "sources", []))
            for step in getattr(model, "status_history", []):
                cited |= set(step.sources)
            for named in (getattr(model, "names", None) or {}).values():  # pages giving a name in another language
                cited |= set(named.sources) | {source for alias in named.aliases for source in alias.sources}
    registry = {source.id for source in checked.models["sources"]}
    assert sorted(registry - cited) == []


def test_the_five_states_are_there_and_central_asian(checked):
    states = {country.id: country for country in checked.models["countries"]}
    assert all(states[code].central_asian for code in CENTRAL_ASIA)
    assert sum(country.central_asian for country in states.values()) == 5


def test_conflicting_trade_figures_are_all_kept_with_their_reporters():
    trade = load_dataset(DEFAULT_DATA_DIR).trade
    pair_year = trade[(trade["measure"] == "bilateral") & trade["full_year"] & trade["value_usd"].notna()]
    both_sides = pair_year.groupby(["pair", "year"])["reporter_country"].nunique()
    assert (both_sides >= 2).sum() >= 3  # mirror figures exist side by side, none merged away


def test_updated_date_is_not_older_than_the_last_data_commit():
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("not a git checkout")
    last = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "data"], cwd=PROJECT,
                          capture_output=True, text=True).stdout.strip()
    if not last:
        pytest.skip("data/ has no commits yet")
    updated = load_dataset(DEFAULT_DATA_DIR).info.updated
    assert updated >= last, f"data/dataset.yaml says updated {updated}, but data/ last changed {last}: update it"
