"""Entry point: `streamlit run dashboard.py`. Page config, navigation and the shared sidebar."""

import streamlit as st

from components.settings import DASHBOARD_TITLE
from components.ui.loader import load_dataset_or_problems, render_data_problems, render_sidebar
from components.ui.share import apply_link_params, render_link_notices, render_shared_filters
from components.links.contract import (COUNTRIES_APPLY_TO, YEARS_APPLY_TO, build_param_rules, country_names,
                                     list_dataset_years)

st.set_page_config(page_title=DASHBOARD_TITLE, page_icon="static/favicon.png", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/trade.py", title="Trade", icon=":material/bar_chart:", url_path="trade"),
    st.Page("pages/meetings.py", title="Meetings", icon=":material/event:", url_path="meetings"),
    st.Page("pages/formats.py", title="Formats", icon=":material/hub:", url_path="formats"),
    st.Page("pages/initiatives.py", title="Initiatives", icon=":material/flag:", url_path="initiatives"),
    st.Page("pages/sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
]
# Embedded in an article (?embed=true), a page shows no sidebar: no navigation, no filters.
navigation = st.navigation(PAGES, position="hidden" if st.context.is_embedded else "sidebar")

dataset = load_dataset_or_problems()
if isinstance(dataset, list):
    st.title(DASHBOARD_TITLE)
    render_data_problems(dataset)
    st.stop()
# The query string is checked against the page's URL contract before any widget reads it.
apply_link_params(build_param_rules(dataset, navigation.url_path))
if not st.context.is_embedded:
    render_sidebar(dataset)
render_shared_filters(list_dataset_years(dataset), country_names(dataset), navigation.url_path,
                      years_apply_to=YEARS_APPLY_TO, countries_apply_to=COUNTRIES_APPLY_TO)
render_link_notices(dataset.info.updated)
navigation.run()
