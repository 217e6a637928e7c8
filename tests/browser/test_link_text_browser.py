"""Text from a link stays text in the app's own notices, in real Chromium.

A link whose ignored part or search text holds an address, `www.`, a mail address or an icon
shortcode shows it literally: the notice holds no link to another site and no icon but the app's own.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import OfflinePage

# (link, the notice's words, the text it must quote literally, icons the app itself put in the notice)
LINKS = [
    ("/?zz=https://evil.example/phish", "Part of the link was ignored", "zz=https://evil.example/phish", 1),
    ("/trade?v=www.evil.example", "Part of the link was ignored", "v=www.evil.example", 1),
    ("/meetings?zz=" + quote(":material/warning: mail phisher@evil.example"), "Part of the link was ignored",
     "zz=:material/warning: mail phisher@evi", 1),
    ("/sources?q=" + quote("see https://evil.example now"), "No source matches",
     "No source matches “see https://evil.example now”", 0),
]

# The notice: the smallest caption or Markdown block holding its words. Its links, icons and readable
# text (without the invisible word joiners that keep addresses from turning into links).
_NOTICE = """(words) => {
    const block = [...document.querySelectorAll('[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"]')]
        .filter(element => element.innerText.includes(words))
        .sort((one, other) => one.innerText.length - other.innerText.length)[0];
    if (!block) return null;
    return {text: block.innerText.replaceAll('\\u2060', ''),
            links: [...block.querySelectorAll('a[href]')].map(link => link.href)
                .filter(href => new URL(href, location.href).host !== location.host),
            icons: block.querySelectorAll('[role="img"], [data-testid="stIconMaterial"], img, svg').length,
            emoji: /\\p{Extended_Pictographic}/u.test(block.innerText)};
}"""


@pytest.mark.parametrize("link, words, quoted, own_icons", LINKS, ids=[link for link, *_ in LINKS])
def test_link_text_in_a_notice_is_neither_a_link_nor_an_icon(server_url, offline_page: OfflinePage, link, words,
                                                             quoted, own_icons):
    page = offline_page.page
    page.goto(server_url + link, wait_until="domcontentloaded")
    page.get_by_text(words).first.wait_for(timeout=45_000)
    page.wait_for_timeout(300)  # let the notice's Markdown settle
    notice = page.evaluate(_NOTICE, words)
    assert notice is not None
    assert quoted in notice["text"]
    assert notice["links"] == [], f"a link to another site in the notice: {notice['links']}"
    assert notice["icons"] == own_icons and not notice["emoji"], notice
    assert offline_page.blocked == []
    offline_page.screenshot(f"link-text-{[entry[0] for entry in LINKS].index(link)}")
