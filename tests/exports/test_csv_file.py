"""CSV downloads, read back with the csv module: lists joined, and no text cell a spreadsheet would
run as a formula (OWASP CSV injection), while numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from components.exports.csv_file import neutralise_formula, to_csv_bytes

FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "-", "=1"]


def _read(frame: pd.DataFrame) -> list[dict]:
    text = to_csv_bytes(frame).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_text_cell_that_starts_like_a_formula_gets_a_leading_quote(formula):
    [row] = _read(pd.DataFrame({"title": [formula]}))
    assert row["title"] == "'" + formula  # still readable: the value follows the quote unchanged


def test_a_line_break_inside_a_cell_cannot_start_a_row_of_its_own():
    frame = pd.DataFrame({"title": ["a\r=HYPERLINK(\"https://evil.example\")", "b\n@SUM(A1)", "c\r\n-2+3"],
                          "year": [1, 2, 3]})
    rows = _read(frame)
    assert [(row["title"], row["year"]) for row in rows] == [(title, str(year)) for title, year in
                                                              zip(frame["title"], frame["year"])]
    assert to_csv_bytes(frame).decode("utf-8-sig").startswith("title,year\r\n")


def test_numbers_stay_numbers_and_plain_text_is_untouched():
    frame = pd.DataFrame({"value_usd": [-1.5, 2.0], "year": [-1, 2024], "change": ["-1", "-12.5e3"],
                          "title": ["Summit, Astana", "Xi'an – declaration"]})
    rows = _read(frame)
    assert [(row["value_usd"], row["year"], row["change"]) for row in rows] == [("-1.5", "-1", "-1"),
                                                                                ("2.0", "2024", "-12.5e3")]
    assert [row["title"] for row in rows] == ["Summit, Astana", "Xi'an – declaration"]


def test_lists_are_joined_and_the_joined_text_is_neutralised_too():
    frame = pd.DataFrame({"sources": [["src-a", "src-b"], ["=cmd", "src-c"]], "outcomes": [[], ["@x"]]})
    rows = _read(frame)
    assert [(row["sources"], row["outcomes"]) for row in rows] == [("src-a; src-b", ""), ("'=cmd; src-c", "'@x")]


def test_categories_and_missing_values_are_written_as_before():
    frame = pd.DataFrame({"city": pd.Categorical(["=evil", None, "Astana"]), "note": [None, "+ok", float("nan")]})
    rows = _read(frame)
    assert [(row["city"], row["note"]) for row in rows] == [("'=evil", ""), ("", "'+ok"), ("Astana", "")]


def test_neutralise_formula_leaves_what_is_not_text():
    assert [neutralise_formula(value) for value in (-1, -2.5, None, True)] == [-1, -2.5, None, True]
