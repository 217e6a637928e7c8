"""The cached loader never serves a cut file: a save that pauses between records, a file that
changes while it is read, or invalid data on disk keep the last valid version on the pages, with a
notice; a newer valid version is shown once its files have settled."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from components.data.dataset import check_dataset
from components.ui import loader
from components.ui.loader import SAVE_SETTLE_SECONDS, load_dataset_or_problems
from tests.apptest_helpers import open_page
from tests.conftest import build_data_dir

TRADE_RECORD = "- id: t-pair-2023\n"  # the fixture's trade figure the tests copy under a new id


def _settle(data_dir: Path) -> None:
    """Date every data file a minute back: as if nothing had been saved for a while."""
    past = time.time() - 60
    for path in data_dir.iterdir():
        os.utime(path, (past, past))


def _records(text: str) -> list[str]:
    """The text of each record of a data file (each starts with `- ` at the start of a line)."""
    starts = [index for index, line in enumerate(text.splitlines(keepends=True)) if line.startswith("- ")]
    lines = text.splitlines(keepends=True)
    return ["".join(lines[start:end]) for start, end in zip(starts, starts[1:] + [len(lines)])]


def _extra_trade(data_dir: Path) -> str:
    """A new valid trade record: a copy of one in the file, under its own id."""
    [record] = [text for text in _records((data_dir / "trade.yaml").read_text(encoding="utf-8"))
                if text.startswith(TRADE_RECORD)]
    return record.replace("t-pair-2023", "t-extra-2023", 1)


def _trade_count() -> int | str:
    result = load_dataset_or_problems()
    return len(result.trade) if not isinstance(result, list) else "problems"


@pytest.fixture
def settled_dir(tmp_path, use_data_dir) -> Path:
    data_dir = use_data_dir(build_data_dir(tmp_path / "data"))
    _settle(data_dir)
    return data_dir


def test_a_save_that_pauses_between_records_is_never_served_cut(settled_dir):
    trade = settled_dir / "trade.yaml"
    old_records = _records(trade.read_text(encoding="utf-8"))
    new_records = old_records + [_extra_trade(settled_dir)]  # the save adds a record: 3 before, 4 after, 2 when cut
    seen = [_trade_count()]
    with open(trade, "w", encoding="utf-8") as saving:
        saving.write("".join(new_records[:2]))
        saving.flush()
        assert len(check_dataset(settled_dir).models["trade"]) == 2  # the cut file is valid data
        seen += [_trade_count() for _ in range(3)]
        saving.write("".join(new_records[2:]))
    seen.append(_trade_count())  # the save is done, but its files changed moments ago
    _settle(settled_dir)
    seen.append(_trade_count())
    assert seen == [3, 3, 3, 3, 3, 4]


def test_a_file_that_changes_while_it_is_read_is_read_again(settled_dir, monkeypatch):
    trade = settled_dir / "trade.yaml"
    records = _records(trade.read_text(encoding="utf-8"))
    trade.write_text("".join(records[:2]), encoding="utf-8")  # a save has written two of three records
    _settle(settled_dir)
    reads = []

    def reading_while_the_save_ends(directory):
        reads.append(check_dataset(directory))
        if len(reads) == 1:
            trade.write_text("".join(records), encoding="utf-8")  # ... and ends while the loader reads
        return reads[-1]

    monkeypatch.setattr(loader, "check_dataset", reading_while_the_save_ends)
    assert _trade_count() == 3
    assert [len(read.models["trade"]) for read in reads] == [2, 3]


def test_files_that_keep_changing_are_a_problem_when_nothing_valid_was_read(settled_dir, monkeypatch):
    def reading_while_saving(directory):
        with open(directory / "trade.yaml", "a", encoding="utf-8") as saving:
            saving.write("# still saving\n")
        return check_dataset(directory)

    monkeypatch.setattr(loader, "check_dataset", reading_while_saving)
    [problem] = load_dataset_or_problems()
    assert problem.code == "files-changing" and "reload the page once they are saved" in problem.message


def test_invalid_data_after_a_valid_version_keeps_the_valid_one_and_lists_the_problems(settled_dir):
    app = open_page("pages/meetings.py")
    meetings = len(app.dataframe[0].value)
    with open(settled_dir / "meetings.yaml", "a", encoding="utf-8") as saving:
        saving.write("- id: cut-mid-record\n  title: [unclosed\n")
    problems = check_dataset(settled_dir).problems
    app.run()
    assert not app.exception and not app.error
    assert "A newer version of the data on disk is incomplete or invalid" in app.warning[0].value
    assert "\n".join(str(problem) for problem in problems) in [code.value for code in app.code]
    assert len(app.dataframe[0].value) == meetings  # the page still shows the last valid version


def test_a_newer_valid_version_is_held_back_until_its_files_settle(settled_dir):
    app = open_page()
    extra = _extra_trade(settled_dir)
    with open(settled_dir / "trade.yaml", "a", encoding="utf-8") as saving:
        saving.write(extra)
    app.run()
    assert not app.exception
    assert "may still be being saved" in app.warning[0].value
    assert _trade_count() == 3
    _settle(settled_dir)
    app.run()
    assert not app.exception and not app.warning
    assert _trade_count() == 4


def test_the_first_version_read_is_served_even_if_just_saved(tmp_path, use_data_dir):
    use_data_dir(build_data_dir(tmp_path / "data"))  # copied just now: nothing valid was served before
    assert time.time() - (tmp_path / "data" / "trade.yaml").stat().st_mtime < SAVE_SETTLE_SECONDS
    assert _trade_count() == 3
