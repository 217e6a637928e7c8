"""The production stack (deploy/serve): two replicas behind HAProxy on loopback, opened in Chromium.

Every page draws its charts through the proxy; scripts arrive compressed and cached; Streamlit's
internals and over-long paths are refused; a CSV download reaches the browser (the sticky cookie
keeps it on the replica that holds the file); after the replica a browser is on is killed, a fresh
visit and the next action of the open page both work. Skipped where haproxy is not installed
(.ci/run installs it).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from components.links.pages import PAGES
from deploy import settings
from deploy.stack import PROJECT, Stack, StackConfig, wait_healthy
from tests.browser.conftest import wait_for_charts

CHARTS = {"": 1, "trade": 1, "meetings": 2, "formats": 1, "initiatives": 1, "sources": 0}
MEETING_SEARCH = "Search titles, outcomes, people and places (aliases such as Nur-Sultan work too)"

pytestmark = pytest.mark.skipif(shutil.which("haproxy") is None,
                                reason="haproxy is not installed (apt-get install haproxy); .ci/run installs it")


def _free_ports(count: int) -> int:
    """The first of `count` consecutive free ports on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count < 65535 and all(_is_free(first + offset) for offset in range(count)):
            return first
    raise RuntimeError("no free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    config = StackConfig(replicas=2, port=_free_ports(1), first_replica_port=_free_ports(2))
    running = Stack(config, tmp_path_factory.mktemp("stack"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _base(stack: Stack) -> str:
    return f"http://127.0.0.1:{stack.config.port}"


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("page_spec", PAGES, ids=[page.url_path or "overview" for page in PAGES])
def test_every_page_draws_through_the_stack(stack, offline_page, page_spec):
    page = offline_page.page
    page.goto(f"{_base(stack)}/{page_spec.url_path}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=page_spec.heading).first.wait_for(timeout=45_000)
    wait_for_charts(page, CHARTS[page_spec.url_path])
    assert not [text for text in offline_page.console_errors if "Content Security Policy" in text]
    assert not offline_page.blocked


def test_scripts_arrive_compressed_cached_and_under_the_security_headers(stack):
    status, headers, body = _get(_base(stack) + "/")
    assert status == 200
    assert headers["Content-Security-Policy"] == settings.content_security_policy()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    script = next(part.split('"')[0] for part in body.decode().split('src="./')[1:] if part.startswith("static/js/"))
    plain_status, plain_headers, plain = _get(f"{_base(stack)}/{script}")
    status, headers, packed = _get(f"{_base(stack)}/{script}", **{"Accept-Encoding": "gzip"})
    assert plain_status == status == 200
    assert headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain_headers
    assert len(packed) < len(plain) / 2
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]


def test_internals_and_overlong_addresses_are_refused(stack):
    assert _get(_base(stack) + "/_stcore/metrics")[0] == 404
    assert _get(_base(stack) + "/_stcore/upload_file/x/y")[0] == 404
    assert _get(_base(stack) + "/_stcore/health")[0] == 200
    assert _get(_base(stack) + "/" + "a" * (settings.MAX_PATH_BYTES + 1))[0] == 414
    assert _get(_base(stack) + "/meetings?q=" + "a" * settings.MAX_URL_BYTES)[0] == 414


def test_a_csv_download_works_through_the_proxy(stack, offline_page):
    page = offline_page.page
    page.goto(f"{_base(stack)}/meetings?formats=consultative-meeting", wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    with page.expect_download() as download:
        page.get_by_role("button", name="Meetings shown (CSV)").click()
    from components.data.dataset import load_dataset
    from components.settings import DEFAULT_DATA_DIR

    meetings = load_dataset(DEFAULT_DATA_DIR).meetings
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert sorted(row["id"] for row in rows) == sorted(meetings.loc[meetings["format"] == "consultative-meeting", "id"])
    assert settings.STICKY_COOKIE in {cookie["name"] for cookie in offline_page.context.cookies()}


def _replica_of(context, stack: Stack) -> int:
    value = next(cookie["value"] for cookie in context.cookies() if cookie["name"] == settings.STICKY_COOKIE)
    return stack.config.replica_ports[int(value.removeprefix("r")) - 1]


def test_a_killed_replica_costs_a_reconnect_and_the_open_page_keeps_its_view(stack, offline_page, browser):
    """The page reconnects to the other replica and keeps its view (the address holds it); the first
    action after the reconnect, which reaches a server session that has drawn no widget yet, is kept."""
    page = offline_page.page
    page.goto(f"{_base(stack)}/meetings?level=heads-of-state", wait_until="domcontentloaded")
    wait_for_charts(page, 2)
    port = _replica_of(offline_page.context, stack)
    stack.replicas[port].kill()
    stack.replicas[port].wait(timeout=10)
    try:
        box = page.get_by_role("textbox", name=MEETING_SEARCH)
        page.wait_for_timeout(3000)
        box.fill("Tashkent")  # the first action after the replica died
        box.press("Enter")
        page.wait_for_function("() => location.search.includes('q=Tashkent')", timeout=45_000)
        page.get_by_text("meeting(s) match").first.wait_for(timeout=45_000)
        assert "level=heads-of-state" in page.url
        wait_for_charts(page, 2)
        assert _replica_of(offline_page.context, stack) != port
        fresh = browser.new_context()  # a fresh visit is served by the replica that is left
        try:
            other = fresh.new_page()
            other.goto(f"{_base(stack)}/trade", wait_until="domcontentloaded")
            wait_for_charts(other, 1)
        finally:
            fresh.close()
    finally:
        stack.start_replica(port)
        wait_healthy(f"http://127.0.0.1:{port}", timeout=60, process=stack.replicas[port])


def test_serve_starts_the_stack_and_stops_everything_on_sigterm(tmp_path):
    port = _free_ports(1)
    first = next(candidate for candidate in iter(lambda: _free_ports(1), None) if candidate != port)
    environment = {**os.environ, "REPLICAS": "1", "PORT": str(port), "REPLICA_PORT": str(first),
                   "STACK_LOG_DIR": str(tmp_path), "PYTHON": sys.executable}
    process = subprocess.Popen([str(PROJECT / "deploy" / "serve")], env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", timeout=90, process=process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (_listening(port) or _listening(first)):
        time.sleep(0.2)
    assert not _listening(port) and not _listening(first), "a process of the stack is still listening"
    assert (Path(tmp_path) / "haproxy.cfg").is_file()


def test_a_client_opening_websockets_in_a_loop_is_refused_for_a_while(stack):
    """Runs last: it uses up this address's allowance for the next 10 s."""
    statuses = [_get(_base(stack) + "/_stcore/stream")[0] for _ in range(settings.STREAM_OPENS_PER_10S + 5)]
    assert 429 not in statuses[:settings.STREAM_OPENS_PER_10S - 5]
    assert statuses[-1] == 429
    assert _get(_base(stack) + "/_stcore/health")[0] == 200  # the rest of the site is not affected
