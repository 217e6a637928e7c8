"""Drive a running `streamlit run` server through its own websocket protocol, without a browser.

A session opens `/_stcore/stream` (subprotocol `streamlit`), sends a BackMsg `rerun_script`
carrying the page and its query string, and reads ForwardMsgs until `script_finished`. What the
run drew comes back as a `PageRun`: its text, its number of Plotly charts, any exception element.
Used by the benchmarks (bench/) and by the load test (tests/test_load.py).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PROJECT = Path(__file__).resolve().parent.parent
_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
_TEXT_FIELDS = {"markdown": "body", "heading": "body", "alert": "body", "text": "body", "code": "code_text",
                "metric": "label", "button": "label", "download_button": "label", "selectbox": "label",
                "multiselect": "label", "text_input": "label", "button_group": "label"}


@dataclass
class PageRun:
    """What one script run sent to the session."""

    page: str
    query_string: str
    seconds: float = 0.0
    texts: list[str] = field(default_factory=list)
    charts: int = 0
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False
    finished: bool = False
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Finished, with no exception element and no 'page not found'."""
        return self.finished and not self.exceptions and not self.page_not_found and self.error is None

    def contains(self, fragment: str) -> bool:
        return any(fragment in text for text in self.texts)


def _read_element(run: PageRun, message: ForwardMsg) -> None:
    if message.HasField("page_not_found"):
        run.page_not_found = True
    if not message.HasField("delta") or not message.delta.HasField("new_element"):
        return
    element = message.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "plotly_chart":
        run.charts += 1
    elif kind in _TEXT_FIELDS:
        run.texts.append(getattr(getattr(element, kind), _TEXT_FIELDS[kind]))


class StreamlitSession:
    """One browser-less session: `async with StreamlitSession(url) as s: run = await s.run_page(...)`."""

    def __init__(self, base_url: str, timeout: float = 120):
        self.url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.timeout = timeout
        self.socket = None

    async def __aenter__(self) -> StreamlitSession:
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                                               open_timeout=self.timeout, ping_interval=None)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def run_page(self, page: str = "", query_string: str = "") -> PageRun:
        """Run a page ("" is the default page, else its url_path) with a query string (no '?')."""
        run = PageRun(page, query_string)
        message = BackMsg()
        message.rerun_script.query_string = query_string
        message.rerun_script.page_name = page
        started = time.perf_counter()
        try:  # a socket the server closed while the session was idle fails on send: the caller reconnects
            await self.socket.send(message.SerializeToString())
            await asyncio.wait_for(self._read_until_finished(run), self.timeout)
        except (asyncio.TimeoutError, websockets.ConnectionClosed) as error:
            run.error = repr(error)
        run.seconds = time.perf_counter() - started
        return run

    async def _read_until_finished(self, run: PageRun) -> None:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            if message.HasField("new_session"):  # a new script run starts (again, after st.rerun)
                run.texts.clear(), run.exceptions.clear()
                run.charts = 0
            _read_element(run, message)
            if message.HasField("script_finished") and message.script_finished != _EARLY:
                run.finished = True
                return


async def run_pages(base_url: str, visits: list[tuple[str, str]]) -> list[PageRun]:
    """One session running the given (page, query string) visits one after the other."""
    async with StreamlitSession(base_url) as session:
        return [await session.run_page(page, query) for page, query in visits]


# --- a server to drive -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class StreamlitServer:
    """`streamlit run <script>` on 127.0.0.1 in a child process: `with StreamlitServer(...) as s: s.url`."""

    def __init__(self, script: str | Path = "dashboard.py", env: dict | None = None, log: Path | None = None,
                 cwd: Path | None = None):
        self.script, self.env, self.log_path = Path(script), env or {}, log
        self.cwd = cwd or PROJECT  # another checkout of the project (a revision to compare with)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> StreamlitServer:
        script = self.script if self.script.is_absolute() else PROJECT / self.script
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "127.0.0.1",
                   "--server.port", str(self.port), "--server.headless", "true",
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(command, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT,
                                        env={**os.environ, **self.env})
        self._wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit did not become healthy in time")

    def memory_mb(self) -> tuple[float, float]:
        """The server's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
        fields = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
        return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)
