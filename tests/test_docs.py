"""docs/DATA.md is generated from the schema and the data: it must match."""

from __future__ import annotations

from components.data.schema import RECORD_MODELS, DatasetInfo, Document, StatusStep
from components.datadoc import render_data_doc
from components.settings import DEFAULT_DATA_DIR
from tests.conftest import PROJECT


def test_data_doc_is_up_to_date():
    written = (PROJECT / "docs" / "DATA.md").read_text(encoding="utf-8")
    assert written == render_data_doc(DEFAULT_DATA_DIR), (
        "docs/DATA.md is out of date: run `python -m components.datadoc > docs/DATA.md`")


def test_every_field_is_described_and_documented():
    written = (PROJECT / "docs" / "DATA.md").read_text(encoding="utf-8")
    for model in [*RECORD_MODELS.values(), DatasetInfo, Document, StatusStep]:
        for name, prop in model.model_json_schema()["properties"].items():
            assert prop.get("description"), f"{model.__name__}.{name} has no description"
            assert f"| `{name}` |" in written


def test_readme_documents_every_url_parameter():
    from components.url_docs import END, START, render_url_docs

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    written = readme[readme.index(START):readme.index(END) + len(END)]
    assert written == render_url_docs(), "README's link section is out of date: run `python -m components.url_docs`"
