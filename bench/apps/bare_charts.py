"""The floor this stack allows: a bare Streamlit page with N small Plotly charts (graph_objects).

N comes from the query parameter `charts` (default 1). With `freeze=1` the page takes the
process's objects out of the garbage collector's sight (gc.freeze) as the dashboard does after
loading its data, so Streamlit's full collection after each run has next to nothing to walk.
Run by bench/ beside the dashboard.
"""

import gc

import plotly.graph_objects as go
import streamlit as st

count = int(st.query_params.get("charts", "1"))
if st.query_params.get("freeze") == "1":
    gc.freeze()
st.title("Bare baseline")
for index in range(count):
    figure = go.Figure(go.Scatter(x=list(range(2010, 2025)), y=[(year * (index + 3)) % 17 for year in range(15)],
                                  mode="lines+markers", name=f"series {index}"))
    figure.update_layout(title=f"Chart {index + 1}", height=320)
    st.plotly_chart(figure, key=f"chart_{index}")
