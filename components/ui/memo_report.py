"""The view caches' hit rates, written by the server process itself as it exits (for the benchmarks).

A benchmark cannot read a server's counters across processes; with CA_DASHBOARD_MEMO_STATS_DIR set,
each server writes memo-<pid>.json there when it stops (Ctrl-C, SIGTERM), one entry per cache.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
from pathlib import Path

from components.data.memo import bounded_memo_stats
from components.settings import MEMO_STATS_VARIABLE

_registered = False


def write_memo_stats(folder: Path) -> Path:
    """memo-<pid>.json in `folder`: each cache's hits, misses, evictions, entries, bytes and hit rate."""
    report = {name: {**dataclasses.asdict(stats), "hit_rate": round(stats.hit_rate, 4)}
              for name, stats in bounded_memo_stats().items()}
    path = Path(folder) / f"memo-{os.getpid()}.json"
    path.write_text(json.dumps(report, indent=1, sort_keys=True))
    return path


def report_memo_stats_at_exit(environ: dict[str, str] | None = None) -> bool:
    """Write the report when this process exits, if the variable names a folder (once per process)."""
    global _registered
    folder = (os.environ if environ is None else environ).get(MEMO_STATS_VARIABLE)
    if not folder or _registered:
        return False
    _registered = True
    atexit.register(write_memo_stats, Path(folder))
    return True
