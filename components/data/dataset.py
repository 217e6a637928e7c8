"""Load the data directory: read, validate, cross-check, and build DataFrames.

`check_dataset` returns every problem at once; `load_dataset` raises DataError carrying them,
or returns the Dataset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from components.data import frames
from components.data.labels import label_initiatives, label_meetings, label_trade
from components.data.problems import DataError, Problem
from components.data.references import check_references
from components.data.schema import RECORD_MODELS, DatasetInfo
from components.data.source_rules import check_sources
from components.data.validation import validate_records
from components.data.yaml_reader import PositionedRecord, cyclic_gc_paused, read_mapping, read_records
from components.settings import INFO_FILE, MAX_FILE_BYTES, TABLE_FILES


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: aggregates are memoised per dataset
class Dataset:
    """The whole dataset as DataFrames, plus its metadata."""

    info: DatasetInfo
    publishers: pd.DataFrame
    sources: pd.DataFrame
    countries: pd.DataFrame
    places: pd.DataFrame
    formats: pd.DataFrame
    meetings: pd.DataFrame
    initiatives: pd.DataFrame
    initiative_steps: pd.DataFrame
    trade: pd.DataFrame
    trade_series: pd.DataFrame  # one row per value of the statistical series (IMF DOTS)

    def counts(self) -> dict[str, int]:
        """Records per table, in the order of the data files."""
        return {table: len(getattr(self, table)) for table in TABLE_FILES}


@dataclass(frozen=True)
class CheckedData:
    """The outcome of reading and validating a data directory."""

    info: DatasetInfo | None
    models: dict[str, list[BaseModel]]
    problems: list[Problem]


def _display_name(data_dir: Path, file_name: str) -> str:
    return f"{data_dir.name}/{file_name}"


def _read_info(data_dir: Path) -> tuple[DatasetInfo | None, list[Problem]]:
    name = _display_name(data_dir, INFO_FILE)
    path = data_dir / INFO_FILE
    if not path.is_file():
        return None, [Problem(name, None, None, None, "missing-file", f"{INFO_FILE} is missing; it names the "
                              "dataset and the date of its last change")]
    data, line, problems = read_mapping(path, name, max_bytes=MAX_FILE_BYTES)
    if problems:
        return None, problems
    record = PositionedRecord(0, data, line)
    valid, problems = validate_records([record], DatasetInfo, name)
    return (valid[0][1] if valid else None), problems


@dataclass(frozen=True)
class _TableRead:
    valid: list[tuple[PositionedRecord, BaseModel]]
    ids: set[str] | None  # every id written in the file; None when the file could not be read
    problems: list[Problem]


def _read_table(data_dir: Path, table: str) -> _TableRead:
    name = _display_name(data_dir, TABLE_FILES[table])
    path = data_dir / TABLE_FILES[table]
    if not path.is_file():
        return _TableRead([], None, [Problem(name, None, None, None, "missing-file",
                                             f"{TABLE_FILES[table]} is missing from {data_dir}; "
                                             "every table needs its file")])
    records, problems = read_records(path, name, max_bytes=MAX_FILE_BYTES)
    if not records and problems:
        return _TableRead([], None, problems)
    valid, invalid = validate_records(records, RECORD_MODELS[table], name)
    return _TableRead(valid, {record.label for record in records}, problems + invalid)


def check_dataset(data_dir: Path) -> CheckedData:
    """Read and validate every file; collect every problem, never stop at the first."""
    # Reading keeps every record's YAML nodes until validation is done (for the lines of
    # problems): millions of acyclic objects that the cyclic collector would walk again and again.
    with cyclic_gc_paused():
        return _check_dataset(Path(data_dir))


def _check_dataset(data_dir: Path) -> CheckedData:
    if not data_dir.is_dir():
        problem = Problem(str(data_dir), None, None, None, "missing-directory", "the data directory does not exist")
        return CheckedData(None, {}, [problem])
    info, problems = _read_info(data_dir)
    reads = {table: _read_table(data_dir, table) for table in TABLE_FILES}
    checked = {table: read.valid for table, read in reads.items()}
    problems += [problem for read in reads.values() for problem in read.problems]
    files = {table: _display_name(data_dir, file) for table, file in TABLE_FILES.items()}
    problems += check_references(checked, files, {table: read.ids for table, read in reads.items()})
    problems += check_sources(checked["publishers"], checked["sources"], files)
    models = {table: [model for _, model in rows] for table, rows in checked.items()}
    return CheckedData(info, models, problems)


def build_dataset(info: DatasetInfo, models: dict[str, list[BaseModel]], today: dt.date) -> Dataset:
    """DataFrames from validated records."""
    def plain(table: str) -> pd.DataFrame:
        return frames.records_frame(models[table], RECORD_MODELS[table])

    initiatives, steps = frames.build_initiative_frames(models["initiatives"])
    countries = frames.categorize(plain("countries"), "countries")
    places = frames.categorize(plain("places"), "places")
    formats = frames.build_formats_frame(plain("formats"))
    meetings = label_meetings(frames.build_meetings_frame(plain("meetings"), today), formats, places, countries)
    publishers = frames.categorize(plain("publishers"), "publishers")
    sources = frames.build_sources_frame(plain("sources"), publishers)
    return Dataset(
        info=info,
        publishers=publishers,
        sources=sources,
        countries=countries,
        places=places,
        formats=formats,
        meetings=meetings,
        initiatives=label_initiatives(initiatives, countries),
        initiative_steps=steps,
        trade=label_trade(frames.build_trade_frame(plain("trade")), sources),
        trade_series=frames.build_trade_series_frame(models["trade_series"]),
    )


def load_dataset(data_dir: Path, today: dt.date | None = None) -> Dataset:
    """The validated dataset as DataFrames; raises DataError listing every problem."""
    checked = check_dataset(data_dir)
    if checked.problems or checked.info is None:
        raise DataError(checked.problems)
    return build_dataset(checked.info, checked.models, today or dt.date.today())
