"""Deterministic source ids: the same URL always gets the same id, whoever adds it."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit


def normalize_url(url: str) -> str:
    """Trim blanks and a trailing slash; lower-case scheme and host."""
    parts = urlsplit(url.strip())
    rest = url.strip()[len(parts.scheme) + 3 + len(parts.netloc):]
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{rest}".rstrip("/")


def source_id_for(url: str) -> str:
    """'https://en.inform.kz/news/x/' -> 'en-inform-kz-1a2b3c' (host slug + 6 hex of the URL)."""
    normalized = normalize_url(url)
    host = urlsplit(normalized).netloc.removeprefix("www.")
    slug = re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:40]
    digest = hashlib.sha1(normalized.encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


if __name__ == "__main__":
    import sys

    for argument in sys.argv[1:]:
        print(source_id_for(argument), argument)
