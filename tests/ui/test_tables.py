"""Tables reach Streamlit as Arrow, converted once per table object; what the reader sees is unchanged."""

import pandas as pd
import pyarrow as pa

from components.ui.tables import as_arrow


def test_a_table_is_turned_into_arrow_once_and_keeps_its_values_and_column_order():
    table = pd.DataFrame({"pair": ["KAZ–UZB", "KGZ–TJK"], "value": [4.1, None],
                          "start": pd.to_datetime(["2025-11-16", None]), "sources": [["a", "b"], []]},
                         index=[7, 3])
    arrow = as_arrow(table)
    assert isinstance(arrow, pa.Table)
    assert as_arrow(table) is arrow  # the same table object: not converted again
    assert arrow.column_names == ["pair", "value", "start", "sources"]  # the index is not a column
    back = arrow.to_pandas()
    assert back["pair"].tolist() == ["KAZ–UZB", "KGZ–TJK"] and back["value"].isna().tolist() == [False, True]
    assert back["sources"].map(list).tolist() == [["a", "b"], []]


def test_a_column_arrow_cannot_hold_leaves_the_table_to_streamlit():
    mixed = pd.DataFrame({"value": [1, "one", 2.5]})
    assert as_arrow(mixed) is mixed


def test_an_equal_but_new_table_is_converted_anew_not_served_from_another_tables_entry():
    first = pd.DataFrame({"a": [1]})
    second = pd.DataFrame({"a": [2]})
    assert as_arrow(first).column("a").to_pylist() == [1]
    assert as_arrow(second).column("a").to_pylist() == [2]
