"""Shared figure conventions."""

from __future__ import annotations

import pytest
from plotly.exceptions import PlotlyError

from components.figures.base import TITLE_LINE, build_empty_figure, escape_text, layout, make_figure, wrap_title


def test_long_titles_are_broken_at_spaces_into_short_lines():
    title = "Central Asia's trade with outside partners, beside trade within the region"
    wrapped = wrap_title(title)
    assert wrapped.replace("<br>", " ") == title
    assert wrapped.count("<br>") == 1 and all(len(line) <= TITLE_LINE for line in wrapped.split("<br>"))
    assert wrap_title("Short title") == "Short title"


def test_a_wrapped_title_makes_room_for_its_extra_line():
    short, long = layout(title="t"), layout(title="word " * 20)
    assert long["height"] - short["height"] == long["margin"]["t"] - short["margin"]["t"] == 22 * 1


def test_the_legend_sits_below_the_axis_title():
    with_axis = make_figure([], layout(title="t", x_title="Year"))
    without = make_figure([], layout(title="t"))
    assert with_axis.layout.legend.y < without.layout.legend.y < 0
    assert with_axis.layout.xaxis.title.text == "Year"


def test_axis_options_and_titles_combine():
    figure = make_figure([], layout(title="t", y_title="US$ billion", yaxis={"autorange": "reversed"}))
    assert (figure.layout.yaxis.autorange, figure.layout.yaxis.title.text) == ("reversed", "US$ billion")


def test_the_figure_is_still_validated_once_built():
    with pytest.raises((ValueError, PlotlyError)):
        make_figure([{"type": "scatter", "markr": {}}], layout(title="t"))


def test_the_empty_figure_says_why_and_hides_its_axes():
    figure = build_empty_figure("Nothing <here>", title="t")
    assert figure.layout.annotations[0].text == "Nothing <here>"
    assert figure.layout.xaxis.visible is False and not figure.data


def test_text_from_the_data_is_escaped_for_plotly():
    assert escape_text('<a href="javascript:x">&</a>') == '&lt;a href="javascript:x"&gt;&amp;&lt;/a&gt;'
