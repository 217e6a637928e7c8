"""Benchmark: each page's server time in every language of the interface, beside English, and beside
English before a given revision (issue 16: a translated page must not cost more than noise).

One server runs the working tree; every page's default view is timed in each language on it, the languages
taking turns page by page. With `--before REV`, the same pages in English are timed on a server running REV
(checked out with `git worktree` into a temporary folder), in the same run. Median of 15 runs after 2 warm-up
runs, one session per page and language. `python -m bench.bench_languages [--before REV]` replaces section 7
of bench/RESULTS.md; `python -m bench` writes it too (without a revision to compare).
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import tempfile
from pathlib import Path

from bench.bench_server import PAGES, PageTiming, time_page
from bench.streamlit_client import StreamlitServer
from components.i18n.languages import LANGUAGES, SOURCE_LANGUAGE

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "RESULTS.md"
MARKER = "## 7. Languages"
REPEATS = 15


def _query(code: str) -> str:
    return "" if code == SOURCE_LANGUAGE else f"lang={code}"


def measure_languages(repeats: int = REPEATS) -> dict[tuple[str, str], PageTiming]:
    """(page, language) → timing, on the working tree."""
    timings = {}
    with StreamlitServer("dashboard.py") as server:
        for name, path in PAGES.items():
            for code in LANGUAGES:
                timings[name, code] = asyncio.run(time_page(server.url, path, _query(code), repeats=repeats))
    return timings


def measure_revision(revision: str, repeats: int = REPEATS) -> dict[str, PageTiming]:
    """Page → timing in English, on a checkout of `revision`."""
    folder = Path(tempfile.mkdtemp(prefix="bench-before-")) / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), revision], cwd=PROJECT, check=True,
                   capture_output=True)
    try:
        with StreamlitServer(folder / "dashboard.py", cwd=folder) as server:
            return {name: asyncio.run(time_page(server.url, path, repeats=repeats)) for name, path in PAGES.items()}
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=PROJECT, check=False,
                       capture_output=True)


def section(timings: dict[tuple[str, str], PageTiming], before: dict[str, PageTiming] | None,
            revision: str | None) -> list[str]:
    others = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
    header = ["page", "English median s", *(f"{code} median s" for code in others),
              *(f"{code} / English" for code in others)]
    if before is not None:
        header += [f"English at {revision} s", "English now / before"]
    lines = [MARKER + ": server time per page in each language", "",
             f"Each page's default view through one `streamlit run` (as section 2), median of {REPEATS} runs after 2 "
             "warm-up runs, the languages taking turns page by page on the same server"
             + (f"; and in English on a server running {revision} (before the Russian interface), in the same run"
                if before is not None else "") + ".", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in PAGES:
        english = timings[name, SOURCE_LANGUAGE].median_s
        cells = [name, f"{english:.3f}", *(f"{timings[name, code].median_s:.3f}" for code in others),
                 *(f"{timings[name, code].median_s / english:.2f}" for code in others)]
        if before is not None:
            cells += [f"{before[name].median_s:.3f}", f"{english / before[name].median_s:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    failed = [f"{name} ({code})" for (name, code), timing in timings.items() if not timing.ok]
    lines += ["", "Every run finished without an error." if not failed else f"Runs with an error: {', '.join(failed)}.",
              ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also time English on this revision")
    args = parser.parse_args()
    before = measure_revision(args.before) if args.before else None
    lines = section(measure_languages(), before, args.before)
    print("\n".join(lines))
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    kept = text.split(MARKER)[0].rstrip("\n")
    RESULTS.write_text(kept + "\n\n" + "\n".join(lines))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
