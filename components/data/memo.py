"""Aggregates of the whole dataset, computed once per loaded dataset instead of on every rerun.

The loaded `Dataset` is immutable and shared by every session (it sits in st.cache_resource),
so anything computed from it alone (the years filter's span, the URL rules, the trade views'
defaults) can be computed once and reused. Results are shared too: treat them as read-only.
A new dataset (the data changed) is a new object with its own results; the old ones go with it.
The same holds for the dataset's tables (the sources index under every chart).
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from components.i18n.texts import current_language

Result = TypeVar("Result")


def once_per_object(function: Callable[..., Result]) -> Callable[..., Result]:
    """Memoise `function(obj, *args)` per object and hashable args.

    The object is told apart by identity and held weakly, so it need not be hashable (a
    DataFrame of the dataset works as well as the Dataset): its results go when it goes."""
    results: dict[int, dict] = {}
    lock = threading.Lock()

    @functools.wraps(function)
    def memoised(obj, *args):
        with lock:
            per_object = results.get(id(obj))
            if per_object is None:
                per_object = results[id(obj)] = {}
                weakref.finalize(obj, results.pop, id(obj), None)  # runs before the id can be reused
        key = (current_language(), args)  # results may hold text in the language they were built in
        if key not in per_object:
            per_object[key] = function(obj, *args)
        return per_object[key]

    memoised.uncached = function
    memoised.cached_objects = lambda: len(results)
    return memoised


@dataclass
class MemoStats:
    """How a bounded memo did since it was made: the benchmarks print these."""

    hits: int = 0
    misses: int = 0
    evictions: int = 0
    entries: int = 0
    bytes: int = 0

    @property
    def hit_rate(self) -> float:
        return self.hits / (self.hits + self.misses) if self.hits + self.misses else 0.0


# Every bounded memo of the process, by the name of the function it memoises (for the benchmarks' report).
BOUNDED_MEMOS: dict[str, Callable[[], MemoStats]] = {}


def bounded_memo_stats() -> dict[str, MemoStats]:
    """How each bounded memo of this process did so far, by function name."""
    return {name: stats() for name, stats in sorted(BOUNDED_MEMOS.items())}


def lru_per_object(*, max_entries: int, max_bytes: int,
                   size_of: Callable[[Result], int]) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Memoise `function(obj, *args)` per object (by identity, held weakly) and hashable args, shared by
    every caller and bounded: the least recently used results go once there are more than `max_entries`
    or their `size_of` adds up to more than `max_bytes`. Results are shared: treat them as read-only."""
    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        entries: OrderedDict[tuple, tuple[Result, int]] = OrderedDict()
        stats = MemoStats()
        lock = threading.Lock()
        watched: set[int] = set()

        def forget_object(object_id: int) -> None:
            with lock:
                watched.discard(object_id)
                for key in [key for key in entries if key[0] == object_id]:
                    stats.bytes -= entries.pop(key)[1]
                stats.entries = len(entries)

        @functools.wraps(function)
        def memoised(obj, *args):
            key = (id(obj), current_language(), args)  # a view is built in the language it is shown in
            with lock:
                if key in entries:
                    entries.move_to_end(key)
                    stats.hits += 1
                    return entries[key][0]
                stats.misses += 1
                if id(obj) not in watched:
                    watched.add(id(obj))
                    weakref.finalize(obj, forget_object, id(obj))  # runs before the id can be reused
            result = function(obj, *args)  # built outside the lock: other views are served meanwhile
            size = size_of(result)
            with lock:
                if key not in entries and size <= max_bytes:
                    entries[key] = (result, size)
                    stats.bytes += size
                    while len(entries) > max_entries or stats.bytes > max_bytes:
                        stats.bytes -= entries.popitem(last=False)[1][1]
                        stats.evictions += 1
                stats.entries = len(entries)
            return result

        memoised.uncached = function
        memoised.stats = lambda: MemoStats(**vars(stats))
        BOUNDED_MEMOS[f"{function.__module__}.{function.__qualname__}"] = memoised.stats
        return memoised
    return decorate
