"""Benchmark: the shared-link burst, over Streamlit's websocket protocol (no browser).

300 sessions arrive over 60 s (a Poisson process: exponential gaps, mean 0.2 s). Each opens the same
shared link (/meetings with three filters) and then changes two controls, each change sent as the
rerun the page makes after the control writes its value to the address. Measured per action: time to
the view (send to script_finished), errors (a run that did not finish, showed an exception, or lacked
the view's text). Memory: each replica's peak RSS. Once against one `streamlit run` directly, once
through the stack (HAProxy, 2 replicas), and once through the stack with one replica killed 30 s in:
a session whose websocket closes reconnects (as the browser does) and sends its action again; what
still fails is an error. Run alone: `python -m bench.bench_burst`.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import websockets

from bench.streamlit_client import StreamlitServer, StreamlitSession, free_port
from components.settings import MEMO_STATS_VARIABLE

SESSIONS = int(os.environ.get("BURST_SESSIONS", "300"))  # smaller for a quick check of the benchmark itself
ARRIVAL_S = float(os.environ.get("BURST_SECONDS", "60"))
LINK = ("meetings", "level=heads-of-state&level=ministers&kind=central-asia-plus")
CHANGES = [  # two control changes after the link; each session takes one pair (the view texts they must show)
    [("meetings", LINK[1] + "&status=held"), ("meetings", LINK[1] + "&status=held&q=Astana")],
    [("meetings", LINK[1] + "&partner=CHN"), ("meetings", LINK[1] + "&partner=CHN&status=held")],
    [("meetings", LINK[1] + "&q=summit"), ("meetings", LINK[1] + "&q=summit&partner=USA")],
]
EXPECTED_TEXT = r"meeting\(s\) match"  # as the page sends it (Markdown-escaped)


@dataclass
class BurstResult:
    name: str
    actions: list[float] = field(default_factory=list)  # seconds to the view, per successful action
    errors: int = 0
    users_with_error: int = 0
    reconnects: int = 0
    peak_rss_mb: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    client_cpu_s: float = 0.0  # CPU the benchmark's own client used: it shares the machine with the servers
    error_kinds: Counter = field(default_factory=Counter)  # what each error was
    cache: dict = field(default_factory=dict)  # the servers' view caches: hits and misses, summed over replicas

    def fail(self, kind: str, count: int = 1) -> None:
        self.errors += count
        self.error_kinds[kind] += count

    @property
    def p50(self) -> float:
        return statistics.median(self.actions) if self.actions else float("nan")

    @property
    def p95(self) -> float:
        ordered = sorted(self.actions)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else float("nan")


async def _user(url: str, start: float, changes: list, result: BurstResult) -> None:
    await asyncio.sleep(start)
    failed = False
    session = StreamlitSession(url, timeout=120)
    try:
        await session.__aenter__()
    except (OSError, websockets.WebSocketException) as error:
        result.fail(f"connect: {type(error).__name__}", 3)
        result.users_with_error += 1
        return
    try:
        for page, query in [LINK, *changes]:
            run = await session.run_page(page, query)
            if run.error and "ConnectionClosed" in run.error:  # the browser reconnects and runs the view again
                result.reconnects += 1
                await session.__aexit__()
                session = StreamlitSession(url, timeout=120)
                await session.__aenter__()
                run = await session.run_page(page, query)
            if run.ok and run.contains(EXPECTED_TEXT):
                result.actions.append(run.seconds)
            else:
                result.fail("run: " + (run.error.split("(")[0] if run.error else "exception shown" if run.exceptions
                                       else "page not found" if run.page_not_found else "view text missing"))
                failed = True
    except (OSError, websockets.WebSocketException) as error:
        result.fail(f"reconnect: {type(error).__name__}")
        failed = True
    finally:
        try:
            await session.__aexit__()
        except Exception:  # noqa: BLE001 (already closed)
            pass
    result.users_with_error += failed


async def _warm_up(url: str, sessions: int = 2) -> None:
    """The first readers: each replica loads the data and builds the link's view once."""
    for _ in range(sessions):
        async with StreamlitSession(url, timeout=120) as session:
            await session.run_page(*LINK)


