"""AppTest: what a user sees on the overview and sources pages, and the error panel."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.data.dataset import load_dataset
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import frame_with, plain
from tests.conftest import PROJECT, build_data_dir

APP = str(PROJECT / "dashboard.py")


def _start(**query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


@pytest.fixture(scope="module")
def real():
    return load_dataset(DEFAULT_DATA_DIR)


def test_overview_shows_the_counts_and_last_change_of_the_real_data(real):
    app = _start()
    assert not app.exception
    assert app.title[0].value == "Central Asia Cooperation Dashboard"
    metrics = {metric.label: metric.value for metric in app.metric}
    counts = real.counts()
    assert {label: metrics[label] for label in ("Meetings", "Formats", "Initiatives", "Trade figures", "Sources")} == {
        "Meetings": f"{counts['meetings']:,}", "Formats": f"{counts['formats']:,}",
        "Initiatives": f"{counts['initiatives']:,}", "Trade figures": f"{counts['trade']:,}",
        "Sources": f"{counts['sources']:,}"}
    assert f"Data last changed {real.info.updated}." in [caption.value for caption in app.caption]


def test_overview_shows_the_latest_intraregional_figure_with_its_reporter(real):
    app = _start()
    totals = real.trade[(real.trade["measure"] == "intraregional-total") & real.trade["value_usd"].notna()]
    latest = totals.sort_values(["year", "statement_date"]).iloc[-1]
    metric = next(metric for metric in app.metric if metric.label.startswith("Latest figure"))
    assert metric.label == f"Latest figure (for {latest['year']})"
    assert metric.value.endswith(f"${latest['value_usd'] / 1e9:g} billion")
    assert any(plain(caption.value).startswith(f"Reported by {latest['reporter']}, {latest['statement_date_text']}")
               for caption in app.caption)


def test_overview_counts_held_meetings_by_level_and_names_the_last_summit(real):
    app = _start()
    table = frame_with(app, "Meetings held")
    held = real.meetings[real.meetings["status"] == "held"]
    assert sum(table["Meetings held"]) == len(held)
    assert dict(zip(table["Level"], table["Meetings held"]))["Heads of state"] == int((held["level"] == "heads-of-state").sum())
    summits = held[held["format"] == "consultative-meeting"].sort_values("start")
    last_line = next(m.value for m in app.markdown if m.value.startswith("**Last:**"))
    assert summits.iloc[-1]["title"].split()[0] in last_line


def test_error_panel_lists_every_problem_instead_of_a_traceback(tmp_path, use_data_dir):
    use_data_dir(build_data_dir(tmp_path / "data", "wrong-values"))
    app = _start()
    assert not app.exception
    assert "has 4 problem(s)" in app.error[0].value
    problems = app.dataframe[0].value
    assert list(problems["code"]) == ["wrong-type", "not-allowed-value", "unknown-field", "out-of-range"]
    assert "data/meetings.yaml:9 record `cm-2024-astana` field `status`" in app.code[0].value
    assert not app.metric


def test_error_panel_for_a_file_that_is_not_yaml(tmp_path, use_data_dir):
    use_data_dir(build_data_dir(tmp_path / "data", "tab"))
    app = _start()
    assert not app.exception
    assert "spaces, not tabs" in app.code[0].value


def test_sources_page_lists_and_searches_the_sources(real):
    app = _start()
    app.switch_page("pages/sources.py").run()
    assert app.title[0].value == "Sources"
    assert len(app.dataframe[0].value) == len(real.sources)
    publisher = real.sources["publisher"].iloc[0]
    app.text_input(key="q").input(publisher).run()
    shown = app.dataframe[0].value
    assert 0 < len(shown) <= len(real.sources)
    assert all(publisher.lower() in f"{row.publisher} {row.title_shown} {row.citing} {row.url}".lower()
               for row in shown.itertuples())


def test_sources_page_filters_by_publisher_and_kind_and_says_what_was_not_read(real):
    app = _start()
    app.switch_page("pages/sources.py").run()
    table = app.dataframe[0].value
    assert list(table.columns) == ["publisher", "publisher_kind_label", "citing", "title_shown", "published_shown",
                                   "accessed", "language", "cited_by", "url"]
    unread = real.sources[~real.sources["page_read"]]
    assert set(table.loc[table["url"].isin(unread["url"]), "title_shown"]) == {"not read"}
    assert "None" not in set(table["published_shown"].astype(str))  # a missing date is said, never "None"
    app.multiselect(key="publisher").select("kazinform").run()
    shown = app.dataframe[0].value
    assert len(shown) == int((real.sources["publisher_id"] == "kazinform").sum()) > 0
    assert set(shown["publisher"]) == {"Kazinform"}
    assert app.query_params["publisher"] == "kazinform"
    app.multiselect(key="publisher").unselect("kazinform").run()
    app.multiselect(key="kind").select("government").run()
    shown = app.dataframe[0].value
    assert set(shown["publisher_kind_label"]) == {"Government"}
    assert len(shown) == int((real.sources["publisher_kind"] == "government").sum())


def test_sources_page_says_what_to_change_when_nothing_matches():
    app = _start()
    app.switch_page("pages/sources.py").run()
    app.text_input(key="q").input("no such publisher zzz").run()
    assert app.info[0].value.startswith("No source matches “no such publisher zzz”.")
    assert not app.dataframe


def test_overview_opens_with_the_statistics_and_sets_the_latest_growth_claim_beside_them(real):
    from components.domain import trade_aggregates
    from components.domain.overview import summarize_dataset
    from tests.apptest_helpers import chart_figures

    app = _start()
    headline = chart_figures(app)[0]
    names = [trace["name"] for trace in headline["data"]]
    assert names[:2] == ["Exports-based total (IMF DOTS)", "Imports-based total (IMF DOTS)"]
    claim = summarize_dataset(real).growth_claim
    compared = trade_aggregates.claim_comparisons(real, claim["id"])
    text = "\n".join(plain(m.value) for m in app.markdown)
    assert compared and all(row["statistics (IMF DOTS)"] in text for row in compared)
