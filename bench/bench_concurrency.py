"""Benchmark: 10, 30 and 50 concurrent sessions through Streamlit's websocket protocol.

Every session runs its own views (bench/sessions.py: a trade pair, a meetings search, another
page) a few times; reports throughput, median and p95 run time, errors (a run that did not
finish, or showed an exception or another session's view) and the server's memory (VmRSS now
and its peak, VmHWM, from /proc). Run alone: `python -m bench.bench_concurrency`.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass

from bench.sessions import leaked, run_sessions
from bench.streamlit_client import StreamlitServer


@dataclass(frozen=True)
class LoadResult:
    sessions: int
    runs: int
    seconds: float
    median_s: float
    p95_s: float
    errors: int
    rss_mb: float
    peak_rss_mb: float

    @property
    def throughput(self) -> float:
        return self.runs / self.seconds


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(levels: tuple[int, ...] = (10, 30, 50), rounds: int = 1) -> tuple[float, list[LoadResult]]:
    """Idle server memory (MB) after one warm-up session, and one result per level (one server throughout)."""
    results = []
    with StreamlitServer("dashboard.py") as server:
        asyncio.run(run_sessions(server.url, 1))  # loads the data into the cache
        idle = server.memory_mb()[0]
        for count in levels:
            started = time.perf_counter()
            pairs = asyncio.run(run_sessions(server.url, count, rounds))
            seconds = time.perf_counter() - started
            times = [run.seconds for _, run in pairs if run.ok]
            errors = sum(1 for visit, run in pairs if not run.ok or leaked(visit, run)
                         or (visit.marker and not run.contains(visit.marker)))
            rss, peak = server.memory_mb()
            results.append(LoadResult(count, len(pairs), seconds, statistics.median(times) if times else float("nan"),
                                      _p95(times) if times else float("nan"), errors, rss, peak))
    return idle, results


def main() -> None:
    idle, results = measure()
    print(f"server RSS after one session: {idle:.0f} MB")
    for result in results:
        print(f"{result.sessions:>3} sessions: {result.runs} runs in {result.seconds:.1f}s = {result.throughput:.1f}/s, "
              f"median {result.median_s:.2f}s p95 {result.p95_s:.2f}s errors {result.errors} "
              f"RSS {result.rss_mb:.0f} MB (peak {result.peak_rss_mb:.0f} MB)")


if __name__ == "__main__":
    main()
