"""Browser tests: a real `streamlit run` on 127.0.0.1 and headless Debian Chromium via Playwright.

Every request to a host other than 127.0.0.1 is blocked and recorded, so a test can assert the
page works with no network. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = PROJECT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]




def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


def start_server(extra_args: list[str] | None = None, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(PROJECT / "dashboard.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               *(extra_args or [])]
    log = open(PROJECT / "test-artifacts" / f"streamlit-{port}.log", "w")
    process = subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    # Under --server.baseUrlPath the health endpoint moves under the prefix too; `base` stays bare.
    args = extra_args or []
    prefix = "/" + args[args.index("--server.baseUrlPath") + 1].strip("/") if "--server.baseUrlPath" in args else ""
    try:
        _wait_healthy(base + prefix, process)
    except RuntimeError:
        process.kill()  # a server that never became healthy is not left running
        raise
    return process, base


@pytest.fixture(scope="session")
def server_url():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it")
    (PROJECT / "test-artifacts").mkdir(exist_ok=True)
    process, base = start_server()
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


class OfflinePage:
    """A page whose requests off 127.0.0.1 are blocked and listed in `blocked`; failed ones in `failed`."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        context.route("**/*", self._route)
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def screenshot(self, name: str, page=None) -> None:
        """Save a full-page screenshot (of this page, or of `page`) under test-artifacts/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (page or self.page).screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield OfflinePage(context)
    context.close()


def wait_for_charts(page, count: int, timeout: float = 45_000) -> None:
    """Wait until `count` Plotly charts have drawn: chart elements holding their plot area (each
    chart has two or three `.main-svg` layers, so counting those would stop early)."""
    page.wait_for_function(
        "count => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(plot => plot.querySelector('.main-svg')).length >= count", arg=count, timeout=timeout)


SHARE_CODE = "[data-testid='stPopoverBody'] [data-testid='stCode'] code"


def open_share_link(page) -> str:
    """Open the Share control and return the link it offers (its first code block)."""
    page.get_by_role("button", name="Share or cite this view").click()
    return page.locator(SHARE_CODE).first.inner_text().strip()
