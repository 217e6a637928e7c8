"""Each broken fixture gives exactly the positioned problems expected; its valid twin gives none."""

from __future__ import annotations

import pytest

from components.data.dataset import check_dataset
from tests.conftest import BROKEN, build_data_dir

M, T, P, F, S, C, I, PB = ("data/meetings.yaml", "data/trade.yaml", "data/places.yaml", "data/formats.yaml",
                           "data/sources.yaml", "data/countries.yaml", "data/initiatives.yaml", "data/publishers.yaml")

# case -> {(file, record, field, code, line)}
EXPECTED = {
    "yaml-syntax": {(M, "cm-2024-astana", None, "yaml-syntax", 11)},
    "tab": {(M, "cm-2024-astana", None, "yaml-syntax", 3)},
    "wrong-values": {
        (M, "cm-2024-astana", "number", "wrong-type", 3),
        (M, "cm-2024-astana", "status", "not-allowed-value", 9),
        (M, "cm-2024-astana", "colour", "unknown-field", 15),
        (T, "t-total-2023", "value_usd", "out-of-range", 9),
    },
    "missing-fields": {(S, "src-example", "publisher", "missing-field", 1)},
    "duplicate-ids": {(M, "cm-2024-astana", "id", "duplicate-id", 16)},
    "dangling": {
        (M, "cm-2024-astana", "format", "unknown-reference", 2),
        (M, "cm-2024-astana", "documents.0.initiative", "unknown-reference", 13),
        (M, "cm-next", "format", "unknown-reference", 17),
        (T, "t-pair-2023", "sources.0", "unknown-reference", 30),
    },
    "dates": {
        (M, "cm-2024-astana", "end", "end-before-start", 6),
        (M, "cm-next", "start", "bad-date", 20),
        (I, "concept-2040", "status_history.0.date", "bad-date", 7),
    },
    "alias-bomb": {(P, "astana", None, "yaml-alias", 8)},
    "too-deep": {(P, "deep", None, "too-deep", 10)},  # 25,000 nested lists: libyaml's composer crashed on them
    "not-utf8": {(C, None, None, "not-utf8", 7)},
    "empty-file": {(F, None, None, "empty-file", 1)},
    "mismatch": {(M, "cm-2024-astana", "country", "city-country-mismatch", 7)},
    "duplicate-key": {(P, None, None, "duplicate-key", 3)},
    "unbuildable-value": {(P, "tashkent", None, "yaml-value", 11)},
    "provenance": {
        (S, "src-example", "title", "placeholder-title", 5),
        (S, "src-undated", "title", "title-not-read", 14),
        (M, "cm-2024-astana", "sources", "too-many-sources", 15),
        (S, "src-unknown-publisher", "publisher", "unknown-publisher", 21),
        (PB, "example-statistics", "domains.1", "domain-two-publishers", 11),
        (S, "src-archive", "url", "archive-address", 29),
        (S, "src-cut-off", "url", "truncated-address", 38),
        (S, "src-wrong-publisher", "publisher", "publisher-domain-mismatch", 48),
        (S, "src-same-page", "url", "duplicate-page", 56),
        (S, "src-stray-colon", "url", "malformed-address", 65),
    },
    "shape-rules": {
        (F, "c5-chn", "partner", "missing-partner", 7),
        (T, "t-pair-2023", "partners", "pair-needs-two", 21),
    },
}


def _found(data_dir) -> set[tuple]:
    return {(*problem.key(), problem.line) for problem in check_dataset(data_dir).problems}


def test_every_broken_fixture_has_an_expectation():
    assert sorted(path.name for path in BROKEN.iterdir()) == sorted(EXPECTED)


def test_the_valid_twin_has_no_problems(valid_dir):
    assert _found(valid_dir) == set()


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_fixture_reports_each_problem_with_its_position(tmp_path, case):
    data_dir = build_data_dir(tmp_path / "data", case)
    assert _found(data_dir) == EXPECTED[case]


def test_messages_say_what_was_expected_and_found(tmp_path):
    problems = check_dataset(build_data_dir(tmp_path / "data", "dates")).problems
    bad_date = next(problem for problem in problems if problem.record == "cm-next")
    assert "expected a date YYYY-MM-DD" in bad_date.message and "'9 Aug 2024'" in bad_date.message
    assert str(bad_date).startswith("data/meetings.yaml:20 record `cm-next` field `start`:")


def test_tab_message_says_to_use_spaces(tmp_path):
    [problem] = check_dataset(build_data_dir(tmp_path / "data", "tab")).problems
    assert "spaces, not tabs" in problem.message


def test_dangling_reference_names_the_file_to_fix(tmp_path):
    problems = check_dataset(build_data_dir(tmp_path / "data", "dangling")).problems
    messages = {problem.message for problem in problems}
    assert "data/initiatives.yaml has no initiative `concept-2050`; add it there or correct the id" in messages


@pytest.mark.parametrize("file_name", ["meetings.yaml", "dataset.yaml"])  # a table file, and the one mapping
def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch, file_name):
    data_dir = build_data_dir(tmp_path / "data")
    monkeypatch.setattr("components.data.dataset.MAX_FILE_BYTES", 1_500)
    with open(data_dir / file_name, "a", encoding="utf-8") as handle:
        handle.write("# padding\n" * 200)
    problems = check_dataset(data_dir).problems
    assert [(p.file, p.code) for p in problems] == [(f"data/{file_name}", "file-too-large")]
    assert "may be at most 1,500 bytes" in problems[0].message


def test_a_missing_file_and_a_missing_directory_are_problems_not_crashes(tmp_path):
    data_dir = build_data_dir(tmp_path / "data")
    (data_dir / "trade.yaml").unlink()
    assert [(p.file, p.code) for p in check_dataset(data_dir).problems] == [(T, "missing-file")]
    assert [p.code for p in check_dataset(tmp_path / "nowhere").problems] == ["missing-directory"]


def test_a_deep_alias_bomb_is_refused_without_expanding_it(tmp_path):
    data_dir = build_data_dir(tmp_path / "data")
    lines = ["- id: astana", '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]  # 9**30 strings
    (data_dir / "places.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_dataset(data_dir).problems
    assert [(p.file, p.record, p.code, p.line) for p in problems if p.file == P] == [(P, "astana", "yaml-alias", 3)]
