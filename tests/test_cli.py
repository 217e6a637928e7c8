"""`python -m components.validate`: exit codes and what it prints."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT, VALID, build_data_dir


def _run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "components.validate", *arguments], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)


def test_valid_directory_prints_counts_and_exits_0():
    result = _run(str(VALID))
    assert result.returncode == 0, result.stdout
    assert "valid." in result.stdout
    assert "meetings         2 records" in result.stdout
    assert "trade            3 records" in result.stdout


def test_broken_directory_prints_every_problem_and_exits_1(tmp_path):
    result = _run(str(build_data_dir(tmp_path / "data", "wrong-values")))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/")]
    assert len(lines) == 4
    assert "data/meetings.yaml:9 record `cm-2024-astana` field `status`:" in result.stdout
    assert "4 problem(s)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_bundled_data_is_the_default_and_valid():
    result = _run()
    assert result.returncode == 0, result.stdout
    assert "data: valid." in result.stdout


def test_wrong_usage_exits_2():
    assert _run("a", "b").returncode == 2


def test_control_characters_from_the_data_are_printed_escaped(tmp_path):
    data_dir = build_data_dir(tmp_path / "data")
    with open(data_dir / "places.yaml", "a", encoding="utf-8") as places:  # YAML escapes: ESC [31m, NUL
        places.write('- id: "evil\\x1b[31mred\\x00"\n  name: "Evil\\x1b]0;title\\x07"\n  country: KAZ\n'
                     "  sources: [src-example]\n  colour: x\n")
    result = _run(str(data_dir))
    assert result.returncode == 1
    assert not any(char in result.stdout for char in "\x1b\x00\x07")
    assert "record `evil\\x1b[31mred\\x00` field `colour`:" in result.stdout


def test_a_meeting_still_scheduled_after_its_date_is_listed_to_update_but_the_data_stays_valid(tmp_path):
    data_dir = build_data_dir(tmp_path / "data")
    with (data_dir / "meetings.yaml").open("a", encoding="utf-8") as meetings:
        meetings.write("- id: cm-2020-past\n  format: consultative-meeting\n  title: A summit of 2020\n"
                       "  start: 2020-03-05\n  level: heads-of-state\n  status: scheduled\n  confidence: low\n"
                       "  sources: [src-example]\n")
    result = _run(str(data_dir))
    assert result.returncode == 0, result.stdout
    assert "To update: 1 meeting(s) still `scheduled` after their date" in result.stdout
    assert "  cm-2020-past: 2020-03-05" in result.stdout
    assert "To update" not in _run(str(VALID)).stdout
