"""Text from the data or the URL stays text in Markdown."""

from __future__ import annotations

import re

import pytest

from components.ui.markdown import WORD_JOINER, escape_markdown, markdown_link_target


def test_markdown_specials_are_escaped():
    assert escape_markdown("[Official](https://evil.example/) *x*") == \
        r"\[Official\]\(https\:" + WORD_JOINER + r"//evil\.example/\) \*x\*"


def test_a_link_target_cannot_end_the_markdown_link_early():
    url = "https://example.org/a)b [x](https://evil.example/)"
    target = markdown_link_target(url)
    assert not any(character in target for character in " ()[]")
    assert target == "https://example.org/a%29b%20%5Bx%5D%28https://evil.example/%29"
    assert markdown_link_target("https://www.gov.kz/memleket/entities/mfa?lang=en") == \
        "https://www.gov.kz/memleket/entities/mfa?lang=en"


# What Streamlit's Markdown turns into a link or an icon without being asked (its frontend bundle,
# StreamlitMarkdown: the source's `:material/` is rewritten before parsing; GFM's autolink literals and
# remark-emoji's shortcodes are found in the text after the backslash escapes are undone).
_SOURCE_PATTERNS = [r":material/", r"(?<!\\)[\[<]"]
_TEXT_PATTERNS = [r"(?i)(?:https?://|www\.)\S*", r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", r":[\w+-][\w_+-]*:"]


def live_markup(markdown: str) -> list[str]:
    """What in this Markdown source Streamlit would show as a link or an icon."""
    text = re.sub(r"\\(.)", r"\1", markdown)
    return ([found for pattern in _SOURCE_PATTERNS for found in re.findall(pattern, markdown)]
            + [found for pattern in _TEXT_PATTERNS for found in re.findall(pattern, text)])


HOSTILE_TEXT = ["https://evil.example/phish", "www.evil.example", "see https://evil.example now", "WWW.EVIL.EXAMPLE",
                "http://x.example", "mail me: phisher@evil.example", ":material/warning:", ":smile: :+1:",
                "<https://evil.example>", "[Official](https://evil.example/)", ":red[alarm]", "mailto:a@b.example"]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_escaped_text_holds_no_link_and_no_icon_and_reads_the_same(text):
    escaped = escape_markdown(text)
    assert live_markup(text)  # the pattern is live unescaped
    assert live_markup(escaped) == []
    assert re.sub(r"\\(.)", r"\1", escaped).replace(WORD_JOINER, "") == text


def test_text_without_such_patterns_only_gains_escapes():
    assert escape_markdown("Astana: 2024, 5 + 5") == r"Astana\: 2024, 5 \+ 5"
