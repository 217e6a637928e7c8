"""Robustness in a real browser.

1. Hostile text is shown as text: a data directory whose titles, names, outcomes, places, sources
   and reporters carry HTML, script and Markdown payloads, and links whose parameters carry them,
   render the payloads literally on every page, in the charts' labels and hover labels, add no
   link to another site, and run nothing.
2. Deployment under a path prefix (`--server.baseUrlPath ca-dashboard`): a deep link draws its
   charts and the map outlines (the topojson is fetched relative to the page), the sidebar links
   and the Share link keep the prefix, and the Share link opens the same view in a fresh browser.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml

from components import validate
from components.links.pages import PAGES as REGISTERED_PAGES
from components.settings import DATA_DIR_VARIABLE
from tests.browser.conftest import CHROMIUM, PROJECT, OfflinePage, open_share_link, start_server, wait_for_charts
from tests.browser.test_share_browser import _chart_data, _chips, _selected, _slider_values
from tests.conftest import build_data_dir

playwright_api = pytest.importorskip("playwright.sync_api")

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'
PAYLOAD_BOLD = "<b>bold</b>"
PAYLOAD_LINK = '<a href="javascript:window.__pwned=5">link</a>'  # Plotly reads <a href> in chart text
PAYLOAD_MARKDOWN = "**loud** [Download](https://markdown.example/)"  # st.markdown would read it: escaped
JAVASCRIPT_URL = "javascript:window.__pwned=3"  # the schema rejects it: see the validation test
QUERY_URL = 'https://example.org/news?q="><script>window.__pwned=4</script>'
SOURCES_HOST = "example.org"  # every source URL in the hostile data is on this site
BREAKOUT_URL = "https://example.org/stats)[Download](https://evil.example/)"  # would end a Markdown link early
MARKDOWN_LINK = "[Official figures](https://evil.example/)"

MEETING_TITLE = f"Summit {PAYLOAD_SCRIPT} {PAYLOAD_BOLD}"
OUTCOMES = [f"Agreed {PAYLOAD_IMG}", f"Noted {PAYLOAD_BOLD}", f"Said {PAYLOAD_MARKDOWN}"]
PLACE = f"Astana {PAYLOAD_IMG}"
FORMAT = f"Format {PAYLOAD_BOLD} {PAYLOAD_LINK}"
INITIATIVE = f"Concept {PAYLOAD_SCRIPT} {PAYLOAD_LINK}"
PUBLISHER = f"News {PAYLOAD_SCRIPT}"
SOURCE_TITLE = f"Leaders meet {PAYLOAD_IMG} {PAYLOAD_MARKDOWN}"
CITING = f"the MFA {PAYLOAD_LINK}"
REPORTER = f"Statistics {PAYLOAD_LINK}"

MEETING_SEARCH = "Search titles, outcomes, people and places (aliases such as Nur-Sultan work too)"
SOURCE_SEARCH = "Search publisher, title or address"
INITIATIVE_SEARCH = "Search names and descriptions"

# Everything that could run script, navigate to script or lead elsewhere: a payload's <script>/<img>
# in the DOM, an on* handler that mentions the payloads, any attribute value (href, xlink:href,
# src...) that is a javascript: URL, a link made by a payload. Also reads window.__pwned, which
# every payload would set.
_SAFETY_SCAN = """(SOURCES_HOST) => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (tag === 'script' && /__pwned/.test(element.textContent + (element.getAttribute('src') || '')))
            found.push('script: ' + element.outerHTML.slice(0, 120));
        if ((tag === 'img' || tag === 'image') && ['x', ''].includes(element.getAttribute('src')))
            found.push('img: ' + element.outerHTML.slice(0, 120));
        for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name) && /__pwned/.test(attribute.value))
                found.push(`${tag}[${attribute.name}]`);
            if (/^\\s*javascript:/i.test(attribute.value)) found.push(`${tag}[${attribute.name}=${attribute.value}]`);
        }
    }
    // Links leave only for the sources' own site (the app's source links): an address in data or link
    // text is not made a link either (Markdown would autolink it; the escaping breaks the pattern).
    for (const link of document.querySelectorAll('a[href]')) {
        const target = new URL(link.href, location.href);
        if (![location.host, SOURCES_HOST].includes(target.host)) found.push('link: ' + link.outerHTML);
    }
    // Plotly reads <a href>, <b> in chart text: data text must reach it escaped, so no SVG link.
    const inCharts = document.querySelectorAll('.js-plotly-plot svg script, .js-plotly-plot svg img, '
                                                + '.js-plotly-plot svg foreignObject, .js-plotly-plot svg a').length;
    return {pwned: typeof window.__pwned, found, inCharts,
            javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length};
}"""

# What a user can read: the page's text, the data grids' cells (drawn on canvas; their text lives
# in the grid's accessible table) and the values of text boxes; without the invisible word joiners
# that keep addresses and shortcodes in data text from turning into links and icons.
_READABLE_TEXT = """() => [document.body.innerText,
    ...[...document.querySelectorAll('[role=gridcell]')].map(cell => cell.textContent),
    ...[...document.querySelectorAll('input, textarea')].map(box => box.value)].join('\\n').replaceAll('\\u2060', '')"""

# Every string a chart carries: title, trace names, text, hover text, categories.
_CHART_STRINGS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => [
    String(plot.layout?.title?.text ?? ''),
    ...(plot._fullData || []).flatMap(trace => [trace.name, trace.text, trace.hovertext, trace.x, trace.y]
        .flatMap(value => value == null ? [] : (typeof value === 'string' ? [value] : Array.from(value)))
        .map(String))])"""