async def _burst(url: str, result: BurstResult, seed: int = 7, kill=None) -> None:
    generator = random.Random(seed)
    starts, moment = [], 0.0
    for _ in range(SESSIONS):
        moment += generator.expovariate(SESSIONS / ARRIVAL_S)
        starts.append(moment)
    users = [_user(url, start, CHANGES[index % len(CHANGES)], result) for index, start in enumerate(starts)]
    if kill is not None:
        users.append(kill())
    began, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*users)
    result.wall_s = time.perf_counter() - began
    result.client_cpu_s = time.process_time() - cpu


def _read_cache_reports(folder: Path) -> dict:
    """The view caches' counts the servers wrote as they stopped, summed over replicas (warm-up included)."""
    hits = misses = 0
    for report in folder.glob("memo-*.json"):
        for stats in json.loads(report.read_text()).values():
            hits, misses = hits + stats["hits"], misses + stats["misses"]
    return {"hits": hits, "misses": misses, "hit_rate": hits / (hits + misses) if hits + misses else float("nan")}


def run_direct() -> BurstResult:
    result = BurstResult("one process, direct")
    reports = Path(tempfile.mkdtemp(prefix="bench-burst-memo-"))
    with StreamlitServer("dashboard.py", env={MEMO_STATS_VARIABLE: str(reports)}) as server:
        asyncio.run(_warm_up(server.url))
        asyncio.run(_burst(server.url, result))
        result.peak_rss_mb = [server.memory_mb()[1]]
    result.cache = _read_cache_reports(reports)
    return result


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_stack(kill_after_s: float | None = None) -> BurstResult:
    from deploy.stack import Stack, StackConfig

    name = "stack, 2 replicas" + (f", one killed at {kill_after_s:.0f} s" if kill_after_s else "")
    result = BurstResult(name)
    first = free_port()
    port = free_port()
    while port in (first, first + 1):
        port = free_port()
    # Every session comes from 127.0.0.1: lift the per-address websocket limit for the test.
    reports = Path(tempfile.mkdtemp(prefix="bench-burst-memo-"))
    stack = Stack(StackConfig(replicas=2, port=port, first_replica_port=first, stream_opens_per_10s=100_000),
                  Path(tempfile.mkdtemp(prefix="bench-burst-")))
    os.environ[MEMO_STATS_VARIABLE] = str(reports)  # the replicas inherit it
    try:
        stack.start()
    finally:
        del os.environ[MEMO_STATS_VARIABLE]
    try:
        url = f"http://127.0.0.1:{port}"
        peaks: dict[int, float] = {}

        async def kill() -> None:
            await asyncio.sleep(kill_after_s)
            victim = stack.replicas[first]
            peaks[first] = _peak_rss_mb(victim.pid)
            victim.kill()

        asyncio.run(_warm_up(url))
        asyncio.run(_burst(url, result, kill=kill if kill_after_s else None))
        for replica_port, process in stack.replicas.items():
            if process.poll() is None:
                peaks[replica_port] = _peak_rss_mb(process.pid)
        result.peak_rss_mb = [peaks[p] for p in sorted(peaks)]
    finally:
        stack.stop()
    result.cache = _read_cache_reports(reports)
    return result


def measure() -> list[BurstResult]:
    return [run_direct(), run_stack(), run_stack(kill_after_s=30.0)]


def describe(result: BurstResult) -> str:
    return (f"{result.name}: {len(result.actions)} actions, p50 {result.p50:.2f}s, p95 {result.p95:.2f}s, "
            f"errors {result.errors} ({result.users_with_error} users), reconnects {result.reconnects}, "
            f"peak RSS {' + '.join(f'{mb:.0f}' for mb in result.peak_rss_mb)} MB, wall {result.wall_s:.0f}s, "
            f"client CPU {result.client_cpu_s:.0f}s, view cache hit rate {result.cache.get('hit_rate', float('nan')):.3f}"
            f" ({result.cache.get('hits', 0)} hits, {result.cache.get('misses', 0)} misses)"
            + (f"; errors by kind: {dict(result.error_kinds)}" if result.error_kinds else ""))


def main() -> None:
    for result in measure():
        print(describe(result), flush=True)


if __name__ == "__main__":
    main()
