"""Benchmark: server time per page, through a real `streamlit run` and its websocket protocol.

For every page, the median time from sending `rerun_script` to receiving `script_finished` (the
page's script run plus sending its deltas over loopback), on the shipped data and on data 100x
its size, beside bench/apps/bare_charts.py drawing the same number of Plotly charts, measured in
the same run. Run alone: `python -m bench.bench_server`.
"""

from __future__ import annotations

import asyncio
import statistics
from dataclasses import dataclass
from pathlib import Path

from bench.streamlit_client import StreamlitServer, StreamlitSession
from components.links.pages import PAGES as REGISTERED_PAGES
from components.settings import DATA_DIR_VARIABLE, MAX_FILE_BYTES_VARIABLE

PAGES = {page.url_path or "overview": page.url_path for page in REGISTERED_PAGES}  # name → url_path
BARE_APP = "bench/apps/bare_charts.py"


@dataclass(frozen=True)
class PageTiming:
    page: str
    charts: int
    median_s: float
    p95_s: float
    ok: bool


async def time_page(url: str, page: str, query: str = "", repeats: int = 9, warmup: int = 2) -> PageTiming:
    """Median and p95 of `repeats` runs of one page in one session, after `warmup` runs."""
    async with StreamlitSession(url, timeout=300) as session:
        runs = [await session.run_page(page, query) for _ in range(warmup + repeats)][warmup:]
    times = sorted(run.seconds for run in runs)
    return PageTiming(page or "overview", runs[-1].charts, statistics.median(times),
                      times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], all(run.ok for run in runs))


def measure_dashboard(data_dir: Path | None, repeats: int) -> dict[str, PageTiming]:
    env = {MAX_FILE_BYTES_VARIABLE: str(10**9)}
    if data_dir is not None:
        env[DATA_DIR_VARIABLE] = str(data_dir)
    with StreamlitServer("dashboard.py", env=env) as server:
        return {name: asyncio.run(time_page(server.url, path, repeats=repeats)) for name, path in PAGES.items()}


def measure_bare(chart_counts: set[int], repeats: int, freeze: bool = False) -> dict[int, PageTiming]:
    """The bare page with each number of charts; `freeze`: with its objects frozen out of the GC."""
    with StreamlitServer(BARE_APP) as server:
        return {count: asyncio.run(time_page(server.url, "", f"charts={count}" + ("&freeze=1" if freeze else ""),
                                             repeats=repeats))
                for count in sorted(chart_counts)}


def main() -> None:
    shipped = measure_dashboard(None, repeats=9)
    bare = measure_bare({timing.charts for timing in shipped.values()}, repeats=9)
    frozen = measure_bare({timing.charts for timing in shipped.values()}, repeats=9, freeze=True)
    for name, timing in shipped.items():
        floor, frozen_floor = bare[timing.charts].median_s, frozen[timing.charts].median_s
        print(f"{name:<12} charts={timing.charts} median={timing.median_s:.3f}s bare={floor:.3f}s "
              f"ratio={timing.median_s / floor:.2f} bare frozen={frozen_floor:.3f}s "
              f"ratio={timing.median_s / frozen_floor:.2f} ok={timing.ok}")


if __name__ == "__main__":
    main()
