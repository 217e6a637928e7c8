"""Aggregates of the whole dataset, computed once per loaded dataset instead of on every rerun.

The loaded `Dataset` is immutable and shared by every session (it sits in st.cache_resource),
so anything computed from it alone (the years filter's span, the URL rules, the trade views'
defaults) can be computed once and reused. Results are shared too: treat them as read-only.
A new dataset (the data changed) is a new object with its own results; the old ones go with it.
"""

from __future__ import annotations

import functools
import threading
import weakref
from typing import Callable, TypeVar

Result = TypeVar("Result")


def once_per_dataset(function: Callable[..., Result]) -> Callable[..., Result]:
    """Memoise `function(dataset, *args)` per dataset object and hashable args."""
    results: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    lock = threading.Lock()

    @functools.wraps(function)
    def memoised(dataset, *args):
        with lock:
            per_dataset = results.setdefault(dataset, {})
        if args not in per_dataset:
            per_dataset[args] = function(dataset, *args)
        return per_dataset[args]

    memoised.uncached = function
    memoised.cached_datasets = lambda: len(results)
    return memoised
