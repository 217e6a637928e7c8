"""Rules on sources and publishers that need more than one record: every page is a page (not a
date archive or a cut-off address), every outlet has one name, every domain one outlet."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pydantic import BaseModel

from components.data.problems import Problem
from components.data.yaml_reader import PositionedRecord

Rows = list[tuple[PositionedRecord, BaseModel]]

# A path that is only a date (/2025/10/10/, /2025/10/) lists a day's articles: it is not one page.
_DATE_ARCHIVE = re.compile(r"^/(?:[a-z]{2}/)?\d{4}/\d{1,2}(?:/\d{1,2})?/?$")
# A path cut off after its article number (24.kg/english/291156_): the slug was lost.
_CUT_OFF = re.compile(r"/\d+[_-]$")


def host_of(url: str) -> str:
    """The URL's host in lower case, without `www.` and without a trailing dot."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.removeprefix("www.")


def publisher_of_host(host: str, domains: dict[str, str]) -> str | None:
    """The publisher whose domain is the host or its closest parent (en.trend.az → trend.az)."""
    parts = host.split(".")
    for start in range(len(parts) - 1):
        owner = domains.get(".".join(parts[start:]))
        if owner:
            return owner
    return None


def address_problem(url: str) -> tuple[str, str] | None:
    """(code, message) when the address is not one page: a date archive, a cut-off address, or a host
    or address ending in a stray character."""
    parts = urlsplit(url)
    path = parts.path
    if (parts.hostname or "").endswith(".") or url.endswith((":", ",", ";", ".")):
        return "malformed-address", f"the address ends in a stray character: {url!r}; remove it"
    if _DATE_ARCHIVE.match(path):
        return "archive-address", ("the address is a date archive (a list of that day's articles), not a page; "
                                   "cite the article itself")
    if _CUT_OFF.search(path):
        return "truncated-address", ("the address is cut off after the article number; find the page's full "
                                     "address")
    return None


def _domain_owners(publishers: Rows, file: str) -> tuple[dict[str, str], list[Problem]]:
    owners: dict[str, str] = {}
    problems = []
    for record, publisher in publishers:
        for position, domain in enumerate(publisher.domains):
            if domain in owners and owners[domain] != publisher.id:
                problems.append(Problem(file, record.line_of(("domains", position)), publisher.id,
                                        f"domains.{position}", "domain-two-publishers",
                                        f"the domain `{domain}` is already filed under publisher "
                                        f"`{owners[domain]}`; one outlet per domain: merge the two or move it"))
            owners.setdefault(domain, publisher.id)
    return owners, problems


def check_sources(publishers: Rows, sources: Rows, files: dict[str, str]) -> list[Problem]:
    """Problems of addresses, publishers' domains and duplicate pages."""
    owners, problems = _domain_owners(publishers, files["publishers"])
    known = {publisher.id for _, publisher in publishers}
    seen: dict[str, str] = {}
    file = files["sources"]
    for record, source in sources:
        bad = address_problem(source.url)
        if bad:
            problems.append(Problem(file, record.line_of(("url",)), source.id, "url", *bad))
        page = source.url.split("#")[0].rstrip("/").replace("://www.", "://").replace("http://", "https://")
        if page in seen:
            problems.append(Problem(file, record.line_of(("url",)), source.id, "url", "duplicate-page",
                                    f"the same page is already source `{seen[page]}`; cite that one"))
        seen.setdefault(page, source.id)
        owner = publisher_of_host(host_of(source.url), owners)
        if source.publisher in known and owner != source.publisher:
            where = f"is filed under publisher `{owner}`" if owner else "is not filed under any publisher"
            problems.append(Problem(file, record.line_of(("publisher",)), source.id, "publisher",
                                    "publisher-domain-mismatch",
                                    f"the page's domain `{host_of(source.url)}` {where}, not `{source.publisher}`; "
                                    "correct the publisher or add the domain to it in publishers.yaml"))
    return problems
