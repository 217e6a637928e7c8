"""Property-based: arbitrary query strings never break a page.

Every page of the dashboard is opened through AppTest with query strings made of its own
parameter names, the shared ones and unknown names, holding valid codes, garbage, HTML and very
long text. Whatever arrives: no exception, the page's title is shown, and every value that was
not used is named in the notice.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.i18n.texts import _ as gettext
from components.i18n.texts import language
from components.data.dataset import load_dataset
from components.links.pages import PAGE_AT
from components.links.params import build_param_rules, sanitize_params
from components.settings import DEFAULT_DATA_DIR
from tests.apptest_helpers import notices, open_page

PAGES = {url_path: (page.file, page.heading) for url_path, page in PAGE_AT.items()}
DATASET = load_dataset(DEFAULT_DATA_DIR)
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "%00", "\u202e",
           "' OR 1=1 --", "x" * 3000, "", " ", "2018", "9999", "-1", "KAZ–UZB", "Kazakhstan", "nan"]


def _values_for(rules, name: str) -> st.SearchStrategy[list[str]]:
    rule = rules.get(name)
    valid = sorted(rule.allowed) if rule is not None and rule.allowed else []
    one_value = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60),
                          *([st.sampled_from(valid)] if valid else []))
    return st.lists(one_value, min_size=1, max_size=3)


def _query_strings(url_path: str) -> st.SearchStrategy[dict[str, list[str]]]:
    rules = build_param_rules(DATASET, url_path)
    names = st.one_of(st.sampled_from(sorted(rules) + ["v", "zz", "meeting", "tab"]),
                      st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
    return st.lists(names, min_size=1, max_size=4, unique=True).flatmap(
        lambda keys: st.fixed_dictionaries({key: _values_for(rules, key) for key in keys}))


@pytest.mark.parametrize("url_path", list(PAGES))
def test_arbitrary_query_strings_never_break_a_page(url_path):
    page, title = PAGES[url_path]
    rules = build_param_rules(DATASET, url_path)

    @settings(max_examples=10, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(query=_query_strings(url_path))
    def check(query):
        app = open_page(None if url_path == "" else page, **query)
        assert not app.exception, (query, [e.message for e in app.exception])
        clean, ignored = sanitize_params(query, rules)
        with language((clean.get("lang") or ["en"])[-1]):  # the page speaks the link's language, if valid
            assert gettext(title) in [t.value for t in app.title]
            ignored_words = gettext("Part of the link was ignored: {items}. The rest of the view opened as shared.")
        if ignored:
            notice = notices(app)[0]
            assert notice.startswith(":material/link_off: " + ignored_words.split(":")[0])
            assert all(item.split("=")[0] in notice for item in ignored)
        else:
            assert not any("ignored" in note for note in notices(app))

    check()
