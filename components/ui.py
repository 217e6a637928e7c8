"""The Streamlit edge of components/: the cached loader and shared render_* helpers.

Only this module, dashboard.py and pages/ import streamlit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from components.dataset import Dataset, check_dataset, build_dataset
from components.problems import Problem
from components.settings import DASHBOARD_TITLE, INFO_FILE, TABLE_FILES, data_dir


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
    return build_dataset(checked.info, checked.models, today)


def load_dataset_or_problems() -> Dataset | list[Problem]:
    """The cached dataset, or the problems that keep it from loading."""
    directory = data_dir()
    return _load(str(directory), _fingerprint(directory), dt.date.today())


def render_data_problems(problems: list[Problem]) -> None:
    """One clear error panel listing every problem with its position (shown as text, never HTML)."""
    st.error(f"The dashboard's data has {len(problems)} problem(s), so the pages cannot be shown. "
             "Fix them in the files named below, then reload. "
             "`python -m components.validate` prints the same list.", icon=":material/error:")
    table = pd.DataFrame([vars(problem) for problem in problems],
                         columns=["file", "line", "record", "field", "code", "message"])
    st.dataframe(table, hide_index=True, width="stretch")
    st.code("\n".join(str(problem) for problem in problems), language=None)


def require_dataset() -> Dataset:
    """The dataset for a page; shows the error panel and stops the page if the data is invalid."""
    result = load_dataset_or_problems()
    if isinstance(result, list):
        render_data_problems(result)
        st.stop()
    return result


def render_sidebar(dataset: Dataset) -> None:
    """The shared sidebar: what the dashboard is and how fresh its data is."""
    with st.sidebar:
        st.caption(f"{DASHBOARD_TITLE}: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.")
        st.caption(f"Data last changed {dataset.info.updated}. Every figure cites its sources.")
