"""Paths and constants in one place. Tests point the data directory elsewhere with
the environment variable CA_DASHBOARD_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

from components.i18n.texts import N_

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
DATA_DIR_VARIABLE = "CA_DASHBOARD_DATA_DIR"

# When set to a folder, each server process writes there, as it exits, how its shared view caches did
# (memo-<pid>.json: hits, misses, evictions per cache); the burst benchmark reads them.
MEMO_STATS_VARIABLE = "CA_DASHBOARD_MEMO_STATS_DIR"

DASHBOARD_TITLE = N_("Central Asia Cooperation Dashboard")  # shown translated: _(DASHBOARD_TITLE)
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
# The format whose meetings the overview calls out (an id in data/formats.yaml).
SUMMIT_FORMAT = "consultative-meeting"

# Each table is one file in the data directory, in the order they are validated.
TABLE_FILES: dict[str, str] = {
    "publishers": "publishers.yaml",
    "sources": "sources.yaml",
    "countries": "countries.yaml",
    "places": "places.yaml",
    "formats": "formats.yaml",
    "meetings": "meetings.yaml",
    "initiatives": "initiatives.yaml",
    "trade": "trade.yaml",
    "trade_series": "trade_series.yaml",
}
# The statistical tables the trade series are imported from (python -m components.import_imf_dots).
RAW_DATA_DIR = DEFAULT_DATA_DIR / "raw"
INFO_FILE = "dataset.yaml"
# Guard against giant files; CA_DASHBOARD_MAX_FILE_BYTES raises it (the benchmarks' 100x data).
MAX_FILE_BYTES = int(os.environ.get("CA_DASHBOARD_MAX_FILE_BYTES", "5000000"))
MAX_FILE_BYTES_VARIABLE = "CA_DASHBOARD_MAX_FILE_BYTES"


def data_dir() -> Path:
    """The data directory in use: $CA_DASHBOARD_DATA_DIR or the bundled data/."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    return Path(configured) if configured else DEFAULT_DATA_DIR
