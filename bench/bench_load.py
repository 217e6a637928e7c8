"""Benchmark: load and validate the shipped data, and generated data 10x and 100x its size.

Run: `python -m bench.bench_load`. Prints figures; asserts nothing. The shipped data is the
baseline measured in the same run, so compare the ratios, not the absolute times.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import generate_scaled_data
from components.dataset import load_dataset
from components.settings import DEFAULT_DATA_DIR, MAX_FILE_BYTES


def _median_seconds(data_dir: Path, repeats: int) -> tuple[float, int]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        dataset = load_dataset(data_dir)
        times.append(time.perf_counter() - started)
    return statistics.median(times), sum(dataset.counts().values())


def main() -> None:
    import components.dataset as dataset_module

    dataset_module.MAX_FILE_BYTES = max(MAX_FILE_BYTES, 10**9)  # generated files may exceed the guard
    baseline, base_records = _median_seconds(DEFAULT_DATA_DIR, repeats=7)
    print(f"{'data':<10} {'records':>8} {'median s':>9} {'x baseline':>10} {'s per 1k records':>17}")
    print(f"{'shipped':<10} {base_records:>8} {baseline:>9.3f} {1.0:>10.1f} {baseline / base_records * 1000:>17.4f}")
    with tempfile.TemporaryDirectory() as folder:
        for factor, repeats in ((10, 3), (100, 1)):
            scaled = generate_scaled_data(DEFAULT_DATA_DIR, Path(folder) / f"x{factor}", factor)
            seconds, records = _median_seconds(scaled, repeats)
            print(f"{f'{factor}x':<10} {records:>8} {seconds:>9.3f} {seconds / baseline:>10.1f} "
                  f"{seconds / records * 1000:>17.4f}")


if __name__ == "__main__":
    main()
