"""Run every benchmark and write bench/RESULTS.md: `python -m bench`.

1. data: load + validate the shipped data, and generated data 10x and 100x (in a temp folder);
2. server: each page's median script run through `streamlit run` + websocket, shipped and 100x
   data, beside a bare page with as many Plotly charts;
3. browser: navigation to all charts drawn in headless Chromium, cold and warm, beside a bare
   one-chart page;
4. load: 10, 30, 50 concurrent websocket sessions with varied query strings;
5-6. serving (bench/serving.py): network and the shared-link burst, through the stack;
7. languages (bench/bench_languages.py): each page's server time in each language.
Every baseline is measured in the same run. `--skip-browser` leaves out 3 (no Chromium).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import os
import platform
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench import bench_languages
from bench import bench_browser, bench_concurrency, bench_load, bench_server, profile_pages, serving

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LOAD_TARGET_S, SERVER_RATIO, SERVER_100X_S, BROWSER_RATIO, MEMORY_MB = 3.0, 1.5, 0.5, 1.3, 1024


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
    return [f"- Date: {dt.datetime.now().isoformat(timespec='minutes')}",
            f"- Machine: {os.cpu_count()} cores, {ram_kb / 1024**2:.1f} GiB RAM, {cpu}",
            f"- Python {platform.python_version()}, Streamlit {version('streamlit')}, Plotly {version('plotly')}, "
            f"pandas {version('pandas')}, pydantic {version('pydantic')}, PyYAML {version('PyYAML')}"]


def profile_load(directory: Path, top: int = 14) -> str:
    import components.data.dataset as dataset_module

    profiler = cProfile.Profile()
    profiler.runcall(dataset_module.load_dataset, directory)
    return "\n".join(profile_pages.profile_table(profiler, (), "tottime", top))


def data_section(rows, parse_floor_s: float, importer: tuple[float, int]) -> list[str]:
    base = rows[0].median_s
    lines = ["## 1. Data: load and validate", "",
             "`components.data.dataset.load_dataset` (read, validate, cross-check, build the DataFrames), median of "
             "the repeats shown; the shipped data is the baseline.", "",
             "| data | records | repeats | median s | × shipped | ms per record |", "|---|---|---|---|---|---|"]
    lines += [f"| {row.label} | {row.records:,} | {row.repeats} | {row.median_s:.3f} | {row.median_s / base:.1f} | "
              f"{row.median_s / row.records * 1000:.3f} |" for row in rows]
    hundred = rows[-1]
    lines += ["", f"Target: 100× loads in under {LOAD_TARGET_S:.0f} s: {hundred.median_s:.1f} s, "
                  f"{_met(hundred.median_s < LOAD_TARGET_S)}.", "",
              f"The floor of this format and library: libyaml (PyYAML's C parser) only parsing the 100× files "
              f"into events, with no nodes, no values and no validation, takes {parse_floor_s:.1f} s "
              f"(bench_load.measure_parse_floor).", "",
              f"The trade statistics' importer (`python -m components.import_imf_dots`, 27 IMF workbooks read with "
              f"openpyxl) takes {importer[0]:.1f} s for {importer[1]} series (bench_load.measure_importer). The "
              "records counted above include every statistical value (one row each in the loaded table).", ""]
    return lines


def server_section(shipped, scaled, bare, frozen) -> list[str]:
    lines = ["## 2. Server time per page", "",
             "Through a real `streamlit run` server and its websocket protocol (bench/streamlit_client.py): time "
             "from sending `rerun_script` to receiving `script_finished`, one session, 2 warm-up runs, then the "
             "median (and p95) of 9 runs of the page's default view. The baseline is bench/apps/bare_charts.py "
             "drawing the same number of small `graph_objects` charts, measured in the same run, as Streamlit "
             "runs it by default. The dashboard freezes its long-lived objects out of the garbage collector "
             "after loading its data (components/ui/loader.py `freeze_long_lived_objects`), which spares it most of "
             "Streamlit's full collection after every run; the last columns hold the bare page doing the same "
             "(`?freeze=1`), the floor once that cost is gone.", "",
             "| page | charts | shipped median s | p95 s | bare page, same charts, s | × bare | 100× median s | "
             f"within {SERVER_RATIO}× bare | 100× under {SERVER_100X_S} s | bare page frozen too, s | × bare frozen |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, timing in shipped.items():
        floor, frozen_floor = bare[timing.charts].median_s, frozen[timing.charts].median_s
        ratio = timing.median_s / floor
        big = scaled[name].median_s
        lines.append(f"| {name} | {timing.charts} | {timing.median_s:.3f} | {timing.p95_s:.3f} | {floor:.3f} | "
                     f"{ratio:.1f} | {big:.3f} | {_met(ratio <= SERVER_RATIO)} | {_met(big < SERVER_100X_S)} | "
                     f"{frozen_floor:.3f} | {timing.median_s / frozen_floor:.1f} |")
    return lines + [""]


def profile_section(shipped, scaled, bare, scaled_dir: Path) -> list[str]:
    """A profile of each page that missed a server-time target, on the data where it missed."""
    lines = ["Where the time goes on each page that missed a target (bench/profile_pages.py: cProfile of one "
             "warm AppTest run of the page's default view):", ""]
    for name, timing in shipped.items():
        if timing.median_s / bare[timing.charts].median_s > SERVER_RATIO:
            lines += ["```", profile_pages.profile_page(name), "```", ""]
        if scaled[name].median_s >= SERVER_100X_S:
            lines += ["```", "(100× data) " + profile_pages.profile_page(name, scaled_dir), "```", ""]
    return lines if len(lines) > 2 else []


def _main_thread_cells(timing) -> str:
    return " | ".join(f"{(timing.main_thread or {}).get(label, 0.0):.2f}"
                      for label in bench_browser.MAIN_THREAD_METRICS.values())


def browser_section(bare, pages) -> list[str]:
    labels = list(bench_browser.MAIN_THREAD_METRICS.values())
    lines = ["## 3. Browser: navigation to every chart drawn", "",
             "Headless Chromium (Playwright, /usr/bin/chromium), every request off 127.0.0.1 blocked; time from "
             "`goto` (cold: new context, empty cache) or `reload` (warm: same context) until the page's title and "
             "all its Plotly charts have drawn (`.js-plotly-plot` holding a `.main-svg`); median of 5 rounds, each "
             "visiting the baseline, bench/apps/bare_charts.py with one chart, and then every page, with both servers "
             "running side by side (so a slower spell of the machine slows both).", "",
             "| page | charts | cold s | × bare cold | warm s | × bare warm | "
             f"within {BROWSER_RATIO}× (cold / warm) | JS files | JS MB | DOM nodes | "
             + " | ".join(f"main thread: {label} s" for label in labels) + " |",
             "|---|---|---|---|---|---|---|---|---|---|" + "---|" * len(labels),
             f"| bare, 1 chart | 1 | {bare.cold_s:.2f} | 1.0 | {bare.warm_s:.2f} | 1.0 | | {bare.js_files} | "
             f"{bare.js_mb:.2f} | {bare.dom_nodes:,} | {_main_thread_cells(bare)} |"]
    for timing in pages.values():
        cold, warm = timing.cold_s / bare.cold_s, timing.warm_s / bare.warm_s
        lines.append(f"| {timing.page} | {timing.charts} | {timing.cold_s:.2f} | {cold:.2f} | {timing.warm_s:.2f} | "
                     f"{warm:.2f} | {_met(cold <= BROWSER_RATIO)} / {_met(warm <= BROWSER_RATIO)} | "
                     f"{timing.js_files} | {timing.js_mb:.2f} | {timing.dom_nodes:,} | {_main_thread_cells(timing)} |")
    lines += ["", "JS files, JS MB and DOM nodes: what one cold visit loads (scripts, by their Content-Length) and "
                  "builds. Main thread: the seconds Chromium's renderer main thread spent on one cold visit, from "
                  "its own counters (DevTools `Performance.getMetrics`: TaskDuration, ScriptDuration, LayoutDuration, "
                  "RecalcStyleDuration), the browser's profile of where a page's time goes. Plotly's chunk (4.7 MB) "
                  "is in every charted page's figure; the rest of a page's extra is Streamlit's frontend for the "
                  "elements it shows (the data grid of the table twins above all)."]
    return lines + [""]


def load_section(idle, results) -> list[str]:
    lines = ["## 4. Load: concurrent sessions", "",
             "One `streamlit run` server on the shipped data; N websocket sessions at once, each running its own "
             "views (bench/sessions.py: `/trade?tab=pairs&pair=<its pair>`, `/meetings?q=<its term>`, then another "
             "page). An error is a run that did not finish, showed an exception element, lacked its own view's "
             "text or showed another session's. Memory: the server's VmRSS after the level, and its peak (VmHWM).",
             "", f"Server RSS after one warm-up session: {idle:.0f} MB.", "",
             "| sessions | runs | wall s | runs/s | median s | p95 s | errors | RSS MB | peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r.sessions} | {r.runs} | {r.seconds:.1f} | {r.throughput:.1f} | {r.median_s:.2f} | {r.p95_s:.2f} | "
              f"{r.errors} | {r.rss_mb:.0f} | {r.peak_rss_mb:.0f} |" for r in results]
    fifty = results[-1]
    lines += ["", f"Target: {fifty.sessions} sessions with no error and memory under 1 GB: "
                  f"{_met(fifty.errors == 0 and fifty.peak_rss_mb < MEMORY_MB)}.", ""]
    return lines


def main() -> None:
    skip_browser = "--skip-browser" in sys.argv
    sections = ["# Benchmark results", "", "Written by `python -m bench` (do not edit by hand).", "", *machine(), ""]
    with tempfile.TemporaryDirectory() as folder:
        print("1/6 data...", flush=True)
        scaled = bench_load.generate(Path(folder))
        rows = bench_load.measure(scaled)
        sections += data_section(rows, bench_load.measure_parse_floor(scaled[100]), bench_load.measure_importer())
        sections += ["Where the time goes at 100× (cProfile, sorted by own time):", "", "```",
                     profile_load(scaled[100]), "```", ""]
        print("2/6 server...", flush=True)
        shipped = bench_server.measure_dashboard(None, repeats=9)
        big = bench_server.measure_dashboard(scaled[100], repeats=9)
        counts = {timing.charts for timing in shipped.values()}
        bare = bench_server.measure_bare(counts, repeats=9)
        frozen = bench_server.measure_bare(counts, repeats=9, freeze=True)
        sections += server_section(shipped, big, bare, frozen)
        sections += profile_section(shipped, big, bare, scaled[100])
    if not skip_browser:
        print("3/6 browser...", flush=True)
        sections += browser_section(*bench_browser.measure({name: t.charts for name, t in shipped.items()}))
    print("4/6 load...", flush=True)
    sections += load_section(*bench_concurrency.measure())
    if not skip_browser:
        sections += serving.sections()
    print("7/7 languages...", flush=True)
    sections += bench_languages.section(bench_languages.measure_languages(), None, None)
    RESULTS.write_text("\n".join(sections))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
