"""Text from the data or the URL stays text in Markdown."""

from __future__ import annotations

from components.ui.markdown import escape_markdown, markdown_link_target


def test_markdown_specials_are_escaped():
    assert escape_markdown("[Official](https://evil.example/) *x*") == \
        r"\[Official\]\(https\://evil\.example/\) \*x\*"


def test_a_link_target_cannot_end_the_markdown_link_early():
    url = "https://example.org/a)b [x](https://evil.example/)"
    target = markdown_link_target(url)
    assert not any(character in target for character in " ()[]")
    assert target == "https://example.org/a%29b%20%5Bx%5D%28https://evil.example/%29"
    assert markdown_link_target("https://www.gov.kz/memleket/entities/mfa?lang=en") == \
        "https://www.gov.kz/memleket/entities/mfa?lang=en"