def _plotly_escaped(text: str) -> str:
    """The text as the figure builders write it into hover text (Plotly shows entities as characters)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# 1. Hostile text is shown as text
# ---------------------------------------------------------------------------------------------

def _edit_record(directory: Path, file_name: str, record_id: str, **fields) -> None:
    path = directory / file_name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(record for record in records if record["id"] == record_id).update(fields)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_hostile_data(target: Path, *, example_url: str = QUERY_URL) -> Path:
    """The valid fixture with payloads in the text fields a page shows (and in the source URLs)."""
    build_data_dir(target)
    _edit_record(target, "meetings.yaml", "cm-2024-astana", title=MEETING_TITLE, outcomes=OUTCOMES)
    _edit_record(target, "places.yaml", "astana", name=PLACE)
    _edit_record(target, "formats.yaml", "consultative-meeting", name=FORMAT)
    _edit_record(target, "initiatives.yaml", "concept-2040", name=INITIATIVE)
    _edit_record(target, "publishers.yaml", "example-news", name=PUBLISHER)
    _edit_record(target, "sources.yaml", "src-example", citing=CITING, title=SOURCE_TITLE, url=example_url)
    _edit_record(target, "sources.yaml", "src-undated", publisher="example-news", url=BREAKOUT_URL)
    _edit_record(target, "trade.yaml", "t-pair-2023", reporter=REPORTER)
    return target


def _validate(directory: Path) -> tuple[int, str]:
    """`python -m components.validate DIRECTORY`, in this process: (exit code, output)."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = validate.main([str(directory)])
    return code, output.getvalue()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it")
    data = write_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    code, output = _validate(data)
    assert code == 0, f"the hostile data must still be valid:\n{output}"
    (PROJECT / "test-artifacts").mkdir(exist_ok=True)
    process, base = start_server(env={DATA_DIR_VARIABLE: str(data)})
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def hostile_page(browser):
    """One browser page for all the hostile views (a warm cache keeps them quick); dialogs are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    offline = OfflinePage(context)
    offline.dialogs = []
    offline.page.on("dialog", lambda dialog: (offline.dialogs.append(dialog.message), dialog.dismiss()))
    yield offline
    context.close()


@pytest.fixture
def fresh_hostile_page(hostile_page):
    """The shared page, emptied: leaving the last view aborts its late requests, which are not this test's."""
    hostile_page.page.goto("about:blank")
    for recorded in (hostile_page.blocked, hostile_page.failed, hostile_page.dialogs):
        recorded.clear()
    return hostile_page


@dataclass(frozen=True)
class HostileView:
    name: str
    path: str
    shown: list[str]  # payload-carrying text a user must be able to read, literally
    charts: int = 0
    in_charts: list[str] = field(default_factory=list)  # payload-carrying text in the charts' data
    labels: list[str] = field(default_factory=list)  # drawn literally in the charts (axis labels, legends)
    hover: tuple[int, str] | None = None  # (chart, text): hovering its first point shows the text literally
    hover_trace: int | None = None  # the trace, in drawing order, whose first point is hovered (None: any)
    boxes: dict[str, str] = field(default_factory=dict)  # text box label -> value, literally


