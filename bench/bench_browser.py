"""Benchmark: time from navigation to every chart drawn, in headless Chromium (Playwright).

Cold: a new browser context (empty cache) per visit. Warm: a reload in the same context. For
every page of the dashboard, beside bench/apps/bare_charts.py with one chart, in the same run:
each round visits the bare page and then every page, and the medians are over 5 rounds.
"Drawn" means the page's number of `.js-plotly-plot` elements holding a `.main-svg` (a chart
has several .main-svg layers, so counting those would stop early) and its title are there.
Run alone: `python -m bench.bench_browser`.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from bench.bench_server import BARE_APP, PAGES
from bench.streamlit_client import StreamlitServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
_DRAWN = ("count => document.querySelector('h1') !== null && [...document.querySelectorAll('.js-plotly-plot')]"
          ".filter(plot => plot.querySelector('.main-svg')).length >= count")


@dataclass(frozen=True)
class BrowserTiming:
    page: str
    charts: int
    cold_s: float
    warm_s: float
    js_files: int = 0  # what a cold visit loads and builds: where a page's browser time goes
    js_mb: float = 0.0
    dom_nodes: int = 0
    main_thread: dict[str, float] | None = None  # seconds of the renderer's main thread, by kind (cold visit)


# Chromium's own counters of main-thread work (DevTools Performance.getMetrics), in seconds.
MAIN_THREAD_METRICS = {"TaskDuration": "all tasks", "ScriptDuration": "script", "LayoutDuration": "layout",
                       "RecalcStyleDuration": "style"}


def _route_local(route) -> None:
    if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def _main_thread_seconds(devtools) -> dict[str, float]:
    metrics = {metric["name"]: metric["value"] for metric in devtools.send("Performance.getMetrics")["metrics"]}
    return {label: metrics.get(name, 0.0) for name, label in MAIN_THREAD_METRICS.items()}


def _visit(browser, url: str, charts: int) -> tuple:
    """One cold visit and one warm reload: seconds to `charts` drawn charts for each, then the JS
    files, JS MB, DOM nodes and the main thread's work of the cold visit."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", _route_local)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    scripts: list[int] = []
    page.on("response", lambda response: response.url.endswith(".js") and scripts.append(
        int(response.headers.get("content-length") or 0)))
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(_DRAWN, arg=charts, timeout=90_000)
    cold = time.perf_counter() - started
    loaded = (len(scripts), sum(scripts) / 1e6, page.evaluate("document.querySelectorAll('*').length"),
              _main_thread_seconds(devtools))
    started = time.perf_counter()
    page.reload()
    page.wait_for_function(_DRAWN, arg=charts, timeout=90_000)
    warm = time.perf_counter() - started
    context.close()
    return cold, warm, *loaded


def _timing(name: str, charts: int, visits: list[tuple]) -> BrowserTiming:
    """Median cold and warm seconds over the visits; what was loaded, from the last one."""
    return BrowserTiming(name, charts, statistics.median(visit[0] for visit in visits),
                         statistics.median(visit[1] for visit in visits), *visits[-1][2:])


def measure(chart_counts: dict[str, int], repeats: int = 5) -> tuple[BrowserTiming, dict[str, BrowserTiming]]:
    """The bare one-chart page and every dashboard page (chart_counts: page name -> charts).

    Both servers run side by side and each round visits the bare page, then every page, so a
    machine that slows down during the run slows the baseline as much as the pages."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, StreamlitServer(BARE_APP) as bare_server, \
            StreamlitServer("dashboard.py") as server:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        bare_url = f"{bare_server.url}/?charts=1"
        _visit(browser, bare_url, 1)  # the bare server's first run
        _visit(browser, f"{server.url}/", chart_counts["overview"])  # loads the data once
        bare_visits: list[tuple] = []
        page_visits: dict[str, list[tuple]] = {name: [] for name in PAGES}
        for _ in range(repeats):
            bare_visits.append(_visit(browser, bare_url, 1))
            for name, path in PAGES.items():
                page_visits[name].append(_visit(browser, f"{server.url}/{path}", chart_counts[name]))
        browser.close()
    return (_timing("bare", 1, bare_visits),
            {name: _timing(name, chart_counts[name], visits) for name, visits in page_visits.items()})


def main() -> None:
    from bench.bench_server import measure_dashboard

    counts = {name: timing.charts for name, timing in measure_dashboard(None, repeats=1).items()}
    bare, pages = measure(counts)
    print(f"bare: cold {bare.cold_s:.2f}s warm {bare.warm_s:.2f}s")
    for timing in pages.values():
        print(f"{timing.page:<12} charts={timing.charts} cold={timing.cold_s:.2f}s ({timing.cold_s / bare.cold_s:.2f}x) "
              f"warm={timing.warm_s:.2f}s ({timing.warm_s / bare.warm_s:.2f}x) main thread: "
              + ", ".join(f"{label} {seconds:.2f}s" for label, seconds in (timing.main_thread or {}).items()))


if __name__ == "__main__":
    main()
