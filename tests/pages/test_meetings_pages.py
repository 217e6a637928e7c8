"""AppTest of the meetings, formats and initiatives pages on the real data."""

from __future__ import annotations

import re

import pytest

from components.data.dataset import load_dataset
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import chart_figures, frame_with, open_page, plain


@pytest.fixture(scope="module")
def data():
    return load_dataset(DEFAULT_DATA_DIR)


def _count_line(app) -> str:
    return next(plain(m.value) for m in app.markdown if "meeting(s) match" in plain(m.value))


def test_meetings_page_counts_and_draws_every_dated_meeting(data):
    app = open_page("pages/meetings.py")
    assert not app.exception
    meetings = data.meetings
    assert _count_line(app).startswith(f"{len(meetings)} meeting(s) match: {int((meetings['status'] == 'held').sum())} held")
    timeline, world = chart_figures(app)
    drawn = [m for trace in timeline["data"] for m in trace.get("customdata", [])]
    assert sorted(drawn) == sorted(meetings.loc[meetings["start"].notna(), "id"])
    assert len(frame_with(app, "start")) == len(meetings)
    assert world["data"][0]["type"] == "scattergeo"


def test_search_finds_astana_meetings_by_the_alias_nur_sultan(data):
    app = open_page("pages/meetings.py")
    app.text_input(key="q").input("Nur-Sultan").run()
    found = set(frame_with(app, "start")["id"])
    assert "ca-cm-2024-08-astana" in found
    record = data.meetings.set_index("id").loc["ca-cm-2024-08-astana"]
    assert "nur-sultan" not in " ".join([record["title"], *record["outcomes"], *record["notes"]]).lower()


def test_filters_change_the_count(data):
    app = open_page("pages/meetings.py")
    app.multiselect(key="kind").select("central-asia-plus").run()
    app.multiselect(key="level").select("heads-of-state").run()
    expected = data.meetings[(data.meetings["format_kind"] == "central-asia-plus")
                             & (data.meetings["level"] == "heads-of-state")]
    assert _count_line(app).startswith(f"{len(expected)} meeting(s) match")
    assert set(frame_with(app, "start")["id"]) == set(expected["id"])


def test_host_and_year_filters(data):
    app = open_page("pages/meetings.py")
    app.multiselect(key="countries").select("TKM").run()
    app.slider(key="years").set_range(2021, 2022).run()
    meetings = data.meetings
    expected = meetings[(meetings["country"] == "TKM") & meetings["year"].between(2021, 2022).fillna(False).astype(bool)]
    assert set(frame_with(app, "start")["id"]) == set(expected["id"])


def test_nothing_matches_says_what_to_change():
    app = open_page("pages/meetings.py")
    app.text_input(key="q").input("no such meeting zzz").run()
    assert app.info[0].value.startswith("No meeting matches these filters. Clear the search or remove a filter")
    assert not app.get("plotly_chart")


def test_detail_view_lists_outcomes_documents_neighbours_and_sources(data):
    app = open_page("pages/meetings.py")
    app.selectbox(key="meeting").select("ca-cm-2024-08-astana").run()
    record = data.meetings.set_index("id").loc["ca-cm-2024-08-astana"]
    assert plain(app.subheader[0].value) == record["title"]
    text = "\n".join(plain(m.value) for m in app.markdown)
    assert all(outcome in text for outcome in record["outcomes"])
    assert "Concept of development of regional cooperation 'Central Asia – 2040' (initiative:" in text
    summits = data.meetings[data.meetings["format"] == "consultative-meeting"].sort_values("start").reset_index()
    position = summits.index[summits["id"] == "ca-cm-2024-08-astana"][0]
    assert f"**Previous in this format:** {summits.loc[position - 1, 'title']}" in text
    assert f"**Next in this format:** {summits.loc[position + 1, 'title']}" in text
    urls = data.sources.set_index("id").loc[record["sources"], "url"]
    lists = [re.findall(r"\]\(([^)]+)\)", m.value) for m in app.markdown]
    assert sorted(set(record["sources"])) and [sorted(set(urls))] == [sorted(links) for links in lists
                                                                      if set(links) == set(urls)][:1]


