"""Bad data never shows a traceback: every broken fixture (and a file of tens of megabytes) gives
the error panel with its positioned problems on every page, through AppTest and through a real
`streamlit run` that stays up across all of them and recovers when the data is fixed."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

import pytest

from bench.streamlit_client import StreamlitServer, run_pages
from components.data.dataset import check_dataset
from components.links.pages import PAGES as REGISTERED_PAGES
from components.settings import DATA_DIR_VARIABLE
from tests.apptest_helpers import open_page
from tests.conftest import BROKEN, VALID, build_data_dir, run_async

PAGES = [None if not page.url_path else page.file for page in REGISTERED_PAGES]  # None: the default page
URL_PATHS = [page.url_path for page in REGISTERED_PAGES]
TOO_LARGE = "too-large"  # generated in the test, never stored: a places.yaml of about 30 MB
CASES = sorted(path.name for path in BROKEN.iterdir()) + [TOO_LARGE]


def _lay_out(target: Path, case: str) -> Path:
    """The valid fixture with one broken case laid over it (or the generated giant file)."""
    if case != TOO_LARGE:
        return build_data_dir(target, case)
    build_data_dir(target)
    record = (VALID / "places.yaml").read_text(encoding="utf-8")
    with open(target / "places.yaml", "w", encoding="utf-8") as giant:
        for _ in range(30_000_000 // len(record) + 1):
            giant.write(record)
    return target


def test_a_file_of_tens_of_megabytes_is_refused_with_its_size(tmp_path):
    data_dir = _lay_out(tmp_path / "data", TOO_LARGE)
    assert (data_dir / "places.yaml").stat().st_size > 30_000_000
    [problem] = check_dataset(data_dir).problems
    assert (problem.file, problem.code) == ("data/places.yaml", "file-too-large")
    assert "may be at most 5,000,000 bytes" in problem.message


@pytest.mark.parametrize("case", CASES)
def test_each_broken_case_shows_the_error_panel_on_a_page(tmp_path, use_data_dir, case):
    data_dir = use_data_dir(_lay_out(tmp_path / "data", case))
    problems = check_dataset(data_dir).problems
    page = PAGES[CASES.index(case) % len(PAGES)]  # the cases rotate over the pages: each page gets some
    app = open_page(page)
    assert not app.exception
    assert app.error[0].value.startswith(f"The dashboard's data has {len(problems)} problem(s)")
    assert app.code[-1].value == "\n".join(str(problem) for problem in problems)
    table = app.dataframe[-1].value
    assert list(table["code"]) == [problem.code for problem in problems]
    assert not app.get("plotly_chart") and not app.metric


@pytest.mark.parametrize("page", PAGES[1:])
def test_every_page_shows_the_error_panel_and_not_its_content(tmp_path, use_data_dir, page):
    use_data_dir(_lay_out(tmp_path / "data", "yaml-syntax"))
    app = open_page(page, meeting="cm-2024-astana", years="2018-2024")
    assert not app.exception
    assert "data/meetings.yaml:11 record `cm-2024-astana`" in app.code[-1].value
    assert not app.get("plotly_chart")


def test_a_running_server_stays_up_through_every_broken_case_and_recovers(tmp_path):
    data_dir = build_data_dir(tmp_path / "data")
    with StreamlitServer("dashboard.py", env={DATA_DIR_VARIABLE: str(data_dir)}) as server:
        for case in CASES:
            for path in data_dir.iterdir():
                path.unlink()
            _lay_out(data_dir, case)
            first = str(check_dataset(data_dir).problems[0])
            runs = run_async(run_pages(server.url, [(path, "") for path in URL_PATHS]))
            assert [(run.finished, run.exceptions, run.error) for run in runs] == [(True, [], None)] * len(URL_PATHS), case
            assert all(run.contains(first) for run in runs), case
            assert all(run.charts == 0 for run in runs), case
        with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as response:
            assert response.status == 200
        shutil.rmtree(data_dir)
        build_data_dir(data_dir)
        [overview, trade] = run_async(run_pages(server.url, [("", ""), ("trade", "")]))
        assert overview.ok and not any("problem(s)" in text for text in overview.texts)
        assert trade.ok and trade.charts >= 1
