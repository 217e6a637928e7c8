"""Shared test fixtures: data directories built from the valid fixture and its broken twins."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
import streamlit as st

from components.settings import DATA_DIR_VARIABLE

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_streamlit_cache():
    """st.cache_* persists across AppTest runs in one process: start every test clean."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield


def build_data_dir(target: Path, broken_case: str | None = None) -> Path:
    """A copy of the valid fixture, with the files of one broken case laid over it."""
    target.mkdir(parents=True, exist_ok=True)
    for path in VALID.iterdir():
        shutil.copy(path, target / path.name)
    if broken_case:
        for path in (BROKEN / broken_case).iterdir():
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def valid_dir(tmp_path: Path) -> Path:
    return build_data_dir(tmp_path / "data")


@pytest.fixture
def use_data_dir(monkeypatch):
    """Point the app at a data directory: use_data_dir(path)."""
    def point(path: Path) -> Path:
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(path))
        return path
    return point


def run_async(coroutine):
    """Run a coroutine to its end from a test, in a thread of its own: the browser tests' Playwright
    keeps an event loop running on the main thread, where asyncio.run() would refuse to start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
