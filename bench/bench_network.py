"""Benchmark: cold and warm visits on an emulated real network, served directly and through the stack.

Chromium emulates 10 Mbit/s down, 2 Mbit/s up and 60 ms latency (DevTools Network.emulateNetworkConditions).
Each round visits the bare one-chart page served directly (the baseline), then every dashboard page
served directly by one `streamlit run`, then every page through deploy/serve's stack (HAProxy and
2 replicas). Medians over the rounds. Run alone: `python -m bench.bench_network`.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.bench_browser import _DRAWN, CHROMIUM, CHROMIUM_ARGS
from bench.bench_server import BARE_APP, PAGES
from bench.streamlit_client import StreamlitServer, free_port

NETWORK = {"offline": False, "latency": 60, "downloadThroughput": 10e6 / 8, "uploadThroughput": 2e6 / 8}
CHARTS = {"overview": 1, "trade": 1, "meetings": 2, "formats": 1, "initiatives": 1, "sources": 0}


@dataclass(frozen=True)
class NetworkTiming:
    page: str
    served: str  # "direct" or "stack"
    cold_s: float
    warm_s: float
    bytes_mb: float  # what the cold visit transferred (encoded, as it crossed the emulated link)


def _visit(browser, url: str, charts: int) -> tuple[float, float, float]:
    # No request routing here: Playwright turns the HTTP cache off while routing, and warm visits need it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.emulateNetworkConditions", NETWORK)
    received: list[float] = []
    devtools.on("Network.loadingFinished", lambda event: received.append(event.get("encodedDataLength", 0)))
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(_DRAWN, arg=charts, timeout=180_000)
    cold = time.perf_counter() - started
    transferred = sum(received) / 1e6
    started = time.perf_counter()
    page.reload()
    page.wait_for_function(_DRAWN, arg=charts, timeout=180_000)
    warm = time.perf_counter() - started
    context.close()
    return cold, warm, transferred


def _timing(page: str, served: str, visits: list[tuple[float, float, float]]) -> NetworkTiming:
    return NetworkTiming(page, served, statistics.median(v[0] for v in visits), statistics.median(v[1] for v in visits),
                         visits[-1][2])


def measure(rounds: int = 3) -> list[NetworkTiming]:
    from playwright.sync_api import sync_playwright

    from deploy.stack import Stack, StackConfig

    stack = Stack(StackConfig(replicas=2, port=free_port(), first_replica_port=free_port()),
                  Path(tempfile.mkdtemp(prefix="bench-stack-")))
    if stack.config.first_replica_port + 1 == stack.config.port:
        stack = Stack(StackConfig(replicas=2, port=free_port(), first_replica_port=stack.config.first_replica_port),
                      stack.log_dir)
    visits: dict[tuple[str, str], list] = {}
    with sync_playwright() as playwright, StreamlitServer(BARE_APP) as bare, StreamlitServer("dashboard.py") as direct:
        stack.start()
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            stack_url = f"http://127.0.0.1:{stack.config.port}"
            targets = [("bare", "direct", f"{bare.url}/?charts=1", 1)]
            targets += [(name, "direct", f"{direct.url}/{path}", CHARTS[name]) for name, path in PAGES.items()]
            targets += [(name, "stack", f"{stack_url}/{path}", CHARTS[name]) for name, path in PAGES.items()]
            for _, _, url, charts in targets:  # each server's first run (data loaded, caches warm)
                _visit(browser, url, charts)
            for _ in range(rounds):
                for name, served, url, charts in targets:
                    visits.setdefault((name, served), []).append(_visit(browser, url, charts))
            browser.close()
        finally:
            stack.stop()
    return [_timing(name, served, runs) for (name, served), runs in visits.items()]


def main() -> None:
    timings = measure()
    bare = next(t for t in timings if t.page == "bare")
    for t in timings:
        print(f"{t.page:<12} {t.served:<6} cold {t.cold_s:6.2f}s ({t.cold_s / bare.cold_s:.2f}x bare) "
              f"warm {t.warm_s:6.2f}s  {t.bytes_mb:.2f} MB")


if __name__ == "__main__":
    main()
