"""Validate positioned records against the schema; every failure becomes a Problem."""

from __future__ import annotations

import reprlib
from typing import Any

from pydantic import BaseModel, ValidationError

from components.data.problems import Problem
from components.data.yaml_reader import PositionedRecord

# pydantic's error types -> our stable kebab-case codes (custom checks already use ours).
_CODES = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    "literal_error": "not-allowed-value",
    "string_pattern_mismatch": "bad-format",
    "greater_than_equal": "out-of-range",
    "less_than_equal": "out-of-range",
    "too_short": "too-few-items",
    "string_too_short": "empty-text",
    "string_too_long": "too-long",
}
_HINTS = {
    "unknown-field": "remove it or check its spelling against docs/DATA.md",
    "missing-field": "add it (see docs/DATA.md)",
}
_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60


def _code(error_type: str) -> str:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith(("_type", "_parsing")):
        return "wrong-type"
    return error_type.replace("_", "-")


def _message(error: dict[str, Any], code: str) -> str:
    message = error["msg"].removeprefix("Value error, ")
    whole_record = not error["loc"]
    if code not in ("missing-field", "unknown-field") and not whole_record and "got" not in message:
        message += f"; found {_short.repr(error['input'])}"
    if code in _HINTS:
        message += f"; {_HINTS[code]}"
    return message


def _problems_of(error: ValidationError, record: PositionedRecord, file: str) -> list[Problem]:
    problems = []
    for item in error.errors():
        location = tuple(item["loc"]) or ((item.get("ctx") or {}).get("field"),)
        location = tuple(part for part in location if part is not None)
        code = _code(item["type"])
        problems.append(Problem(file=file, line=record.line_of(location), record=record.label,
                                field=".".join(map(str, location)) or None, code=code,
                                message=_message(item, code)))
    return problems


def validate_records(records: list[PositionedRecord], model: type[BaseModel],
                     file: str) -> tuple[list[tuple[PositionedRecord, BaseModel]], list[Problem]]:
    """Validate each record; return the valid ones (with positions) and every problem."""
    valid, problems = [], []
    for record in records:
        if not isinstance(record.data, dict):
            problems.append(Problem(file, record.line, record.label, None, "not-a-record",
                                    f"expected a record of `key: value` lines, found {_short.repr(record.data)}"))
            continue
        try:
            valid.append((record, model.model_validate(record.data)))
        except ValidationError as error:
            problems.extend(_problems_of(error, record, file))
    return valid, problems
