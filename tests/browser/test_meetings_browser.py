"""In a real browser with the network cut off: the timeline and the map draw, outlines included."""

from __future__ import annotations

from tests.browser.conftest import wait_for_charts


def test_timeline_and_map_draw_offline(server_url, offline_page):
    page = offline_page.page
    page.goto(f"{server_url}/meetings", wait_until="domcontentloaded")
    page.get_by_text("Where the meetings took place").first.wait_for(timeout=45_000)
    wait_for_charts(page, 2)
    # Timeline: markers drawn in the first chart.
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .scatterlayer .point').length > 0")
    # Map: the country outlines came from the local topojson, not a CDN.
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .geo path.countries, "
                           ".js-plotly-plot .geo .countries path, .js-plotly-plot .geo path').length > 5",
                           timeout=30_000)
    offline_page.screenshot("meetings-offline")
    assert offline_page.blocked == [], f"requests off this machine: {offline_page.blocked}"
    assert offline_page.failed == [], f"failed requests: {offline_page.failed}"


def test_a_deep_link_to_a_fresh_server_gets_the_dashboard_frame(browser):
    """The first request of a new server process is a deep link: it must still run under st.navigation
    (titled navigation, the shared sidebar), not Streamlit's legacy pages/ mode."""
    from tests.browser.conftest import OfflinePage, start_server

    process, base = start_server()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = OfflinePage(context)
        page.page.goto(f"{base}/formats", wait_until="domcontentloaded")
        page.page.get_by_role("heading", name="Formats").first.wait_for(timeout=45_000)
        sidebar = page.page.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Data last changed").wait_for(timeout=20_000)
        links = sidebar.locator("[data-testid='stSidebarNavLink']").all_inner_texts()
        assert [link.split("\n")[-1].strip() for link in links] == ["Overview", "Trade", "Meetings", "Formats", "Initiatives",
                                                    "Sources"]
        page.screenshot("formats-deep-link-fresh-server")
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=20)


def test_the_downloads_hold_exactly_the_filtered_meetings(server_url, offline_page):
    """The CSV and the .ics are built when clicked: what arrives is the filtered list."""
    import csv
    import io

    import icalendar

    from components.data.dataset import load_dataset
    from components.domain import meetings as mt
    from components.settings import DEFAULT_DATA_DIR

    meetings = load_dataset(DEFAULT_DATA_DIR).meetings
    shown = mt.filter_meetings(meetings, mt.MeetingFilter(formats=("consultative-meeting",)))
    page = offline_page.page
    page.goto(f"{server_url}/meetings?formats=consultative-meeting", wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Meetings shown (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(csv_download.value.path(), encoding="utf-8-sig").read())))
    assert sorted(row["id"] for row in rows) == sorted(shown["id"])
    assert csv_download.value.suggested_filename == "central-asia-meetings.csv"
    with page.expect_download() as ics_download:
        page.get_by_role("button", name="dated to the day (.ics)").click()
    calendar = icalendar.Calendar.from_ical(open(ics_download.value.path(), "rb").read())
    uids = {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")}
    assert uids == set(shown.loc[shown["start_precision"] == "day", "id"])
    offline_page.screenshot("meetings-downloads")
