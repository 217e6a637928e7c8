"""Text from the data or the URL is shown as text: escape what Markdown would interpret."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: object) -> str:
    """Backslash-escape Markdown and HTML specials so st.markdown shows the text literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
