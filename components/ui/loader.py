"""The Streamlit edge of components/: the cached loader and shared render_* helpers.

Only this module, dashboard.py and pages/ import streamlit.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.figures.base import chart_config
from components.domain.citations import cited_sources, to_csv_bytes
from components.ui.markdown import escape_markdown, markdown_link_target

from components.data.dataset import Dataset, check_dataset, build_dataset
from components.data.problems import Problem
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


def render_data_problems(problems: list[Problem]) -> None:
    """One clear error panel listing every problem with its position (shown as text, never HTML)."""
    st.error(f"The dashboard's data has {len(problems)} problem(s), so the pages cannot be shown. "
             "Fix them in the files named below, then reload. "
             "`python -m components.validate` prints the same list.", icon=":material/error:")
    table = pd.DataFrame([vars(problem) for problem in problems],
                         columns=["file", "line", "record", "field", "code", "message"])
    st.dataframe(table, hide_index=True, width="stretch")
    st.code("\n".join(str(problem) for problem in problems), language=None)


def _leave_legacy_pages_mode() -> None:
    """Make sure the page runs under dashboard.py's st.navigation.

    With a `pages/` folder beside the entry script, a fresh Streamlit server starts in its legacy
    multipage mode until some run calls st.navigation: the first visitor who opens a deep link
    (/meetings) would get pages/meetings.py run on its own, without the shared frame and with
    file names as navigation. Turning the legacy flag off and rerunning hands the request to
    dashboard.py, which serves the same page through st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def require_dataset() -> Dataset:
    """The dataset for a page; shows the error panel and stops the page if the data is invalid."""
    _leave_legacy_pages_mode()
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


def _date_or_note(published_text: object) -> str:
    """The publication date as given, or a note (pandas gives NaN, not None, for a missing one)."""
    return published_text if isinstance(published_text, str) and published_text else "no date shown"


def render_sources(source_ids: pd.Series | list, sources: pd.DataFrame) -> None:
    """The sources of what is drawn, under the chart: publisher, title (linked), date."""
    cited = cited_sources(source_ids, sources)
    if not cited:
        st.caption("Sources: none cited.")
        return
    lines = [f"- {escape_markdown(row['publisher'])}, [{escape_markdown(row['title'])}]({markdown_link_target(row['url'])})"
             f" ({_date_or_note(row['published_text'])})" for row in cited]
    with st.expander(f"Sources ({len(cited)})", expanded=len(cited) <= 3):
        st.markdown("\n".join(lines))


def render_chart_with_data(figure: go.Figure, *, summary: str, table: pd.DataFrame, sources: pd.DataFrame,
                           file_name: str, key: str, column_config: dict | None = None) -> None:
    """A chart with its summary line, its table twin, a CSV of exactly those rows, and its sources."""
    st.write(escape_markdown(summary))
    st.plotly_chart(figure, config=chart_config(file_name), key=f"{key}_chart", width="stretch")
    if table.empty:
        return
    with st.expander(f"Table: the {len(table)} figure(s) drawn"):
        st.dataframe(table.drop(columns=["sources"], errors="ignore"), hide_index=True, width="stretch",
                     column_config=column_config, key=f"{key}_table")
    st.download_button("Download these rows (CSV)", lambda: to_csv_bytes(table), file_name=f"{file_name}.csv",
                       mime="text/csv", key=f"{key}_csv", icon=":material/download:", on_click="ignore")
    render_sources(table["sources"], sources)
