"""Entry point: `streamlit run dashboard.py`. Page config, navigation and the shared sidebar."""

import streamlit as st

from components.settings import DASHBOARD_TITLE
from components.ui import load_dataset_or_problems, render_data_problems, render_sidebar

st.set_page_config(page_title=DASHBOARD_TITLE, page_icon="static/favicon.png", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/trade.py", title="Trade", icon=":material/bar_chart:", url_path="trade"),
    st.Page("pages/meetings.py", title="Meetings", icon=":material/event:", url_path="meetings"),
    st.Page("pages/formats.py", title="Formats", icon=":material/hub:", url_path="formats"),
    st.Page("pages/initiatives.py", title="Initiatives", icon=":material/flag:", url_path="initiatives"),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]
navigation = st.navigation(PAGES)

dataset = load_dataset_or_problems()
if isinstance(dataset, list):
    st.title(DASHBOARD_TITLE)
    render_data_problems(dataset)
    st.stop()
render_sidebar(dataset)
navigation.run()
