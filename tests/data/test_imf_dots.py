"""The IMF DOTS importer: cells read as written, estimates marked, and the committed data reproduced."""

from __future__ import annotations

import openpyxl
import pytest

from components.data.imf_dots import ALL_ESTIMATED, read_cell
from components.import_imf_dots import OUTPUT, WORKBOOKS, render_trade_series
from components.data.dataset import load_dataset
from components.settings import DEFAULT_DATA_DIR


@pytest.mark.parametrize("raw, value, estimated", [
    (12.5, 12.5, False), ("0.14 e", 0.14, True), ("1,191.26 e", 1191.26, True), ("7.5", 7.5, False),
    (None, None, False), ("  ", None, False)])
def test_a_cell_is_read_as_written_and_an_estimate_is_marked(raw, value, estimated):
    cell = read_cell(raw)
    assert (cell.value, cell.estimated) == (value, estimated)


def test_rerunning_the_importer_reproduces_the_committed_data_exactly():
    assert render_trade_series() == OUTPUT.read_text(encoding="utf-8"), \
        "data/trade_series.yaml differs from the workbooks: run `python -m components.import_imf_dots`"


@pytest.fixture(scope="module")
def series():
    return load_dataset(DEFAULT_DATA_DIR).trade_series


def test_each_value_names_its_cell_and_equals_it(series):
    """Every 97th value, read back from the cell its record names."""
    books: dict[str, openpyxl.Workbook] = {}
    for value in series.iloc[::97].itertuples():
        book = books.setdefault(value.file, openpyxl.load_workbook(WORKBOOKS / value.file, data_only=True))
        sheet = next(sheet for sheet in book.worksheets if sheet.cell(2, 2).value == value.sheet)
        year_column = next(cell.column for cell in sheet[7] if cell.value is not None and int(cell.value) == value.year)
        cell = read_cell(sheet.cell(value.row, year_column).value)
        assert cell.value * 1e6 == value.value_usd and cell.estimated <= value.estimated


def test_every_value_turkmenistan_reports_is_marked_as_an_imf_estimate(series):
    for reporter in ALL_ESTIMATED:
        assert series.loc[series["reporter"] == reporter, "estimated"].all()
