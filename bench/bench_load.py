"""Benchmark: load and validate the shipped data, and generated data 10x and 100x its size.

Run: `python -m bench.bench_load`. Prints figures; asserts nothing. The shipped data is the
baseline measured in the same run, so compare the ratios, not the absolute times.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.generate import generate_scaled_data
from components.data.dataset import load_dataset
from components.data.yaml_reader import cyclic_gc_paused
from components.settings import DEFAULT_DATA_DIR, INFO_FILE, MAX_FILE_BYTES, TABLE_FILES


@dataclass(frozen=True)
class LoadTiming:
    label: str
    records: int
    median_s: float
    repeats: int


def _median_seconds(data_dir: Path, repeats: int) -> tuple[float, int]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        dataset = load_dataset(data_dir)
        times.append(time.perf_counter() - started)
    return statistics.median(times), sum(dataset.counts().values())


def generate(folder: Path, factors: tuple[int, ...] = (10, 100)) -> dict[int, Path]:
    """Scaled copies of the shipped data in `folder` (a temporary folder, never data/)."""
    return {factor: generate_scaled_data(DEFAULT_DATA_DIR, folder / f"x{factor}", factor) for factor in factors}


def measure(scaled: dict[int, Path]) -> list[LoadTiming]:
    import components.data.dataset as dataset_module

    dataset_module.MAX_FILE_BYTES = max(MAX_FILE_BYTES, 10**9)  # generated files exceed the guard
    seconds, records = _median_seconds(DEFAULT_DATA_DIR, repeats=7)
    rows = [LoadTiming("shipped", records, seconds, 7)]
    for factor, directory in sorted(scaled.items()):
        repeats = 3 if factor <= 10 else 1
        seconds, records = _median_seconds(directory, repeats)
        rows.append(LoadTiming(f"{factor}x", records, seconds, repeats))
    return rows


def measure_parse_floor(data_dir: Path) -> float:
    """Seconds libyaml (PyYAML's C parser) takes only to parse the data files into events: no
    nodes, no values, no validation. The least any reader built on PyYAML can spend."""
    texts = [(data_dir / name).read_text(encoding="utf-8") for name in (INFO_FILE, *TABLE_FILES.values())]
    with cyclic_gc_paused():
        started = time.perf_counter()
        for text in texts:
            for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
                pass
        return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        scaled = generate(Path(folder))
        rows = measure(scaled)
        floor = measure_parse_floor(scaled[100])
    baseline = rows[0].median_s
    print(f"{'data':<10} {'records':>8} {'median s':>9} {'x shipped':>10} {'ms per record':>14}")
    for row in rows:
        print(f"{row.label:<10} {row.records:>8} {row.median_s:>9.3f} {row.median_s / baseline:>10.1f} "
              f"{row.median_s / row.records * 1000:>14.4f}")
    print(f"libyaml parse alone, 100x: {floor:.2f} s")


if __name__ == "__main__":
    main()


def measure_importer() -> tuple[float, int]:
    """Seconds `python -m components.import_imf_dots` spends reading the IMF workbooks and writing the
    series (without writing the file), and how many series it makes."""
    from components.import_imf_dots import render_trade_series

    started = time.perf_counter()
    text = render_trade_series()
    return time.perf_counter() - started, text.count("\n- id:")
