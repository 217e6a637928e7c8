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


@once_per_object
def as_arrow(table: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The table as Arrow, without its index (pages hide it); the table itself where Arrow cannot hold
    a column (mixed types), which Streamlit then converts its own way."""
    try:
        return pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return table


def render_table(table: pd.DataFrame, *, container=st, **options) -> object:
    """st.dataframe of `table` (always without its index), with Streamlit's own options."""
    return container.dataframe(as_arrow(table), hide_index=True, **options)
