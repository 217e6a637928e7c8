"""Shared links in a real browser: a deep link restores each page's view, a change reaches the
address bar, the sidebar filters follow the user between pages, Back returns to the previous
view, the Share link opens the same view in a fresh browser, bad parameters are cleaned, and
embed mode keeps the view."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import SHARE_CODE, open_share_link, wait_for_charts

TRADE_LINK = "/trade?years=2018&years=2023&tab=pairs&pair=KAZ%E2%80%93UZB&year=2022"
MEETINGS_LINK = "/meetings?countries=Kazakhstan&level=heads-of-state&meeting=ca-cm-2024-08-astana"


def _open(page, url: str, charts: int = 1) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_charts(page, charts)
    page.wait_for_timeout(300)  # let the last widget values settle after the charts


def _selected(page, label: str) -> str:
    return page.get_by_role("combobox", name=label).input_value()


def _choose(page, label: str, option: str) -> None:
    box = page.get_by_role("combobox", name=label)
    box.click()
    if page.get_by_role("listbox").count() == 0:
        box.press("ArrowDown")
    page.get_by_role("option", name=option, exact=True).click()


def _chips(page, label: str) -> list[str]:
    """The chosen items of a multiselect, as shown."""
    group = page.locator("[data-testid='stMultiSelect']").filter(has=page.locator(f"input[aria-label='{label}']"))
    return [text.strip() for text in group.locator(".react-aria-ComboBox [data-tag] span[title]").all_inner_texts()]


def _view(page) -> str:
    """The trade page's chosen view, as its button reads."""
    return page.get_by_role("radiogroup", name="View").locator("[aria-checked='true']").inner_text().strip()


def _slider_values(page) -> list[str]:
    return page.locator("[data-testid='stSliderThumbValue']").all_inner_texts()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _chart_data(page) -> list:
    """Every drawn chart's traces (name, x, y), read from the Plotly graph divs."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => [
        String(plot.layout?.title?.text ?? ''),
        (plot._fullData || []).filter(trace => trace.visible !== false).map(trace => [trace.name ?? null, Array.from(trace.x ?? []).map(String),
                                        Array.from(trace.y ?? []).map(String)])])""")


def test_a_trade_deep_link_restores_tab_pair_year_and_years(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + TRADE_LINK, charts=2)
    assert _slider_values(page) == ["2018", "2023"]
    assert _view(page) == "Country pairs"
    assert _selected(page, "Pair") == "KAZ–UZB" and _selected(page, "Year for the matrix") == "2022"
    pair_traces = next(traces for title, traces in _chart_data(page) if "KAZ–UZB" in title)
    drawn_years = {float(x) for _, xs, _ in pair_traces for x in xs}
    assert drawn_years and all(2018 <= year <= 2023 for year in drawn_years)
    page.wait_for_function("document.title.startsWith('Bilateral trade, Kazakhstan–Uzbekistan, 2018–2023 · Trade')")
    offline_page.screenshot("share-trade-deep-link")
    assert offline_page.blocked == []


