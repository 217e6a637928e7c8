"""The Russian interface in a real browser: a Russian link opens in Russian, a changed control keeps the
language in the address, the new link opens in Russian in a fresh browser, and the sidebar switch changes
the language and keeps the view."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import wait_for_charts

LINK = "/meetings?lang=ru&level=heads-of-state&countries=Kazakhstan"


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    page.wait_for_timeout(500)


def _chips(page, label: str) -> list[str]:
    group = page.locator("[data-testid='stMultiSelect']").filter(has=page.locator(f"input[aria-label='{label}']"))
    return [text.strip() for text in group.locator(".react-aria-ComboBox [data-tag] span[title]").all_inner_texts()]


def test_a_russian_link_stays_russian_through_a_change_and_opens_so_in_a_fresh_browser(server_url, browser,
                                                                                     offline_page):
    page = offline_page.page
    _open(page, server_url + LINK)
    page.get_by_role("heading", name="Встречи", exact=True).wait_for(timeout=20_000)
    assert _chips(page, "Уровень") == ["Главы государств"]
    assert _query(page)["countries"] == ["Казахстан"]  # the link's English name, read in Russian
    box = page.get_by_role("combobox", name="Статус")
    box.click()
    page.get_by_role("option", name="состоялась", exact=True).click()
    page.wait_for_function("location.search.includes('status=held')", timeout=20_000)
    assert _query(page)["lang"] == ["ru"] and _query(page)["level"] == ["heads-of-state"]
    assert page.title().endswith("Панель сотрудничества в Центральной Азии")
    offline_page.screenshot("language-russian-changed")
    link = page.url
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = fresh.new_page()
        _open(other, link)
        other.get_by_role("heading", name="Встречи", exact=True).wait_for(timeout=20_000)
        assert _chips(other, "Статус") == ["состоялась"] and _chips(other, "Уровень") == ["Главы государств"]
        assert "Kazakhstan" not in other.locator("section[data-testid='stSidebar']").inner_text()
        offline_page.screenshot("language-russian-fresh-browser", page=other)
    finally:
        fresh.close()


def test_the_sidebar_switch_changes_the_language_and_keeps_the_view(server_url, offline_page):
    page = offline_page.page
    _open(page, server_url + LINK)
    page.get_by_role("heading", name="Встречи", exact=True).wait_for(timeout=20_000)
    page.locator("section[data-testid='stSidebar']").get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Meetings", exact=True).wait_for(timeout=20_000)
    page.wait_for_timeout(800)
    assert "lang" not in _query(page)
    assert _query(page)["level"] == ["heads-of-state"] and _query(page)["countries"] == ["Kazakhstan"]
    assert _chips(page, "Level") == ["Heads of state"]
    offline_page.screenshot("language-switched-to-english")