HOSTILE_VIEWS = [
    HostileView("overview", "/", shown=[MEETING_TITLE, PLACE, PUBLISHER, SOURCE_TITLE]),
    # The statistics' two lines are drawn first; the statements' points after them.
    HostileView("trade", "/trade", charts=1, shown=[PUBLISHER, SOURCE_TITLE], in_charts=[PUBLISHER],
                hover=(0, PUBLISHER), hover_trace=2),
    # The fixture's only pair figure is half a year: no matrix, one series chart (one line: no legend drawn).
    HostileView("trade-pairs", "/trade?tab=pairs&pair=" + quote("KAZ–UZB"), charts=1,
                shown=[REPORTER, "title: not read", "No full-year bilateral figures are in the data"],
                in_charts=[REPORTER], hover=(0, REPORTER)),
    HostileView("meeting-detail", "/meetings?meeting=cm-2024-astana", charts=2,
                shown=[MEETING_TITLE, *OUTCOMES, PLACE, FORMAT, INITIATIVE, PUBLISHER, CITING, SOURCE_TITLE],
                in_charts=[MEETING_TITLE, PLACE, FORMAT], labels=[FORMAT], hover=(0, MEETING_TITLE)),
    HostileView("formats", "/formats?format=consultative-meeting", charts=1,
                shown=[FORMAT, MEETING_TITLE, PUBLISHER, SOURCE_TITLE], in_charts=[FORMAT], labels=[FORMAT]),
    # From here on the link carries payloads too: a search text, and an unknown meeting id.
    HostileView("initiative-detail-search",
                "/initiatives?initiative=concept-2040&q=" + quote(PAYLOAD_LINK), charts=1,
                shown=[INITIATIVE, PUBLISHER, SOURCE_TITLE], in_charts=[INITIATIVE], labels=[INITIATIVE],
                hover=(0, INITIATIVE), boxes={INITIATIVE_SEARCH: PAYLOAD_LINK}),
    HostileView("meetings-search-bad-id",
                "/meetings?q=" + quote(PAYLOAD_SCRIPT) + "&meeting=" + quote(PAYLOAD_IMG), charts=2,
                shown=["1 meeting(s) match", f"Part of the link was ignored: meeting={PAYLOAD_IMG}"],
                in_charts=[MEETING_TITLE], hover=(0, MEETING_TITLE), boxes={MEETING_SEARCH: PAYLOAD_SCRIPT}),
    HostileView("sources-search", "/sources?q=" + quote(PAYLOAD_IMG),
                shown=["1 of 2 sources.", PUBLISHER, SOURCE_TITLE], boxes={SOURCE_SEARCH: PAYLOAD_IMG}),
    HostileView("sources-no-match", "/sources?q=" + quote(MARKDOWN_LINK),
                shown=[f"No source matches “{MARKDOWN_LINK}”"], boxes={SOURCE_SEARCH: MARKDOWN_LINK}),
]


def _wait_for_text(page, texts: list[str], timeout: float = 30_000) -> None:
    """Wait until every text is readable on the page; fail naming the ones that never appeared."""
    try:
        page.wait_for_function(f"(texts) => {{ const all = ({_READABLE_TEXT})(); "
                               "return texts.every(text => all.includes(text)); }", arg=texts, timeout=timeout)
    except playwright_api.TimeoutError as error:
        readable = page.evaluate(_READABLE_TEXT)
        missing = [text for text in texts if text not in readable]
        raise AssertionError(f"not shown as text: {missing}\npage text:\n{readable[:3000]}") from error


def _wait_for_chart_text(page, charts: int, texts: list[str], timeout: float = 30_000) -> None:
    """Wait until `charts` charts are drawn and their data hold every text (as is, or escaped for Plotly)."""
    wait_for_charts(page, charts)
    forms = [[text, _plotly_escaped(text)] for text in texts]
    try:
        page.wait_for_function(
            f"([charts, forms]) => {{ if (document.querySelectorAll('.js-plotly-plot').length < charts) return false; "
            f"const all = ({_CHART_STRINGS})(); "
            "return forms.every(([text, escaped]) => all.some(s => s.includes(text) || s.includes(escaped))); }",
            arg=[charts, forms], timeout=timeout)
    except playwright_api.TimeoutError as error:
        strings = page.evaluate(_CHART_STRINGS)
        missing = [text for text, escaped in forms if not any(text in s or escaped in s for s in strings)]
        raise AssertionError(f"not in the charts' data: {missing}\nchart strings: {strings}") from error


