"""The one route of a chart to the page: summary, chart, how to read it, table twin, CSV, sources."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.blocks.block import ChartBlock
from components.exports.csv_file import to_csv_bytes
from components.figures.base import chart_config
from components.i18n.texts import _, ngettext
from components.ui.markdown import escape_markdown
from components.ui.panels import render_sources
from components.ui.tables import render_table

# Map outlines served by Streamlit's static serving (static/topojson/), relative so a URL prefix works.
MAP_CONFIG = {"topojsonURL": "app/static/topojson/"}


def chart_key(block: ChartBlock) -> str:
    """The chart's widget key (its selection lives in st.session_state under it)."""
    return f"{block.key}_chart"


def render_chart_block(block: ChartBlock, *, on_select: Callable[[], None] | None = None,
                       map_outlines: bool = False) -> None:
    """The only caller of st.plotly_chart: every chart comes with all of its block's parts."""
    st.write(escape_markdown(block.summary))
    config = {**chart_config(block.file_name), **(MAP_CONFIG if map_outlines else {})}
    selection = {"on_select": on_select, "selection_mode": "points"} if on_select else {}
    st.plotly_chart(block.figure, config=config, key=chart_key(block), width="stretch", **selection)
    if block.note:
        st.caption(escape_markdown(block.note))
    if not block.table.empty:
        _render_table_and_csv(block)
    render_sources(block.sources, table=block.sources_table)


def _render_table_and_csv(block: ChartBlock) -> None:
    count = len(block.table)
    with st.expander(ngettext("Table: the {count} {label}(s) drawn", "Table: the {count} {label}(s) drawn",
                              count).format(count=count, label=_(block.table_label))):
        render_table(block.shown_table, width="stretch", key=f"{block.key}_table")
    render_csv_download(block.table, file_name=block.file_name, key=f"{block.key}_csv")


def render_csv_download(rows: pd.DataFrame | Callable[[], pd.DataFrame], *, file_name: str, key: str,
                        label: str | None = None, container=st) -> None:
    """A CSV of exactly these rows (or of what `rows()` returns), built when clicked, not on every rerun.
    `label`: the button's text, already translated (default: 'Download these rows (CSV)')."""
    container.download_button(label or _("Download these rows (CSV)"), lambda: to_csv_bytes(rows() if callable(rows) else rows),
                              file_name=f"{file_name}.csv", mime="text/csv", key=key, icon=":material/download:",
                              on_click="ignore")
