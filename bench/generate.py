"""Generate a larger data directory for benchmarks: every record copied N times.

Copies get ids with a `-rK` suffix and keep pointing at the original records, so the result
is valid. Generated in the run into a temporary folder; never written to data/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from components.data.yaml_reader import read_records
from components.settings import INFO_FILE, TABLE_FILES


class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter: ~10x faster
    """Writes repeated values out instead of as anchors (data files refuse anchors)."""

    def ignore_aliases(self, data) -> bool:
        return True


# Countries keep their codes (the schema allows only 2-4 capitals): they are not copied.
_NOT_COPIED = {"countries"}


def _copies(records: list[dict], factor: int) -> list[dict]:
    out = list(records)
    for copy in range(1, factor):
        out += [{**record, "id": f"{record['id']}-r{copy}"} for record in records]
    return out


def generate_scaled_data(source_dir: Path, target_dir: Path, factor: int) -> Path:
    """Write a copy of source_dir into target_dir with every table (but countries) `factor` times as long."""
    target_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(source_dir / INFO_FILE, target_dir / INFO_FILE)
    for table, file_name in TABLE_FILES.items():
        records = [record.data for record in read_records(source_dir / file_name, file_name,
                                                           max_bytes=10**9)[0]]
        scaled = records if table in _NOT_COPIED else _copies(records, factor)
        with open(target_dir / file_name, "w", encoding="utf-8") as handle:
            yaml.dump(scaled, handle, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)
    return target_dir
