"""Where a page's script run spends its time: cProfile of one warm AppTest run of the page.

AppTest runs the script in its own thread, so the profiler is switched on from inside that
thread (threading.setprofile hook). The report lists the dashboard's own functions (components/,
pages/, dashboard.py) by cumulative time, and the library calls that cost the most own time.
Run alone: `python -m bench.profile_pages [PAGE ...]` (pages as in bench_server.PAGES).
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import threading
from pathlib import Path

from components.settings import DATA_DIR_VARIABLE

PROJECT = Path(__file__).resolve().parent.parent
PAGE_FILES = {"overview": None, "trade": "pages/trade.py", "meetings": "pages/meetings.py",
              "formats": "pages/formats.py", "initiatives": "pages/initiatives.py", "sources": "pages/sources.py"}


def _profiled_run(app) -> cProfile.Profile:
    profiler = cProfile.Profile()

    def switch_on(frame, event, arg):  # first event in the script thread: profile it from here on
        threading.setprofile(None)
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(switch_on)
    try:
        app.run()
    finally:
        threading.setprofile(None)
        profiler.disable()
    return profiler


def profile_table(profiler: cProfile.Profile, restrictions: tuple, sort: str, top: int) -> list[str]:
    """The profile's table (header and rows), paths shortened to <venv>/ and the project's own."""
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats(*restrictions, top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(index for index, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return [line.replace(str(Path(sys.prefix)), "<venv>").replace(str(PROJECT) + "/", "") for line in lines[start:]]


def profile_page(page: str, data_dir: Path | None = None, top: int = 12) -> str:
    """The profile of one warm run of `page` (on `data_dir`, or the shipped data)."""
    from streamlit.testing.v1 import AppTest

    import components.data.dataset as dataset_module

    previous, guard = os.environ.get(DATA_DIR_VARIABLE), dataset_module.MAX_FILE_BYTES
    if data_dir is not None:
        os.environ[DATA_DIR_VARIABLE] = str(data_dir)
        dataset_module.MAX_FILE_BYTES = max(guard, 10**9)  # generated files exceed the guard
    try:
        app = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=600).run()
        if PAGE_FILES[page]:
            app.switch_page(PAGE_FILES[page]).run()
        app.run()  # warm: data loaded, caches filled
        profiler = _profiled_run(app)
        if app.error:
            raise RuntimeError(f"{page} showed an error instead of the page: {app.error[0].value}")
    finally:
        dataset_module.MAX_FILE_BYTES = guard
        if previous is None:
            os.environ.pop(DATA_DIR_VARIABLE, None)
        else:
            os.environ[DATA_DIR_VARIABLE] = previous
    total = pstats.Stats(profiler).total_tt
    own = profile_table(profiler, (r"main/(components|pages)/|dashboard\.py",), "cumulative", top)
    library = profile_table(profiler, (), "tottime", top // 2)
    return "\n".join([f"{page}: one warm run, {total:.3f} s under the profiler (which slows it about 2-3x)",
                      "the dashboard's functions by cumulative time:", *own, "",
                      "the most own time overall:", *library])


def main() -> None:
    for page in sys.argv[1:] or list(PAGE_FILES):
        print(profile_page(page), end="\n\n")


if __name__ == "__main__":
    main()
