"""Text from the data or the URL is shown as text: escape what Markdown would interpret."""

from __future__ import annotations

import re
from urllib.parse import quote

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# Streamlit's Markdown finds some patterns in the text after its backslash escapes are undone, so a
# backslash cannot stop them: GFM's autolinks (`https://…`, `www.…`, `name@host.tld`) and the icon and
# emoji shortcodes (`:material/warning:`, which Streamlit even rewrites in the source, and `:smile:`).
# An invisible word joiner (U+2060, not a space: the text reads and wraps the same) after each `:` and
# `@` that a character follows, and between `www` and its dot, breaks every one of these patterns.
WORD_JOINER = "\u2060"
_PATTERN_BREAKS = re.compile(r"(?<=[:@])(?=\S)|(?i:(?<=www)(?=\\\.))")


def escape_markdown(text: object) -> str:
    """Backslash-escape Markdown and HTML specials and break autolinks and shortcodes, so st.markdown
    (st.caption, st.info...) shows the text literally: no link, icon or emoji the app did not make."""
    return _PATTERN_BREAKS.sub(WORD_JOINER, _MARKDOWN_SPECIALS.sub(r"\\\1", str(text)))


_LINK_TARGET_BREAKERS = re.compile(r"[\s()<>\[\]\\\"'`]")


def markdown_link_target(url: str) -> str:
    """A URL safe inside Markdown's `[text](url)`: characters that would end the link or start new
    Markdown (a `)` followed by `[other](https://...)`) are percent-encoded, which browsers read the same."""
    return _LINK_TARGET_BREAKERS.sub(lambda match: quote(match.group(), safe=""), url)
