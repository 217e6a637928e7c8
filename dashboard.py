"""Entry point: `streamlit run dashboard.py`. Page config, navigation and the shared sidebar.

Every page is declared once, in components/links/pages.py; navigation reads that registry.
"""

import streamlit as st

from components.i18n.texts import _, use_language
from components.links.pages import PAGES
from components.settings import DASHBOARD_TITLE
from components.ui.loader import load_dataset_or_problems
from components.ui.memo_report import report_memo_stats_at_exit
from components.ui.panels import render_data_problems, render_sidebar
from components.ui.share import (
    apply_link_params,
    chosen_language,
    render_language_switch,
    render_link_notices,
    render_shared_filters,
)
from components.ui.view import begin_view

report_memo_stats_at_exit()
# The language of everything this run shows: the switch's value, else the link's `lang` (else English).
language = chosen_language()
use_language(language)
st.set_page_config(page_title=_(DASHBOARD_TITLE), page_icon="static/favicon.png", layout="wide")

# The default page lives only at "/" (its own url_path would show "Page not found").
navigation_pages = [st.Page(page.file, title=_(page.title), icon=page.icon, default=True) if not page.url_path
                    else st.Page(page.file, title=_(page.title), icon=page.icon, url_path=page.url_path)
                    for page in PAGES]
# Embedded in an article (?embed=true), a page shows no sidebar: no navigation, no filters.
navigation = st.navigation(navigation_pages, position="hidden" if st.context.is_embedded else "sidebar")

dataset = load_dataset_or_problems()
if isinstance(dataset, list):
    st.title(_(DASHBOARD_TITLE))
    render_data_problems(dataset)
    st.stop()
# The query string is checked against the page's declared parameters before any widget reads it.
apply_link_params(dataset, navigation.url_path)
view = begin_view(navigation.url_path, dataset)
if not st.context.is_embedded:
    render_language_switch(language)
    render_sidebar(dataset)
render_shared_filters(dataset, view.page)
render_link_notices(dataset.info.updated)
navigation.run()