def test_statistics_views_open_from_their_links_with_the_mirror_partner_and_the_matrix_year(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/trade?tab=external&partner=RUS", charts=2)
    assert _view(page) == "Outside partners" and _selected(page, "Partner") == "Russia"
    title, traces = _chart_data(page)[0]
    assert "Russia" in title and {name for name, _, _ in traces} == {"as the five report it", "as Russia reports it"}
    _open(page, server_url + "/trade?tab=pairs&year=2019", charts=2)
    assert _selected(page, "Year for the matrix") == "2019"
    matrix_title, _ = _chart_data(page)[0]
    assert "2019" in matrix_title and "(IMF<br>DOTS)" in matrix_title  # the title wraps
    _open(page, server_url + "/trade?tab=share")
    share_title, share_traces = _chart_data(page)[0]
    assert "Share of intraregional trade" in share_title and "Central Asia" in {n for n, _, _ in share_traces}
    offline_page.screenshot("share-trade-statistics")
    assert offline_page.blocked == []


def test_a_meetings_deep_link_restores_filters_and_the_detail_panel(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + MEETINGS_LINK, charts=2)
    assert _chips(page, "Countries") == ["Kazakhstan"] and _chips(page, "Level") == ["Heads of state"]
    assert _selected(page, "Meeting").startswith("Sixth Consultative Meeting")
    detail = page.get_by_role("heading", name=_selected(page, "Meeting"))
    expect(detail).to_have_count(1)
    page.wait_for_function("document.title.startsWith('Sixth Consultative Meeting')")
    offline_page.screenshot("share-meetings-deep-link")


def test_formats_initiatives_and_sources_deep_links(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/formats?kind=Five-party&format=consultative-meeting")
    assert _selected(page, "Format").startswith("Consultative Meetings of the Heads of State")
    expect(page.get_by_text("Meetings in the data:")).to_have_count(1)
    offline_page.screenshot("share-formats-deep-link")
    _open(page, server_url + "/initiatives?initiative=friendship-treaty")
    expect(page.get_by_role("heading", name=_selected(page, "Initiative"))).to_have_count(1)
    offline_page.screenshot("share-initiatives-deep-link")
    page.goto(server_url + "/sources?q=kabar", wait_until="domcontentloaded")
    # The page's own count ("12 of 697 sources."), not the sidebar's "Every figure cites its sources.".
    page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ sources[.;]")).wait_for(timeout=45_000)
    expect(page.get_by_role("textbox", name="Search publisher, title or address")).to_have_value("kabar")
    offline_page.screenshot("share-sources-deep-link")


def test_changing_controls_updates_the_address_bar(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + TRADE_LINK, charts=2)
    _choose(page, "Pair", "KGZ–UZB")
    page.wait_for_function("decodeURIComponent(location.search).includes('pair=KGZ–UZB')", timeout=20_000)
    assert _query(page)["pair"] == ["KGZ–UZB"] and _query(page)["years"] == ["2018", "2023"]
    _open(page, server_url + "/meetings", charts=2)
    _choose(page, "Meeting", _first_option(page, "Meeting"))
    page.wait_for_function("location.search.includes('meeting=')", timeout=20_000)
    chosen = _query(page)["meeting"][0]
    assert chosen and " " not in chosen  # an id, not a title
    offline_page.screenshot("share-control-changed")


def _first_option(page, label: str) -> str:
    box = page.get_by_role("combobox", name=label)
    box.click()
    if page.get_by_role("listbox").count() == 0:
        box.press("ArrowDown")
    first = page.get_by_role("option").first.inner_text().strip()
    box.press("Escape")
    return first


def test_sidebar_filters_follow_the_user_and_back_returns_to_the_previous_view(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/trade?years=2019&years=2024&countries=Kazakhstan&tab=pairs", charts=2)
    page.get_by_test_id("stSidebarNavLink").filter(has_text="Meetings").click()
    page.wait_for_url("**/meetings?*", timeout=20_000)
    wait_for_charts(page, 2)
    page.wait_for_timeout(500)
    assert _query(page).get("years") == ["2019", "2024"] and _query(page).get("countries") == ["Kazakhstan"]
    assert "tab" not in _query(page)
    assert _slider_values(page) == ["2019", "2024"] and _chips(page, "Countries") == ["Kazakhstan"]
    offline_page.screenshot("share-sidebar-carried")
    page.go_back()
    page.wait_for_url("**/trade?*", timeout=20_000)
    page.get_by_role("radio", name="Country pairs").wait_for(timeout=20_000)
    page.wait_for_timeout(800)
    assert _query(page)["tab"] == ["pairs"]
    assert _view(page) == "Country pairs"
    assert _slider_values(page) == ["2019", "2024"]
    page.go_forward()
    page.wait_for_url("**/meetings?*", timeout=20_000)
    page.get_by_role("heading", name="Meetings", exact=True).wait_for(timeout=20_000)
    assert _query(page).get("years") == ["2019", "2024"]
    offline_page.screenshot("share-sidebar-forward")


def test_the_share_link_opens_the_same_view_in_a_fresh_browser(server_url, browser, offline_page):
    page = offline_page.page
    _open(page, server_url + TRADE_LINK, charts=2)
    link = open_share_link(page)
    citation = page.locator(SHARE_CODE).nth(1).inner_text()
    assert link.startswith(server_url + "/trade?") and "v=" in link
    assert "Bilateral trade, Kazakhstan–Uzbekistan, 2018–2023" in citation and link in citation.replace("\n", "")
    offline_page.screenshot("share-popover")
    page.keyboard.press("Escape")
    here = _chart_data(page)
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = fresh.new_page()
        _open(other, link, charts=2)
        assert _slider_values(other) == ["2018", "2023"]
        assert _selected(other, "Pair") == "KAZ–UZB" and _selected(other, "Year for the matrix") == "2022"
        assert _view(other) == "Country pairs"
        assert _chart_data(other) == here
        offline_page.screenshot("share-opened-in-fresh-browser", page=other)
    finally:
        fresh.close()


def test_bad_parameters_open_the_valid_part_with_a_notice_and_a_clean_url(server_url, offline_page):
    page = offline_page.page
    bad = quote("<script>alert(1)</script>")
    page.goto(server_url + f"/trade?years=1850&years=2023&pair=XXX&tab=pairs&zz={bad}&q={'x' * 3000}",
              wait_until="domcontentloaded")
    notice = page.get_by_text("Part of the link was ignored")
    notice.wait_for(timeout=45_000)
    text = notice.inner_text()
    assert "pair=XXX" in text and "zz=<script>alert(1)</script>" in text and "years=1850" in text
    assert _view(page) == "Country pairs"
    page.wait_for_function("!location.search.includes('XXX') && !location.search.includes('zz=')"
                           " && !location.search.includes('1850')", timeout=20_000)
    assert page.locator("script:has-text('alert(1)')").count() == 0
    offline_page.screenshot("share-bad-parameters")


def test_an_old_link_opens_with_a_note(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/trade?v=2020-01-01")
    expect(page.get_by_text("This link was made with the data of 2020-01-01")).to_have_count(1)
    offline_page.screenshot("share-old-link")


def test_embed_mode_hides_the_sidebar_and_keeps_the_view(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + TRADE_LINK + "&countries=Uzbekistan&embed=true", charts=2)
    assert _selected(page, "Pair") == "KAZ–UZB"
    pair_traces = next(traces for title, traces in _chart_data(page) if "KAZ–UZB" in title)
    assert all(2018 <= float(x) <= 2023 for _, xs, _ in pair_traces for x in xs)  # the years still apply
    page.get_by_role("radio", name="Each country with the region").click()
    page.get_by_text("Only Uzbekistan (sidebar filter).").wait_for(timeout=20_000)
    assert page.locator("[data-testid='stSidebar']").count() == 0
    offline_page.screenshot("share-embed")


def test_back_and_forward_step_through_control_changes(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/trade?tab=pairs", charts=2)
    default_pair = _selected(page, "Pair")
    _choose(page, "Pair", "KGZ–UZB")
    page.wait_for_function("decodeURIComponent(location.search).includes('pair=KGZ–UZB')", timeout=20_000)
    page.go_back()
    page.wait_for_function("!location.search.includes('pair=')", timeout=20_000)
    page.wait_for_function(f"document.querySelector('input[aria-label=\"Pair\"]').value === '{default_pair}'",
                           timeout=20_000)
    page.go_forward()
    page.wait_for_function("document.querySelector('input[aria-label=\"Pair\"]').value === 'KGZ–UZB'", timeout=20_000)
    assert _query(page)["pair"] == ["KGZ–UZB"]
    offline_page.screenshot("share-back-forward")


def test_clicking_a_meeting_on_the_timeline_opens_it_and_puts_it_in_the_link(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + "/meetings?formats=consultative-meeting", charts=2)
    points = page.locator(".js-plotly-plot").first.locator(".scatterlayer .point")
    assert points.count() > 2
    points.nth(2).click(force=True)
    page.wait_for_function("location.search.includes('meeting=')", timeout=20_000)
    meeting_id = _query(page)["meeting"][0]
    page.wait_for_function("document.querySelector('input[aria-label=\"Meeting\"]').value !== ''", timeout=20_000)
    title = _selected(page, "Meeting")
    assert meeting_id.startswith("ca-") and title
    expect(page.get_by_role("heading", name=title)).to_have_count(1)
    offline_page.screenshot("share-timeline-click")
    page.go_back()
    page.wait_for_function("!location.search.includes('meeting=')", timeout=20_000)
    page.wait_for_function("document.querySelector('input[aria-label=\"Meeting\"]').value === ''", timeout=20_000)
