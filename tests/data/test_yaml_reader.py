"""The YAML reader yields what PyYAML's safe loader yields, and refuses what it must, at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components.data.yaml_reader import read_mapping, read_records
from components.settings import DEFAULT_DATA_DIR
from tests.conftest import BROKEN, FIXTURES, PROJECT

YAML_FILES = sorted([*DEFAULT_DATA_DIR.rglob("*.yaml"), *FIXTURES.rglob("*.yaml")])
MAPPING_FILE = "dataset.yaml"  # one mapping; every other data file is a list of records


class _ReferenceLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the reader's one documented difference: no timestamps (dates stay
    strings, for the schema to parse)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _read(path: Path) -> tuple[object, list]:
    """The values the reader yields for a file, and its problems."""
    if path.name == MAPPING_FILE:
        data, _, problems = read_mapping(path, path.name, max_bytes=10**8)
        return data, problems
    records, problems = read_records(path, path.name, max_bytes=10**8)
    return [record.data for record in records], problems


def _strict(value: object) -> object:
    """The value with each scalar's type beside it, so that True, 1 and 1.0 do not compare equal."""
    if isinstance(value, dict):
        return {_strict(key): _strict(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_strict(item) for item in value]
    return type(value).__name__, value


READ_WITHOUT_PROBLEMS = [path for path in YAML_FILES if not _read(path)[1]]


def test_every_shipped_and_valid_fixture_file_is_compared():
    not_broken = [path for path in YAML_FILES if BROKEN not in path.parents]
    assert len(not_broken) >= 16 and DEFAULT_DATA_DIR / MAPPING_FILE in not_broken
    assert set(not_broken) <= set(READ_WITHOUT_PROBLEMS)
    assert len(READ_WITHOUT_PROBLEMS) > len(not_broken)  # and the broken fixtures YAML can read


@pytest.mark.parametrize("path", READ_WITHOUT_PROBLEMS, ids=lambda path: path.relative_to(PROJECT).as_posix())
def test_the_reader_yields_what_pyyaml_safe_loader_yields(path):
    reference = yaml.load(path.read_text(encoding="utf-8"), Loader=_ReferenceLoader)
    assert _strict(_read(path)[0]) == _strict(reference)


def _problems_of(tmp_path: Path, text: str, name: str = "places.yaml") -> list[tuple]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems = _read(path)[1]
    return [(problem.code, problem.line, problem.record) for problem in problems]


# An alias is reported where it is used: at its key, or at the list that holds it.
ONE_PROBLEM = {
    "alias-in-a-merge-key": ("- id: a\n  base:\n    x: 1\n- id: b\n  base: &base\n    x: 1\n"
                             "  more:\n    y: 2\n    <<: *base\n", ("yaml-alias", 9, "b")),
    "alias-in-a-nested-list": ("- id: a\n  x: &l [1]\n  y:\n    - - 2\n      - *l\n", ("yaml-alias", 4, "a")),
    "duplicate-key-in-a-merged-mapping": ("- id: a\n  more:\n    y: 0\n    <<:\n      x: 1\n      x: 2\n",
                                          ("duplicate-key", 6, None)),
    "duplicate-key-in-a-tagged-map": ("- id: a\n  m: !!map\n    x: 1\n    x: 2\n", ("duplicate-key", 4, None)),
    "duplicate-key-at-the-top-of-a-record": ("- id: a\n  name: A\n  name: B\n", ("duplicate-key", 3, None)),
}


@pytest.mark.parametrize("case", ONE_PROBLEM)
def test_a_small_case_gives_exactly_one_problem_at_its_line(tmp_path, case):
    text, expected = ONE_PROBLEM[case]
    assert _problems_of(tmp_path, text) == [expected]


def _alias_bomb(levels: int, indent: str) -> list[str]:
    """`a0: &a0 [1, 1]`, `a1: &a1 [*a0, *a0]`, ...: 2**levels values once expanded."""
    return [f"{indent}a0: &a0 [1, 1]"] + [f"{indent}a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, levels)]


@pytest.mark.parametrize(("name", "head", "indent", "expected"), [
    pytest.param("places.yaml", ["- id: astana"], "  ", ("yaml-alias", 3, "astana"), id="a-list-of-records"),
    pytest.param("places.yaml", [], "", ("yaml-alias", 2, None), id="not-a-list"),  # refused before the shape
    pytest.param(MAPPING_FILE, ["title: Bomb"], "", ("yaml-alias", 3, None), id="dataset-yaml"),
])
def test_an_alias_bomb_is_refused(tmp_path, name, head, indent, expected):
    text = "\n".join(head + _alias_bomb(12, indent)) + "\n"
    assert _problems_of(tmp_path, text, name) == [expected]
