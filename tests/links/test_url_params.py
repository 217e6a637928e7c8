"""AppTest of the URL contract on the real data: each page opens the view its query string names,
ignores what is invalid with a notice, and offers a Share link that reproduces the view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from components.data.dataset import load_dataset
from components.domain import meetings as mt
from components.domain.choices import list_dataset_years
from components.links.pages import DATA_VERSION, PAGES, SHARED_PARAMS
from components.links.params import build_param_rules, sanitize_params
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import chart_figures, notices, open_page, plain, share_link


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def _query(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query)


def _meeting_count(app) -> int:
    line = next(plain(m.value) for m in app.markdown if "meeting(s) match" in plain(m.value))
    return int(line.split()[0])


def test_a_trade_link_opens_tab_pair_year_and_years(dataset):
    app = open_page("pages/trade.py", tab="pairs", pair="KAZ–UZB", year="2022", years=["2018", "2023"])
    assert not app.exception
    assert app.slider(key="years").value == (2018, 2023)
    assert app.selectbox(key="pair").value == "KAZ–UZB" and app.selectbox(key="year").value == 2022
    pair_chart = next(f for f in chart_figures(app) if "KAZ–UZB" in str(f["layout"].get("title", "")))
    drawn_years = {x for trace in pair_chart["data"] for x in trace["x"]}
    assert drawn_years and all(2018 <= year <= 2023 for year in drawn_years)
    query = _query(share_link(app))
    assert query == {"years": ["2018", "2023"], "tab": ["pairs"], "year": ["2022"], "pair": ["KAZ–UZB"],
                     "v": [dataset.info.updated]}


def test_the_share_link_follows_a_changed_control(dataset):
    app = open_page("pages/trade.py", tab="pairs")
    assert "pair" not in _query(share_link(app))  # the default view has a short link
    app.selectbox(key="pair").select("KGZ–UZB").run()
    assert _query(share_link(app))["pair"] == ["KGZ–UZB"]
    citation = plain(app.get("popover")[0].code[1].value)
    assert "Central Asia Cooperation Dashboard" in citation and f"Data last changed {dataset.info.updated}" in citation


def test_a_meetings_link_opens_its_filters_and_the_detail_view(dataset):
    app = open_page("pages/meetings.py", countries="Kazakhstan", level="heads-of-state",
                    meeting="ca-cm-2024-08-astana")
    assert not app.exception
    expected = mt.filter_meetings(dataset.meetings, mt.MeetingFilter(hosts=("KAZ",), levels=("heads-of-state",)))
    assert _meeting_count(app) == len(expected)
    assert app.multiselect(key="countries").value == ["KAZ"]
    assert app.selectbox(key="meeting").value == "ca-cm-2024-08-astana"
    title = dataset.meetings.set_index("id").loc["ca-cm-2024-08-astana", "title"]
    assert plain(app.subheader[0].value) == title
    assert _query(share_link(app))["meeting"] == ["ca-cm-2024-08-astana"]


def test_a_meetings_link_by_format_id_and_search_text(dataset):
    app = open_page("pages/meetings.py", formats="consultative-meeting", q="Nur-Sultan")
    expected = mt.filter_meetings(dataset.meetings, mt.MeetingFilter(formats=("consultative-meeting",),
                                                                       text="Nur-Sultan"))
    assert len(expected) > 0 and _meeting_count(app) == len(expected)
    assert app.text_input(key="q").value == "Nur-Sultan"
    assert _query(share_link(app))["formats"] == ["consultative-meeting"]


def test_choosing_a_meeting_writes_its_id_to_the_url():
    app = open_page("pages/meetings.py")
    app.selectbox(key="meeting").select("ca-cm-2024-08-astana").run()
    assert app.query_params["meeting"] == "ca-cm-2024-08-astana"
    assert _query(share_link(app))["meeting"] == ["ca-cm-2024-08-astana"]


def test_a_formats_link_opens_one_format(dataset):
    app = open_page("pages/formats.py", kind="five-party", format="consultative-meeting")
    assert not app.exception
    assert app.selectbox(key="format").value == "consultative-meeting"
    name = dataset.formats.set_index("id").loc["consultative-meeting", "name"]
    assert any(plain(m.value).startswith(f"**{name}**") for m in app.markdown)
    assert _query(share_link(app)) == {"kind": ["five-party"], "format": ["consultative-meeting"],
                                       "v": [dataset.info.updated]}


def test_an_initiatives_link_opens_one_initiative(dataset):
    app = open_page("pages/initiatives.py", initiative="friendship-treaty")
    name = dataset.initiatives.set_index("id").loc["friendship-treaty", "name"]
    assert any(plain(s.value) == name for s in app.subheader)
    assert _query(share_link(app))["initiative"] == ["friendship-treaty"]


def test_a_sources_link_opens_its_search(dataset):
    app = open_page("pages/sources.py", q="kabar")
    shown = int(next(c.value for c in app.caption if " of " in c.value and "sources" in c.value).split()[0])
    assert 0 < shown < len(dataset.sources)


@pytest.mark.parametrize("page, query, ignored", [
    ("pages/trade.py", {"years": ["1850", "2023"], "pair": "XXX", "tab": "pairs"},
     ["years=1850", "years=2023", "pair=XXX"]),
    ("pages/meetings.py", {"meeting": "no-such-meeting", "countries": ["Atlantis", "Kazakhstan"], "level": "Kings"},
     ["meeting=no-such-meeting", "countries=Atlantis", "level=Kings"]),
    ("pages/formats.py", {"format": "'; DROP TABLE", "kind": "Everything"}, ["format='; DROP TABLE", "kind=Everything"]),
    ("pages/initiatives.py", {"initiative": "x" * 5000, "zz": "<script>alert(1)</script>"},
     ["initiative=" + "x" * 37 + "…", "zz=<script>alert(1)</script>"]),
    ("pages/sources.py", {"q": "y" * 500}, ["q=" + "y" * 37 + "…"]),
    ("pages/overview.py", {"pair": "KAZ–UZB"}, ["pair=KAZ–UZB"]),
])
def test_bad_parameters_are_ignored_with_a_notice(page, query, ignored):
    app = open_page(page, **query)
    assert not app.exception
    notice = notices(app)[0]
    assert notice.startswith(":material/link_off: Part of the link was ignored: ")
    for item in ignored:
        assert item in notice
    shared = _query(share_link(app))
    for item in ignored:
        key, value = item.split("=", 1)
        assert value.rstrip("…") not in " ".join(shared.get(key, []))


def test_the_valid_part_of_a_bad_link_still_opens():
    app = open_page("pages/meetings.py", countries=["Atlantis", "Kazakhstan"], meeting="no-such-meeting")
    assert app.multiselect(key="countries").value == ["KAZ"]


def test_an_old_link_opens_with_a_note_that_the_data_changed(dataset):
    app = open_page("pages/trade.py", v="2020-01-01")
    assert not app.exception
    assert any("made with the data of 2020-01-01" in note and dataset.info.updated in note for note in notices(app))
    current = open_page("pages/trade.py", v=dataset.info.updated)
    assert notices(current) == []


def test_the_years_filter_spans_every_year_in_the_data(dataset):
    app = open_page("pages/meetings.py")
    span = list_dataset_years(dataset)
    assert (app.slider(key="years").min, app.slider(key="years").max) == (span[0], span[-1])


def test_every_documented_example_is_a_valid_parameter(dataset):
    examples = [("trade", param) for param in [*SHARED_PARAMS.values(), DATA_VERSION]]
    examples += [(page.url_path, param) for page in PAGES for param in page.params]
    for url_path, param in examples:
        raw = parse_qs(param.example)
        clean, ignored = sanitize_params(raw, build_param_rules(dataset, url_path))
        assert ignored == [] and clean == raw, (url_path, param.example)


def test_a_country_named_in_another_language_of_the_dashboard_is_read_as_the_same_country():
    from components.i18n.texts import language

    dataset = load_dataset(DEFAULT_DATA_DIR)
    raw = {"countries": ["Kazakhstan", "Узбекистан", "Atlantis"]}
    with language("ru"):
        clean, ignored = sanitize_params(raw, build_param_rules(dataset, "meetings"))
    assert clean["countries"] == ["Казахстан", "Узбекистан"] and ignored == ["countries=Atlantis"]
    clean, ignored = sanitize_params(raw, build_param_rules(dataset, "meetings"))
    assert clean["countries"] == ["Kazakhstan", "Uzbekistan"] and ignored == ["countries=Atlantis"]
