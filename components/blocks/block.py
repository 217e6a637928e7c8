"""A chart block: everything a chart brings to the page, built by one pure function per chart.

The figure, a summary line computed from the data, the table twin of exactly the rows drawn (with
each row's sources), the sources cited under it and the file name of its downloads. The only
way a chart reaches a page is `components.ui.chart.render_chart_block`, which shows all of it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.domain.sources import add_source_columns, build_sources_table, cited_sources
from components.i18n.texts import N_

SOURCE_COLUMNS = {"source_publishers": "source publishers", "source_urls": "source urls"}


@dataclass(frozen=True)
class ChartBlock:
    """One chart with its summary, table twin, CSV rows and sources."""

    key: str  # unique on the page: the widget keys of the chart, table and download
    figure: go.Figure
    summary: str
    table: pd.DataFrame  # one row per thing drawn, with its sources (ids, publishers, urls): also the CSV
    sources: list[dict]  # the sources cited by the rows, first-cited order, each once
    file_name: str  # of the PNG (chart toolbar) and the CSV, without extension
    note: str = ""  # a caption under the chart: how to read it
    table_label: str = N_("figure")  # what one row is, for the table's heading (marked N_, shown as _(label))

    # Built once per block: a block is shared by every reader of its view, and the page hands the same
    # table objects to Streamlit on every rerun (components/ui/tables.py turns each into Arrow once).
    @functools.cached_property
    def shown_table(self) -> pd.DataFrame:
        """The table as the page shows it: without the source ids."""
        return self.table.drop(columns=["sources"], errors="ignore")

    @functools.cached_property
    def sources_table(self) -> pd.DataFrame:
        """The sources under the chart as one table (shown so when there are many)."""
        return build_sources_table(self.sources)


def build_chart_block(key: str, figure: go.Figure, summary: str, rows: pd.DataFrame, sources: pd.DataFrame, *,
                      file_name: str, note: str = "", table_label: str = N_("figure")) -> ChartBlock:
    """A block from a figure and the table of its rows; a table without source columns gets them."""
    table = rows if "source urls" in rows.columns or rows.empty else (
        add_source_columns(rows, sources).rename(columns=SOURCE_COLUMNS))
    return ChartBlock(key, figure, summary, table.reset_index(drop=True),
                      cited_sources(table["sources"] if "sources" in table else [], sources),
                      file_name, note, table_label)


def view_bytes(view: object) -> int:
    """About how much memory a built view holds: its blocks' tables and figures (as JSON text), its
    other tables, recursively through tuples; None and plain values (a year) count as nothing."""
    if view is None or isinstance(view, (int, float, str)):
        return 0
    if isinstance(view, tuple):
        return sum(view_bytes(part) for part in view)
    if isinstance(view, pd.DataFrame):
        return int(view.memory_usage(deep=True).sum())
    if isinstance(view, ChartBlock):
        return view_bytes(view.table) + len(view.figure.to_json())
    raise TypeError(f"not a view part: {type(view).__name__}")


# A built view is kept for every reader of the same link: at most this many views and this much memory per
# cache. There are eight (the meetings page's filtered views, and one per trade view): 256 MB at most in all.
VIEW_CACHE_ENTRIES = 128
VIEW_CACHE_BYTES = 32 * 2**20
