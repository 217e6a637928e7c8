"""Every chart on every page comes with its summary, its table twin, a CSV of those rows and its sources.

The page is read in the order a user reads it: right before each chart its summary line; after it,
before anything else on the page, the table of the rows drawn, the CSV download and the sources.
"""

from __future__ import annotations

import pytest

from components.links.pages import PAGES, TRADE_TABS
from components.ui.panels import SOURCES_AS_TEXT
from tests.apptest_helpers import open_page, plain

# The charts each view draws on the real data (a page not listed draws none).
CHARTS = {("", None): 1, ("trade", "total"): 1, ("trade", "pairs"): 2, ("trade", "countries"): 1, ("trade", "targets"): 0,
          ("trade", "external"): 2, ("trade", "share"): 1, ("trade", "claims"): 0, ("meetings", None): 2,
          ("formats", None): 1, ("initiatives", None): 1}
VIEWS = [(page.url_path, tab) for page in PAGES for tab in (TRADE_TABS if page.url_path == "trade" else [None])]


def _in_order(node) -> list:
    """The page's elements in the order they are drawn (containers opened)."""
    flat = []
    for child in getattr(node, "children", {}).values():
        flat.append(child)
        flat += _in_order(child)
    return flat


def _text(element) -> str:
    if element.type in ("markdown", "caption"):
        return plain(element.value)
    return str(getattr(element, "label", "") or getattr(getattr(element, "proto", None), "label", "") or "")


def _parts_after(elements: list, start: int) -> list:
    """The elements after a chart, up to the next chart or heading."""
    parts = []
    for element in elements[start + 1:]:
        if element.type in ("plotly_chart", "subheader"):
            break
        parts.append(element)
    return parts


@pytest.mark.parametrize("url_path, tab", VIEWS)
def test_every_chart_shows_its_summary_table_csv_and_sources(url_path, tab):
    page = next(page for page in PAGES if page.url_path == url_path)
    app = open_page(page.file if url_path else None, **({"tab": tab} if tab else {}))
    elements = _in_order(app.main)
    charts = [index for index, element in enumerate(elements) if element.type == "plotly_chart"]
    assert len(charts) == CHARTS.get((url_path, tab), 0)
    for index in charts:
        summary = elements[index - 1]
        assert summary.type == "markdown" and len(_text(summary)) > 20, "no summary line right above the chart"
        texts = [_text(element) for element in _parts_after(elements, index)]
        table = next(text for text in texts if text.startswith("Table: the "))
        assert any(text == "Download these rows (CSV)" for text in texts)
        assert any(text.startswith("Sources (") or text == "Sources: none cited." for text in texts)
        tables = [element for element in _parts_after(elements, index) if element.type == "dataframe"]
        assert table.split()[2] == str(len(tables[0].value)), "the table's heading counts its rows"
        parts = _parts_after(elements, index)
        at = next(i for i, text in enumerate(texts) if text.startswith("Sources (") or text == "Sources: none cited.")
        if texts[at] != "Sources: none cited." and int(texts[at][9:-1]) > SOURCES_AS_TEXT:  # a long list is a table
            listed = next(element for element in parts[at:] if element.type == "dataframe").value
            assert len(listed) == int(texts[at][9:-1]) and listed["address"].str.startswith("http").all()


def test_charts_reach_the_page_only_through_their_block():
    """One route: no page or module but components/ui/chart.py calls st.plotly_chart."""
    from tests.test_architecture import calls_of

    callers = calls_of("plotly_chart")
    assert callers == ["components/ui/chart.py"], callers