def test_downloads_offer_csv_and_a_calendar_of_the_day_dated_meetings(data):
    app = open_page("pages/meetings.py")
    labels = [button.proto.label for button in app.get("download_button")]
    day_dated = int(data.meetings["start_precision"].eq("day").sum())
    assert labels[-2:] == ["Meetings shown (CSV)", f"Calendar of the {day_dated} meeting(s) dated to the day (.ics)"]


def test_formats_grid_and_one_format(data):
    app = open_page("pages/formats.py")
    assert not app.exception
    grid = chart_figures(app)[0]["data"][0]
    held = data.meetings[(data.meetings["status"] == "held") & data.meetings["year"].notna()]
    assert sorted(grid["y"]) == sorted(held["format_name"].unique())
    app.selectbox(key="format").select("c5-chn").run()
    listed = [frame.value for frame in app.dataframe if {"title", "place"} <= set(frame.value.columns)][-1]
    assert len(listed) == int((data.meetings["format"] == "c5-chn").sum())
    text = "\n".join(plain(m.value) for m in app.markdown)
    assert "Partner: China" in text and "Last meeting:" in text


def test_formats_summit_table_names_partners_who_rose_to_summit_level(data):
    app = open_page("pages/formats.py")
    summits = next(frame.value for frame in app.dataframe if "first summit" in frame.value.columns)
    assert {"CHN", "USA", "EU", "JPN"} <= set(summits["partner"])


def test_initiatives_page_history_filter_and_detail(data):
    app = open_page("pages/initiatives.py")
    assert not app.exception
    assert any(plain(m.value).startswith(f"{len(data.initiatives)} initiative(s) match, with ") for m in app.markdown)
    app.multiselect(key="status").select("signed").run()
    signed = data.initiatives[data.initiatives["status"] == "signed"]
    assert any(plain(m.value).startswith(f"{len(signed)} initiative(s) match, with ") for m in app.markdown)
    app.selectbox(key="initiative").select("friendship-treaty").run()
    steps = [frame.value for frame in app.dataframe if "what happened" in frame.value.columns][-1]  # the detail's
    expected = data.initiative_steps[data.initiative_steps["initiative"] == "friendship-treaty"]
    assert list(steps["date"]) == list(expected["date_text"])
    assert "Signed" in set(steps["status"])


def test_initiatives_nothing_matches():
    app = open_page("pages/initiatives.py")
    app.text_input(key="q").input("zzz no such initiative").run()
    assert app.info[0].value.startswith("No initiative matches these filters.")


def test_detail_view_names_each_sources_publisher_kind_title_and_date(data):
    app = open_page("pages/meetings.py")
    app.selectbox(key="meeting").select("ca-cm-2024-08-astana").run()
    record = data.meetings.set_index("id").loc["ca-cm-2024-08-astana"]
    sources = data.sources.set_index("id").loc[record["sources"]]
    text = "\n".join(plain(m.value) for m in app.markdown)
    for source in sources.itertuples():
        title = source.title if isinstance(source.title, str) else f"title: {source.title_shown}"
        assert f"{source.publisher} ({source.publisher_kind_label})" in text
        assert f"[{title}]" in text and source.published_shown in text
    assert len(record["sources"]) <= 5


def test_a_meeting_known_only_from_pages_about_its_format_says_so(data):
    format_only = data.meetings[data.meetings["no_page_about_meeting"]]
    assert not format_only.empty
    app = open_page("pages/meetings.py")
    app.selectbox(key="meeting").select(format_only["id"].iloc[0]).run()
    captions = [plain(c.value) for c in app.caption]
    assert "No page about this meeting itself was found; the sources below are the best pages about its format." \
        in captions
    app.selectbox(key="meeting").select("ca-cm-2024-08-astana").run()
    assert not any("No page about this meeting itself" in plain(c.value) for c in app.caption)
