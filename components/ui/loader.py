"""The cached dataset: loaded once per change of the data files, shared by every session."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import streamlit as st

from components.data.dataset import Dataset, build_dataset, check_dataset
from components.data.problems import Problem
from components.settings import INFO_FILE, TABLE_FILES, data_dir
from components.ui.internals import leave_legacy_pages_mode
from components.ui.panels import render_data_problems


def _fingerprint(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every data file: a change reloads the data."""
    files = [INFO_FILE, *TABLE_FILES.values()]
    stats = [(directory / name).stat() if (directory / name).is_file() else None for name in files]
    return tuple((name, s.st_size, s.st_mtime_ns) if s else (name, -1, -1) for name, s in zip(files, stats))


# cache_resource, not cache_data: the dataset is read-only, and copying it on every rerun
# (what cache_data does) would cost more than building the page.
@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(directory: str, fingerprint: tuple, today: dt.date) -> Dataset | list[Problem]:
    checked = check_dataset(Path(directory))
    if checked.problems or checked.info is None:
        return checked.problems
    dataset = build_dataset(checked.info, checked.models, today)
    freeze_long_lived_objects()
    return dataset


def freeze_long_lived_objects() -> None:
    """Take what lives as long as the server (imported modules, the loaded dataset) out of the
    garbage collector's sight.

    After every script run Streamlit forces a full collection (`runner.postScriptGC`), which walks
    every tracked object in the process: with pandas, Plotly and the dataset loaded that took
    100-150 ms per run, more than building the page. Frozen objects are skipped by collections
    (they are still freed by reference counting). A later load (the data changed) unfreezes first
    and collects, so an evicted dataset's cycles are not kept for good.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()


def load_dataset_or_problems() -> Dataset | list[Problem]:
    """The cached dataset, or the problems that keep it from loading."""
    directory = data_dir()
    return _load(str(directory), _fingerprint(directory), dt.date.today())

def require_dataset() -> Dataset:
    """The dataset for a page; shows the error panel and stops the page if the data is invalid."""
    leave_legacy_pages_mode()
    result = load_dataset_or_problems()
    if isinstance(result, list):
        render_data_problems(result)
        st.stop()
    return result
