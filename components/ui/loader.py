"""The cached dataset: loaded once per change of the data files, shared by every session.

A reload never serves a cut file. A version of the data (the files' names, sizes and modification
times) is read whole and kept only if no file changed while it was read. A newer version replaces
the one shown only once it is valid and its files have been left alone for SAVE_SETTLE_SECONDS: a
save that pauses between records leaves a valid-looking file on disk for that long. Until then the
pages keep the last valid version, with a notice that says why.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from components.i18n.languages import SOURCE_LANGUAGE
from components.i18n.texts import _, language, ngettext
from components.data.dataset import Dataset, build_dataset, check_dataset
from components.data.dates import format_data_date
from components.data.problems import Problem
from components.settings import INFO_FILE, TABLE_FILES, data_dir
from components.ui.internals import leave_legacy_pages_mode
from components.ui.panels import render_data_problems

# A newer version whose files changed less than this long ago may still be being saved.
SAVE_SETTLE_SECONDS = 2.0
# Reads of a version that changed while it was read, before giving up until the next page view.
READ_ATTEMPTS = 3

Fingerprint = tuple[tuple[str, int, int], ...]


def _fingerprint(directory: Path) -> Fingerprint:
    """Name, size and modification time of every data file: a change reloads the data."""
    files = [INFO_FILE, *TABLE_FILES.values()]
    stats = [(directory / name).stat() if (directory / name).is_file() else None for name in files]
    return tuple((name, s.st_size, s.st_mtime_ns) if s else (name, -1, -1) for name, s in zip(files, stats))


# cache_resource, not cache_data: the dataset is read-only, and copying it on every rerun
# (what cache_data does) would cost more than building the page.
@st.cache_resource(show_spinner=False, max_entries=4)
def _read_version(directory: str, fingerprint: Fingerprint, today: dt.date) -> Dataset | list[Problem] | None:
    """The version of the data the fingerprint names: its dataset or its problems; None when a file
    changed while it was read (what was read may be cut, and is never served). Built in the source
    language whatever the language of the run that first asks: it is shared by every session."""
    with language(SOURCE_LANGUAGE):
        return _read_version_in_source_language(directory, fingerprint, today)


def _read_version_in_source_language(directory: str, fingerprint: Fingerprint,
                                     today: dt.date) -> Dataset | list[Problem] | None:
    checked = check_dataset(Path(directory))
    if _fingerprint(Path(directory)) != fingerprint:
        return None
    if checked.problems or checked.info is None:
        return checked.problems
    dataset = build_dataset(checked.info, checked.models, today)
    freeze_long_lived_objects()
    return dataset


@st.cache_resource
def _last_valid(directory: str) -> dict[str, Dataset]:
    """The last valid dataset served from the directory (under "dataset"), for every session."""
    return {}


def freeze_long_lived_objects() -> None:
    """Take what lives as long as the server (imported modules, the loaded dataset) out of the
    garbage collector's sight.

    After every script run Streamlit forces a full collection (`runner.postScriptGC`), which walks
    every tracked object in the process: with pandas, Plotly and the dataset loaded that took
    100-150 ms per run, more than building the page. Frozen objects are skipped by collections
    (they are still freed by reference counting). A later load (the data changed) unfreezes first
    and collects, so an evicted dataset's cycles are not kept for good.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class ServedData:
    """What the pages show: a dataset (None when no valid version was ever read), the problems of
    the version on disk, and whether that version is held back (the dataset is the last valid one)."""

    dataset: Dataset | None
    problems: list[Problem]
    held_back: bool = False


def _read_steadily(directory: Path) -> tuple[Fingerprint, Dataset | list[Problem] | None]:
    """The version on disk, read again while its files change during the read (None if they kept
    changing), with its fingerprint."""
    for _attempt in range(READ_ATTEMPTS):
        fingerprint = _fingerprint(directory)
        version = _read_version(str(directory), fingerprint, dt.date.today())
        if version is not None:
            break
    return fingerprint, version


def _settled(fingerprint: Fingerprint) -> bool:
    """No file of the version changed in the last SAVE_SETTLE_SECONDS. A file dated further into
    the future (a clock that disagrees) counts as settled, so that it is not held back for good."""
    newest = max(mtime for _, _, mtime in fingerprint) / 1e9
    return abs(time.time() - newest) >= SAVE_SETTLE_SECONDS


def _kept_changing(directory: Path) -> Problem:
    return Problem(str(directory), None, None, None, "files-changing",
                   f"the data files changed while they were read, {READ_ATTEMPTS} times in a row; reload the "
                   "page once they are saved")


def serve_data() -> ServedData:
    """The version on disk if it is valid and settled (or nothing was served before); otherwise the
    last valid version, held back with the problems of the one on disk."""
    directory = data_dir()
    fingerprint, version = _read_steadily(directory)
    last = _last_valid(str(directory))
    if isinstance(version, Dataset) and (version is last.get("dataset") or not last or _settled(fingerprint)):
        last["dataset"] = version
        return ServedData(version, [])
    problems = version if isinstance(version, list) else []
    if last:
        return ServedData(last["dataset"], problems, held_back=True)
    return ServedData(None, problems or [_kept_changing(directory)])


def load_dataset_or_problems() -> Dataset | list[Problem]:
    """The dataset to show, or the problems that keep any dataset from loading."""
    served = serve_data()
    return served.dataset if served.dataset is not None else served.problems


def render_held_back_notice(served: ServedData) -> None:
    """Say that the pages show the last valid version, why the newer one is not shown, and list its
    problems (as text, never Markdown)."""
    updated, count = format_data_date(served.dataset.info.updated), len(served.problems)
    if not served.problems:
        st.warning(_("The data files changed moments ago and may still be being saved, so this page shows the last "
                     "valid version (updated {updated}). Reload in a few seconds to see the newer version.").format(
                         updated=updated), icon=":material/update:")
        return
    st.warning(ngettext("A newer version of the data on disk is incomplete or invalid: it has {count} problem(s), so "
                        "this page shows the last valid version (updated {updated}). Fix them in the files named "
                        "below, then reload; `python -m components.validate` prints the same list.",
                        "A newer version of the data on disk is incomplete or invalid: it has {count} problem(s), so "
                        "this page shows the last valid version (updated {updated}). Fix them in the files named "
                        "below, then reload; `python -m components.validate` prints the same list.",
                        count).format(count=count, updated=updated), icon=":material/warning:")
    with st.expander(_("Problems of the newer version ({count})").format(count=count)):
        st.code("\n".join(str(problem) for problem in served.problems), language=None)


def require_dataset() -> Dataset:
    """The dataset for a page; shows the error panel and stops the page if no valid version was
    ever read, and a notice when a newer version on disk is held back."""
    leave_legacy_pages_mode()
    served = serve_data()
    if served.dataset is None:
        render_data_problems(served.problems)
        st.stop()
    if served.held_back:
        render_held_back_notice(served)
    return served.dataset
