"""Concurrent sessions with varied query strings: the visits the load benchmark and test share.

Each session gets its own view (a trade pair, a meetings search, a formats partner...), so a
test can check that every session got its own and nobody else's.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bench.streamlit_client import PageRun, StreamlitSession
from components.domain.trade import list_pairs

SEARCH_TERMS = ("astana", "tashkent", "bishkek", "dushanbe", "ashgabat", "samarkand", "almaty", "awaza",
                "water", "transport", "security", "trade", "energy")


@dataclass(frozen=True)
class Visit:
    """One page run and the text only its own view shows."""

    page: str
    query_string: str
    marker: str  # text this view shows
    others: tuple[str, ...]  # texts other sessions' views of the same page show


def session_visits(index: int) -> list[Visit]:
    """Session `index`'s visits: its own trade pair and its own meetings search, then a page without one."""
    pairs, terms = list_pairs(), SEARCH_TERMS
    pair, term = pairs[index % len(pairs)], terms[index % len(terms)]
    plain = ("", "formats", "initiatives", "sources")[index % 4]
    return [Visit("trade", f"tab=pairs&pair={pair}", pair,  # in "<pair> trade ..." or "No figures for <pair>"
                  tuple(text for other in pairs if other != pair for text in (f"{other} trade", f"for {other} in"))),
            Visit("meetings", f"q={term}", f"q={term}", tuple(f"q={other}" for other in terms if other != term)),
            Visit(plain, "", "", ())]


async def run_session(url: str, visits: list[Visit], timeout: float = 300) -> list[PageRun]:
    async with StreamlitSession(url, timeout=timeout) as session:
        return [await session.run_page(visit.page, visit.query_string) for visit in visits]


async def run_sessions(url: str, count: int, rounds: int = 1, visits: int | None = None) -> list[tuple[Visit, PageRun]]:
    """`count` sessions at once, each running its first `visits` visits `rounds` times; (visit, run) pairs."""
    plans = [session_visits(index)[:visits] * rounds for index in range(count)]
    results = await asyncio.gather(*(run_session(url, plan) for plan in plans), return_exceptions=True)
    pairs = []
    for plan, result in zip(plans, results, strict=True):
        if isinstance(result, BaseException):
            pairs += [(visit, PageRun(visit.page, visit.query_string, error=repr(result))) for visit in plan]
        else:
            pairs += list(zip(plan, result, strict=True))
    return pairs


def leaked(visit: Visit, run: PageRun) -> list[str]:
    """Texts of other sessions' views found in this run (should be none)."""
    return [other for other in visit.others if run.contains(other)]
