"""Shared figure conventions."""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts import TITLE_LINE, base_layout, wrap_title


def test_long_titles_are_broken_at_spaces_into_short_lines():
    title = "Central Asia's trade with outside partners, beside trade within the region"
    wrapped = wrap_title(title)
    assert wrapped.replace("<br>", " ") == title
    assert wrapped.count("<br>") == 1 and all(len(line) <= TITLE_LINE for line in wrapped.split("<br>"))
    assert wrap_title("Short title") == "Short title"


def test_the_legend_sits_below_the_axis_title():
    with_axis = base_layout(go.Figure(), title="t", x_title="Year")
    without = base_layout(go.Figure(), title="t")
    assert with_axis.layout.legend.y < without.layout.legend.y < 0
