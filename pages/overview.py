"""Overview: where the dataset stands."""

import streamlit as st

from components.overview import summarize_dataset
from components.settings import DASHBOARD_TITLE
from components.ui import require_dataset

dataset = require_dataset()
summary = summarize_dataset(dataset)

st.title(DASHBOARD_TITLE)
st.write("Regional cooperation of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan: "
         "meetings, formats, initiatives and trade, every record traced to public sources.")
st.caption(f"Data last changed {summary.updated}.")

columns = st.columns(len(summary.counts))
for column, (label, count) in zip(columns, summary.counts.items()):
    column.metric(label, f"{count:,}")

st.subheader("Meetings by status")
st.dataframe(summary.meetings_by_status, hide_index=True)
st.caption("Sources for every record are listed on the Sources page.")
st.page_link("pages/sources.py", label="All sources", icon=":material/menu_book:")
