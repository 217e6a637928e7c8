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
from typing import Callable, TypeVar

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
        if args not in per_object:
            per_object[args] = function(obj, *args)
        return per_object[args]

    memoised.uncached = function
    memoised.cached_objects = lambda: len(results)
    return memoised
