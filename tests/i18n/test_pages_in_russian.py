"""Every page opened with ?lang=ru: no error, and no English string of the interface on screen (data
names from the YAML may stay English where no Russian page names them; they are not catalog strings)."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from components.i18n.catalogs import TEMPLATE
from components.i18n.texts import catalog_path
from components.links.pages import PAGES, TRADE_TABS
from components.settings import DEFAULT_DATA_DIR as DATA_DIR
from tests.apptest_helpers import chart_figures, open_page, plain

PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%\{[^}]*\}|<[^>]+>")


def _english_fragments() -> set[str]:
    """Pieces of English interface text (between placeholders) that the Russian catalog translates:
    finding one on a Russian page means a string skipped the catalog."""
    with catalog_path("ru").open("rb") as po_file:
        russian = read_po(po_file, locale="ru")
    fragments = set()
    for message in russian:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = " ".join(message.string if isinstance(message.string, (list, tuple)) else (message.string,))
        for text in ids:
            for piece in PLACEHOLDER.split(text):
                piece = piece.strip(" .,:;()–-·")
                # a piece worth finding: two or more English words, and not also in the translation (C5+1)
                if len(piece) >= 12 and re.search(r"[a-z]{3,} [a-z]{2,}", piece, re.I) and piece not in strings:
                    fragments.add(piece)
    data_text = " ".join(path.read_text(encoding="utf-8") for path in DATA_DIR.glob("*.yaml"))
    # A fragment the data itself also says (a format's description, a title) may be the data on screen:
    # the data stays in its own words.
    return {fragment for fragment in fragments if fragment not in data_text}


def _texts_on_screen(app) -> list[str]:
    texts = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success"):
        texts += [plain(str(element.value)) for element in app.get(kind)]
    for kind in ("selectbox", "multiselect", "text_input", "slider", "button", "radio", "checkbox",
                 "button_group", "expander", "popover", "tab"):
        texts += [plain(str(getattr(element, "label", "") or "")) for element in app.get(kind)]
        texts += [plain(str(getattr(element.proto, "help", "") or "")) for element in app.get(kind)
                  if hasattr(element, "proto")]
        texts += [plain(str(getattr(element.proto, "placeholder", "") or "")) for element in app.get(kind)
                  if hasattr(element, "proto")]
    for figure in chart_figures(app):
        layout = figure.get("layout", {})
        texts.append(str(layout.get("title", {}).get("text", "")))
        for axis in ("xaxis", "yaxis"):
            texts.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
        texts += [str(trace.get("name") or "") for trace in figure.get("data", [])]
        texts += [str(trace.get("hovertemplate") or "") for trace in figure.get("data", [])]
    return texts


VIEWS = [(page.file if page.url_path else None, {}) for page in PAGES] + [
    ("pages/trade.py", {"tab": tab}) for tab in TRADE_TABS if tab != "total"] + [
    ("pages/meetings.py", {"meeting": "ca-cm-2025-11-tashkent"}),
    ("pages/formats.py", {"format": "consultative-meeting"}),
    ("pages/initiatives.py", {"initiative": "central-asia-2040"}),
]


@pytest.fixture(scope="module")
def english_fragments() -> set[str]:
    assert TEMPLATE.is_file()
    return _english_fragments()


@pytest.mark.parametrize(("page", "query"), VIEWS, ids=[f"{page or 'overview'}-{query}" for page, query in VIEWS])
def test_a_page_in_russian_shows_no_english_interface_text(page, query, english_fragments):
    app = open_page(page, lang="ru", **query)
    assert not app.exception, [element.value for element in app.exception]
    found = sorted({fragment for text in _texts_on_screen(app) for fragment in english_fragments if fragment in text})
    assert found == [], found
    headings = [element.value for element in app.title]
    assert headings and all(re.search("[а-яА-Я]", heading) for heading in headings), headings


def test_records_show_the_russian_name_a_page_gives_and_search_finds_them_by_it():
    app = open_page("pages/meetings.py", lang="ru", meeting="ca-cm-2025-11-tashkent")
    assert "Седьмая Консультативная встреча глав государств Центральной Азии" in [
        element.value for element in app.subheader] + [box.format_func(box.value) for box in app.selectbox
                                                        if box.key == "meeting"]
    found = open_page("pages/meetings.py", lang="ru", q="Нур-Султан")
    assert any("Астана" in str(value) for value in found.dataframe[0].value.to_numpy().ravel())
    initiatives = open_page("pages/initiatives.py", lang="ru", initiative="central-asia-2040")
    assert "Концепция развития региональной кооперации «Центральная Азия – 2040»" in [
        element.value for element in initiatives.subheader]
    english = open_page("pages/initiatives.py", initiative="central-asia-2040")
    assert not any("Концепция" in element.value for element in english.subheader)


def test_the_russian_timeline_and_grid_place_every_meeting_on_its_formats_lane():
    def lanes(app, chart: int) -> tuple[list, list]:
        figure = chart_figures(app)[chart]
        points = [y for trace in figure["data"] for y in (trace.get("y") or [])]
        return points, list(figure["layout"]["yaxis"].get("categoryarray") or [])

    english, russian = open_page("pages/meetings.py"), open_page("pages/meetings.py", lang="ru")
    en_points, en_lanes = lanes(english, 0)
    ru_points, ru_lanes = lanes(russian, 0)
    assert len(ru_points) == len(en_points) and len(ru_lanes) == len(en_lanes)
    assert set(ru_points) <= set(ru_lanes)
    assert "Консультативная встреча глав государств Центральной Азии" in ru_lanes
    grid_en, grid_ru = chart_figures(open_page("pages/formats.py"))[0], chart_figures(open_page("pages/formats.py",
                                                                                                 lang="ru"))[0]
    assert len(grid_ru["data"][0]["y"]) == len(grid_en["data"][0]["y"])
    assert "Консультативная встреча глав государств Центральной Азии" in grid_ru["data"][0]["y"]


def test_a_change_in_russian_keeps_the_other_controls():
    """Streamlit reads the browser's values through each widget's labels before the page sets the run's
    language: unbound to Russian, every Russian choice matched no option and was dropped."""
    app = open_page("pages/meetings.py", lang="ru", level="heads-of-state")
    next(box for box in app.multiselect if box.key == "status").set_value(["held"]).run()
    assert dict(app.query_params) == {"lang": "ru", "level": "heads-of-state", "status": "held"}
