"""The data version `v` is a date of at most 10 characters; the ignored notice shortens names like
values and names at most a few items, then says how many more."""

from __future__ import annotations

import pytest

from components.data.dataset import load_dataset
from components.links.params import MAX_IGNORED_NAMED, build_param_rules, name_ignored, sanitize_params
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import notices, open_page, share_link


@pytest.fixture(scope="module")
def rules():
    return build_param_rules(load_dataset(DEFAULT_DATA_DIR), "trade")


@pytest.mark.parametrize("version", ["2026-11-25", "2026-11", "2026"])
def test_a_date_is_a_data_version(rules, version):
    assert sanitize_params({"v": [version]}, rules) == ({"v": [version]}, [])


@pytest.mark.parametrize("version, quoted", [
    ("x" * 100_000, "v=" + "x" * 37 + "…"),
    ("www.evil.example", "v=www.evil.example"),
    ("2026-11-25-and-more", "v=2026-11-25-and-more"),
    ("26-11-25", "v=26-11-25"),
    ("", "v="),
], ids=["100-kB", "a-host", "date-and-more", "two-digit-year", "empty"])
def test_anything_else_is_ignored(rules, version, quoted):
    assert sanitize_params({"v": [version]}, rules) == ({}, [quoted])


def test_names_are_shortened_like_values(rules):
    name = "a whole sentence carried into the notice by the name of a parameter"
    _, ignored = sanitize_params({name: ["1"]}, rules)
    assert ignored == [name[:37] + "…=1"]


def test_the_notice_names_the_first_items_and_counts_the_rest():
    items = [f"n{index}=x" for index in range(25)]
    assert name_ignored(items) == (items[:MAX_IGNORED_NAMED], 25 - MAX_IGNORED_NAMED)
    assert name_ignored(items[:3]) == (items[:3], 0)


def test_a_long_data_version_is_ignored_with_the_notice_and_leaves_the_link():
    app = open_page("pages/trade.py", v="x" * 100_000)
    assert not app.exception
    assert notices(app) == [":material/link_off: Part of the link was ignored: v=" + "x" * 37
                            + "…. The rest of the view opened as shared."]
    assert "v" not in app.query_params
    assert "x" * 11 not in share_link(app)


def test_many_long_names_give_a_short_notice_that_counts_them():
    names = [f"{index:03d}" + "a long name that carries a sentence into the notice " * 7 for index in range(999)]
    app = open_page("pages/meetings.py", **{name: "1" for name in names})
    assert not app.exception
    [notice] = notices(app)
    assert len(notice) < 1000
    assert notice.endswith(f" and {999 - MAX_IGNORED_NAMED} more. The rest of the view opened as shared.")
    assert names[0][:37] + "…=1" in notice and names[MAX_IGNORED_NAMED][:10] not in notice