def _assert_nothing_ran(offline: OfflinePage) -> None:
    page = offline.page
    assert offline.dialogs == [], f"a dialog opened: {offline.dialogs}"
    for frame in page.frames:  # the page and any iframe in it
        scan = frame.evaluate(_SAFETY_SCAN, SOURCES_HOST)
        assert scan["pwned"] == "undefined", f"a payload ran in {frame.url}"
        assert scan["found"] == [] and scan["javascriptLinks"] == 0, f"live payload markup in {frame.url}: {scan}"
        assert scan["inCharts"] == 0, f"links, scripts or images inside a chart's SVG in {frame.url}"


def _hover_label(page, chart: int, trace: int | None = None) -> str:
    """Hover the chart's first point (of one trace, when given) and return the hover label's text."""
    plot = page.locator(".js-plotly-plot").nth(chart)
    plot.scroll_into_view_if_needed()
    points = plot.locator(".scatterlayer .point") if trace is None else \
        plot.locator(".scatterlayer .trace").nth(trace).locator(".point")
    points.first.hover(force=True)
    label = plot.locator(".hoverlayer .hovertext")
    label.first.wait_for(timeout=10_000)
    return label.first.text_content()


@pytest.mark.parametrize("view", HOSTILE_VIEWS, ids=[view.name for view in HOSTILE_VIEWS])
def test_hostile_text_is_shown_as_text_and_runs_nothing(hostile_server, fresh_hostile_page, view):
    offline = fresh_hostile_page
    page = offline.page
    page.goto(hostile_server + view.path, wait_until="domcontentloaded")
    _wait_for_text(page, view.shown)
    if view.charts:
        _wait_for_chart_text(page, view.charts, view.in_charts)
    page.wait_for_timeout(300)  # let the last elements settle
    for label, value in view.boxes.items():
        playwright_api.expect(page.get_by_role("textbox", name=label)).to_have_value(value, timeout=10_000)
    if view.labels:
        drawn = " ".join(page.locator(".js-plotly-plot svg text").all_text_contents())
        squeezed = "".join(drawn.split())  # long lane labels wrap onto two lines
        # a label longer than two lines ends in "…" (the hover has the whole name): its start must be literal
        assert all("".join(text.split())[:40] in squeezed for text in view.labels), f"chart labels read: {drawn}"
    if view.hover:
        chart, text = view.hover
        assert text in _hover_label(page, chart, view.hover_trace)  # shown literally: the builders escape hover text
        assert page.locator(".hoverlayer a, .hoverlayer script, .hoverlayer img").count() == 0
    _assert_nothing_ran(offline)
    assert offline.blocked == [] and offline.failed == []
    offline.screenshot(f"robust-hostile-{view.name}")


def test_a_javascript_source_url_is_rejected_with_its_position(tmp_path):
    data = write_hostile_data(tmp_path / "data", example_url=JAVASCRIPT_URL)
    code, output = _validate(data)
    assert code == 1
    problems = [line for line in output.splitlines() if "[" in line]  # one line a problem, code last
    assert len(problems) == 1, output
    assert problems[0].startswith("data/sources.yaml:2 ")  # file and line of the record
    assert "`src-example` field `url`" in problems[0] and JAVASCRIPT_URL in problems[0]
    assert problems[0].endswith("[bad-format]")


# ---------------------------------------------------------------------------------------------
# 2. Deployment under a path prefix
# ---------------------------------------------------------------------------------------------

PREFIX = "ca-dashboard"
# The share tests' meetings link with the years added; without the country filter, so the map has
# several cities (with one city, fitbounds zooms inside it and no outline shows).
PREFIXED_LINK = "/meetings?years=2018&years=2024&level=heads-of-state&meeting=ca-cm-2024-08-astana"
PAGES = [page.url_path for page in REGISTERED_PAGES]


@pytest.fixture(scope="module")
def prefixed_server():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it")
    (PROJECT / "test-artifacts").mkdir(exist_ok=True)
    process, base = start_server(["--server.baseUrlPath", PREFIX])
    yield f"{base}/{PREFIX}"
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def prefixed_browser_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield OfflinePage(context)
    context.close()


