"""Text from the data or the URL is shown as text: escape what Markdown would interpret."""

from __future__ import annotations

import re
from urllib.parse import quote

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: object) -> str:
    """Backslash-escape Markdown and HTML specials so st.markdown shows the text literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


_LINK_TARGET_BREAKERS = re.compile(r"[\s()<>\[\]\\\"'`]")


def markdown_link_target(url: str) -> str:
    """A URL safe inside Markdown's `[text](url)`: characters that would end the link or start new
    Markdown (a `)` followed by `[other](https://...)`) are percent-encoded, which browsers read the same."""
    return _LINK_TARGET_BREAKERS.sub(lambda match: quote(match.group(), safe=""), url)
