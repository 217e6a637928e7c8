"""The floor this stack allows: a bare Streamlit page with N small Plotly charts (graph_objects).

N comes from the query parameter `charts` (default 1). Run by bench/ beside the dashboard.
"""

import plotly.graph_objects as go
import streamlit as st

count = int(st.query_params.get("charts", "1"))
st.title("Bare baseline")
for index in range(count):
    figure = go.Figure(go.Scatter(x=list(range(2010, 2025)), y=[(year * (index + 3)) % 17 for year in range(15)],
                                  mode="lines+markers", name=f"series {index}"))
    figure.update_layout(title=f"Chart {index + 1}", height=320)
    st.plotly_chart(figure, key=f"chart_{index}")
