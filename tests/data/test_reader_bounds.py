"""The reader's depth bound: nesting deeper than MAX_NESTING_DEPTH, in a table file or in
dataset.yaml, is a positioned `too-deep` problem, never a crash or a traceback. (The size bound:
tests/data/test_validation_fixtures.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from components.data.dataset import check_dataset
from components.data.yaml_reader import MAX_NESTING_DEPTH, read_mapping, read_records
from tests.conftest import PROJECT, build_data_dir

PLACES = "data/places.yaml"


def _nested(levels: int) -> str:
    """A list inside a list, `levels` deep, on one line: `[[[...]]]`."""
    return "[" * levels + "]" * levels


def _append_deep_place(data_dir: Path, levels: int) -> int:
    """Append the record `deep` whose field `extra` nests `levels` lists; returns the line of `extra`."""
    path = data_dir / "places.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}- id: deep\n  name: x\n  extra: {_nested(levels)}\n", encoding="utf-8")
    return text.count("\n") + 3


def _positions(problems) -> list[tuple]:
    return [(problem.file, problem.line, problem.record, problem.code) for problem in problems]


@pytest.mark.parametrize("levels", [MAX_NESTING_DEPTH, 500, 2_000])  # 500: Python's recursion limit on main
def test_nesting_past_the_limit_is_a_positioned_too_deep_problem(tmp_path, levels):
    data_dir = build_data_dir(tmp_path / "data")
    line = _append_deep_place(data_dir, levels)
    [problem] = check_dataset(data_dir).problems
    assert _positions([problem]) == [(PLACES, line, "deep", "too-deep")]
    assert f"at most {MAX_NESTING_DEPTH} levels" in problem.message


def test_nesting_within_the_limit_is_read(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text(f"- id: deep\n  extra: {_nested(MAX_NESTING_DEPTH - 2)}\n", encoding="utf-8")  # list, map, then these
    records, problems = read_records(path, "places.yaml", max_bytes=10**6)
    assert problems == [] and records[0].label == "deep"


def test_deep_block_nesting_is_refused_too(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text("- " * 2_000 + "x\n", encoding="utf-8")  # compact block lists: two bytes a level
    records, problems = read_records(path, "places.yaml", max_bytes=10**6)
    assert (records, _positions(problems)) == ([], [("places.yaml", 1, None, "too-deep")])


def test_deep_nesting_in_dataset_yaml_is_refused(tmp_path):
    path = tmp_path / "dataset.yaml"
    path.write_text(f"title: Deep\nupdated: 2025-01-01\nextra: {_nested(5_000)}\n", encoding="utf-8")
    data, _, problems = read_mapping(path, "dataset.yaml", max_bytes=10**6)
    assert (data, _positions(problems)) == (None, [("dataset.yaml", 3, None, "too-deep")])


def test_the_validator_survives_nesting_that_crashed_libyaml(tmp_path):
    """25,000 levels (54 KB) made libyaml's composer recurse until the process died (SIGSEGV)."""
    data_dir = build_data_dir(tmp_path / "data")
    line = _append_deep_place(data_dir, 25_000)
    result = subprocess.run([sys.executable, "-m", "components.validate", str(data_dir)], cwd=PROJECT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert f"data/places.yaml:{line} record `deep`: " in result.stdout and "[too-deep]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
