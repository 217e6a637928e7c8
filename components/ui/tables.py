"""The one way a table reaches the page: `render_table`, which hands Streamlit an Arrow table.

Streamlit turns a pandas table into Arrow on every rerun, column by column through NumPy: under the
shared-link burst that was about an eighth of a server's time (README, "Deploy"). The tables the pages
show are mostly shared, read-only views built once for every reader of a link, so each is turned into
Arrow once, held as long as the table itself is.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from components.data.memo import once_per_object
from components.i18n.formats import is_source_language
from components.i18n.texts import pgettext


@once_per_object
def as_arrow(table: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The table as Arrow, without its index (pages hide it); the table itself where Arrow cannot hold
    a column (mixed types), which Streamlit then converts its own way."""
    try:
        return pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return table


def header_labels(columns: list[str], configured: dict | None) -> dict:
    """Column configs that show each column's header in the reader's language (the table's own column
    names stay: they are the CSV's); a column the page configures itself keeps its config."""
    configured = dict(configured or {})
    if is_source_language():
        return configured
    for column in columns:
        if column not in configured:
            configured[column] = st.column_config.Column(pgettext("column", str(column)))
    return configured


def render_table(table: pd.DataFrame, *, container=st, column_config: dict | None = None, **options) -> object:
    """st.dataframe of `table` (always without its index) with its headers in the reader's language, with
    Streamlit's own options."""
    return container.dataframe(as_arrow(table), hide_index=True,
                               column_config=header_labels(list(table.columns), column_config) or None, **options)
