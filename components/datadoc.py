"""Generate docs/DATA.md from the schema: `python -m components.datadoc > docs/DATA.md`.

A test compares the file with this output, so the documentation cannot drift from the models.
"""

from __future__ import annotations

import json
import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from components.data.schema import RECORD_MODELS, DatasetInfo, Document, StatusStep
from components.data.yaml_reader import read_mapping, read_records
from components.settings import DEFAULT_DATA_DIR, INFO_FILE, MAX_FILE_BYTES, TABLE_FILES

INTRO = """# The data: files, fields and provenance rules

Generated from `components/data/schema.py` by `python -m components.datadoc > docs/DATA.md`;
`tests/test_docs.py` fails when the two disagree. Edit the models, then regenerate.

## Rules
- Every value comes from a public source, and every record cites at least one source by id
  (`sources:`); the source records say who published what, when, at which address.
- What is not known is left out (`null` or the field omitted), never guessed. Dates are as
  precise as the source: `2024-08-09`, `2016-12` or `2026`.
- A record cites the pages that state its facts, not every page gathered on its subject; a
  meeting cites at most five. Where no page about a meeting itself was found, it cites the best
  pages about its format and says so (`no_page_about_meeting: true`).
- A source's title and date are as the page gives them. `page_read: false` marks a page that
  could not be found: its title and date stay `null` (the dashboard says "not read"), never a
  made-up title. `accessed` is the day the page, or its stored copy, was last consulted.
- Every source names its publisher by id (`publishers.yaml`): one record per outlet with its
  web domains and its kind; each domain belongs to one publisher. Whom a page cites for its
  facts ("the Kazakh MFA") goes in the source's `citing`, not in the publisher's name.
- Addresses are pages: date archives (`/2025/10/10/`), addresses cut off after an article
  number (`/291156_`) and stray trailing characters are problems of their own.
- A meeting still `scheduled` after its date is shown as "date passed, no report of it
  recorded"; `python -m components.validate` lists such meetings under "To update".
- Trade figures are observations: one record per figure per reporter. Figures from different
  reporters are never added together; where the two sides of a pair disagree, both records stay.
- Where sources disagree, or confidence is low, `notes` says so and `confidence` says how sure.
- Source ids are derived from the URL: `python -m components.source_ids URL` prints the id.
- Check your change with `python -m components.validate`: it lists every problem with its
  file, line, record, field and a stable code, or prints the record counts.

Each file is a YAML list of records; unknown keys are errors. Anchors and aliases are not
allowed; dates are written unquoted.
"""


def _schema_type(prop: dict, defs: dict) -> str:
    """Readable type from a JSON-schema property: 'text or null', 'one of: a, b', 'list of text'."""
    if "anyOf" in prop:
        return " or ".join(_schema_type(option, defs) for option in prop["anyOf"])
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop or "const" in prop:
        return "one of: " + ", ".join(f"`{value}`" for value in prop.get("enum", [prop.get("const")]))
    if prop.get("type") == "array":
        return "list of " + _schema_type(prop.get("items", {}), defs)
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false",
             "null": "null", "object": "mapping"}
    return names.get(prop.get("type", ""), prop.get("type", "any"))


def _schema_constraints(prop: dict) -> str:
    found = []
    for option in [prop, *prop.get("anyOf", []), prop.get("items", {})]:
        for key, label in (("pattern", "pattern"), ("minimum", "at least"), ("maximum", "at most"),
                           ("minLength", "min length"), ("maxLength", "max length"), ("minItems", "min items")):
            if key in option:
                found.append(f"{label} `{option[key]}`")
    return "; ".join(dict.fromkeys(found))


def _example_cell(value: typing.Any) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False)
    return "`" + (text if len(text) <= 80 else text[:77] + "…") + "`"


def _model_section(title: str, model: type[BaseModel], example: dict | None) -> list[str]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    defs = schema.get("$defs", {})
    lines = [f"## {title}", "", (model.__doc__ or "").strip(), "",
             "| field | type | required | description | constraints | example |", "|---|---|---|---|---|---|"]
    for name, prop in schema["properties"].items():
        cells = [f"`{name}`", _schema_type(prop, defs), "yes" if name in required else "no",
                 prop.get("description", ""), _schema_constraints(prop),
                 _example_cell((example or {}).get(name))]
        lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    return lines + [""]


# The record of each file whose values serve as the examples (real, sourced values).
EXAMPLE_IDS = {
    "publishers": "kazinform", "sources": None, "countries": "KAZ", "places": "astana", "formats": "consultative-meeting",
    "meetings": "ca-cm-2024-08-astana", "initiatives": "friendship-treaty", "trade": "ir-03",
    "trade_series": "imf-dots-kaz-exports-kgz",
}


def _example_records(data_dir: Path) -> dict[str, dict]:
    """One raw record per file: the one named in EXAMPLE_IDS, else the first."""
    examples: dict[str, dict] = {}
    for table, file_name in TABLE_FILES.items():
        path = data_dir / file_name
        records = read_records(path, file_name, max_bytes=MAX_FILE_BYTES)[0] if path.is_file() else []
        chosen = [r for r in records if r.label == EXAMPLE_IDS[table]] or records[:1]
        examples[table] = chosen[0].data if chosen else {}
    info_path = data_dir / INFO_FILE
    examples["info"] = read_mapping(info_path, INFO_FILE, max_bytes=MAX_FILE_BYTES)[0] if info_path.is_file() else {}
    return examples


def _first(items: list | None) -> dict:
    return items[0] if items else {}


def render_data_doc(data_dir: Path) -> str:
    """The whole of docs/DATA.md, with examples from the data in data_dir."""
    examples = _example_records(data_dir)
    lines = [INTRO]
    lines += _model_section(f"`{INFO_FILE}`", DatasetInfo, examples["info"])
    for table, model in RECORD_MODELS.items():
        lines += _model_section(f"`{TABLE_FILES[table]}`", model, examples[table])
    lines += _model_section("Inside a meeting: `documents`", Document,
                            _first(examples["meetings"].get("documents")))
    lines += _model_section("Inside an initiative: `status_history`", StatusStep,
                            _first(examples["initiatives"].get("status_history")))
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_data_doc(DEFAULT_DATA_DIR))
