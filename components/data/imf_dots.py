"""The IMF Direction of Trade Statistics workbooks as trade-series records. Pure, apart from reading.

Each workbook (data/raw/imf-dots/DOTS_<n>.xlsx, see its PROVENANCE.md) holds one reporter's annual
exports (FOB) and imports (CIF) by partner, in US$ million. One row of one sheet becomes one
`TradeSeries` record: reporter, partner, flow, the values exactly as the cells give them (a text
cell "0.14 e" is 0.14, marked as an IMF estimate), the file, the sheet and the row. Turkmenistan
publishes no trade by partner: every value of its workbook is an IMF estimate built from its
partners' reports, so every one is marked so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIRST_YEAR = 1992  # the Central Asian states' first year as reporters and partners
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
WORLD = "WLD"
# The IMF's names of the economies the dashboard follows (row 4 of a workbook, column B of a row).
IMF_NAMES = {
    "Kazakhstan, Rep. of": "KAZ", "Kyrgyz Rep.": "KGZ", "Tajikistan, Rep. of": "TJK", "Turkmenistan": "TKM",
    "Uzbekistan, Rep. of": "UZB", "China, P.R.: Mainland": "CHN", "Russian Federation": "RUS",
    "European Union": "EU", "Germany": "DEU", "France": "FRA", "Italy": "ITA", "United Kingdom": "GBR",
    "United States": "USA", "Japan": "JPN", "Korea, Rep. of": "KOR", "India": "IND", "Turkey": "TUR",
    "Afghanistan, Islamic Rep. of": "AFG", "Azerbaijan, Rep. of": "AZE", "Iran, Islamic Rep. of": "IRN",
    "Pakistan": "PAK", "Saudi Arabia": "SAU", "United Arab Emirates": "ARE", "Qatar": "QAT", "Kuwait": "KWT",
    "Bahrain, Kingdom of": "BHR", "Oman": "OMN", "World": WORLD,
}
FLOWS = {"Exports, FOB to Partner Countries": "exports", "Imports, CIF from Partner Countries": "imports"}
ESTIMATE_MARK = " e"
ALL_ESTIMATED = {"TKM": "Turkmenistan publishes no trade statistics by partner: every value is an IMF estimate "
                        "built from its partners' reports (data/raw/imf-dots/PROVENANCE.md)."}
TITLE_ROW, REPORTER_ROW, UNIT_ROW, YEAR_ROW = 2, 4, 5, 7
SOURCES = ["data-imf-org-8d5fcc", "github-com-8974ea"]  # the IMF dataset, and the copy the workbooks come from


@dataclass(frozen=True)
class Cell:
    value: float | None
    estimated: bool


def read_cell(raw: object) -> Cell:
    """A number, a text number ending in ' e' (an IMF estimate), or nothing."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Cell(None, False)
    if isinstance(raw, str):
        text = raw.strip()
        estimated = text.endswith(ESTIMATE_MARK)
        return Cell(float(text.removesuffix(ESTIMATE_MARK).replace(",", "")), estimated)  # "1,191.26 e"
    return Cell(float(raw), False)


def _wanted_partners(reporter: str) -> set[str]:
    """A Central Asian reporter: every economy followed and the world; a partner: the five."""
    return set(IMF_NAMES.values()) - {reporter} if reporter in CENTRAL_ASIA else set(CENTRAL_ASIA)


def _series(reporter: str, partner: str, flow: str, cells: dict[int, Cell], where: tuple[str, str, int]) -> dict:
    last = max(cells)
    values = [cells[year].value if year in cells else None for year in range(FIRST_YEAR, last + 1)]
    estimated = [year for year, cell in sorted(cells.items()) if cell.value is not None
                 and (cell.estimated or reporter in ALL_ESTIMATED)]
    file, sheet, row = where
    record = {"id": f"imf-dots-{reporter}-{flow}-{partner}".lower(), "dataset": "imf-dots", "reporter": reporter,
              "partner": partner, "flow": flow, "unit": "US$ million", "file": file, "sheet": sheet, "row": row,
              "first_year": FIRST_YEAR, "values": values, "estimated": estimated}
    if reporter in ALL_ESTIMATED:
        record["notes"] = [ALL_ESTIMATED[reporter]]
    return {**record, "sources": list(SOURCES)}


def _sheet_records(rows: list[tuple], file: str) -> list[dict]:
    sheet_title = rows[TITLE_ROW - 1][1]
    reporter, flow = IMF_NAMES[rows[REPORTER_ROW - 1][1]], FLOWS[sheet_title]
    if rows[UNIT_ROW - 1][1] != "US Dollars, Millions":
        raise ValueError(f"{file} {sheet_title}: unexpected unit {rows[UNIT_ROW - 1][1]!r}")
    years = {column: int(label) for column, label in enumerate(rows[YEAR_ROW - 1])
             if label is not None and int(label) >= FIRST_YEAR}
    records = []
    for number, row in enumerate(rows[YEAR_ROW:], start=YEAR_ROW + 1):
        partner = IMF_NAMES.get(str(row[1]).strip()) if row[1] else None
        if partner not in _wanted_partners(reporter):
            continue
        cells = {years[column]: read_cell(row[column]) for column in years if column < len(row)}
        if any(cell.value is not None for cell in cells.values()):
            records.append(_series(reporter, partner, flow, cells, (file, sheet_title, number)))
    return records


def read_workbook(path: Path) -> list[dict]:
    """The records of one workbook, exports sheet first."""
    import openpyxl  # only the importer needs it (requirements-dev.txt)

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [record for sheet in workbook.worksheets
                for record in _sheet_records(list(sheet.iter_rows(values_only=True)), path.name)]
    finally:
        workbook.close()


def read_workbooks(directory: Path) -> list[dict]:
    """Every workbook's records, ordered by reporter, partner and flow."""
    records = [record for path in sorted(directory.glob("DOTS_*.xlsx")) for record in read_workbook(path)]
    return sorted(records, key=lambda record: (record["reporter"], record["partner"], record["flow"]))