@pytest.fixture
def prefixed_page(prefixed_browser_page):
    """One page for the prefix tests (a warm cache keeps them quick), emptied of the last test's requests."""
    prefixed_browser_page.page.goto("about:blank")
    for recorded in (prefixed_browser_page.blocked, prefixed_browser_page.failed):
        recorded.clear()
    return prefixed_browser_page


def _http_errors(page) -> list[tuple[int, str]]:
    """Responses with an error status, live. Streamlit's own probes of `<page>/_stcore/...` (it looks
    for its base path under a deep link's path first, then finds it) are expected 404s: not listed."""
    errors: list[tuple[int, str]] = []
    page.on("response", lambda response: response.status >= 400 and "/_stcore/" not in response.url
            and errors.append((response.status, response.url)))
    return errors


def _open(page, url: str, charts: int) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_charts(page, charts)
    page.wait_for_timeout(300)  # let the last widget values settle after the charts


def _meetings_view(page) -> tuple:
    return (_slider_values(page), _chips(page, "Level"), _selected(page, "Meeting"), _chart_data(page))


def test_under_a_prefix_a_deep_link_draws_the_charts_and_the_map_outlines(prefixed_server, prefixed_page):
    page = prefixed_page.page
    errors = _http_errors(page)
    with page.expect_response(lambda response: "topojson/" in response.url, timeout=45_000) as outlines:
        _open(page, prefixed_server + PREFIXED_LINK, charts=2)
    assert outlines.value.url == f"{prefixed_server}/app/static/topojson/world_110m.json"
    assert outlines.value.status == 200
    # The country borders are one long path drawn from the topojson (a few points when missing).
    page.wait_for_function("Math.max(0, ...[...document.querySelectorAll('.js-plotly-plot .geo .countries path')]"
                           ".map(path => (path.getAttribute('d') || '').length)) > 2000", timeout=20_000)
    assert _slider_values(page) == ["2018", "2024"] and _chips(page, "Level") == ["Heads of state"]
    assert _selected(page, "Meeting").startswith("Sixth Consultative Meeting")
    assert prefixed_page.blocked == [] and prefixed_page.failed == [] and errors == []
    page.locator(".js-plotly-plot").nth(1).scroll_into_view_if_needed()
    prefixed_page.screenshot("robust-prefix-deep-link-map")


def test_under_a_prefix_the_sidebar_links_keep_it_and_lead_to_a_drawn_page(prefixed_server, prefixed_page):
    page = prefixed_page.page
    errors = _http_errors(page)
    _open(page, prefixed_server + PREFIXED_LINK, charts=2)
    links = page.get_by_test_id("stSidebarNavLink").evaluate_all("links => links.map(link => link.href)")
    assert links == [f"{prefixed_server}/{path}" for path in PAGES]
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Trade").click()
    page.wait_for_url(f"{prefixed_server}/trade?*", timeout=20_000)
    wait_for_charts(page, 1)
    assert urlsplit(page.url).path == f"/{PREFIX}/trade"
    assert parse_qs(urlsplit(page.url).query)["years"] == ["2018", "2024"]  # the sidebar filter came along
    assert page.get_by_role("heading", name="Intraregional trade").count() == 1
    assert prefixed_page.blocked == [] and prefixed_page.failed == [] and errors == []
    prefixed_page.screenshot("robust-prefix-sidebar-to-trade")


def test_under_a_prefix_the_share_link_keeps_it_and_opens_the_same_view(prefixed_server, browser, prefixed_page):
    page = prefixed_page.page
    _open(page, prefixed_server + PREFIXED_LINK, charts=2)
    link = open_share_link(page)
    assert link.startswith(f"{prefixed_server}/meetings?") and "meeting=ca-cm-2024-08-astana" in link
    prefixed_page.screenshot("robust-prefix-share-popover")
    page.keyboard.press("Escape")
    here = _meetings_view(page)
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = OfflinePage(fresh)
        errors = _http_errors(other.page)
        _open(other.page, link, charts=2)
        assert _meetings_view(other.page) == here
        assert other.blocked == [] and other.failed == [] and errors == []
        other.screenshot("robust-prefix-share-opened-fresh")
    finally:
        fresh.close()
