"""Read a YAML data file into plain records, remembering the line of every record and field.

Dates stay strings (the schema parses them), anchors and aliases are refused (no alias
bombs), and every failure becomes a positioned Problem instead of an exception.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from components.problems import Problem

FieldPath = tuple[str | int, ...]


class _AliasRefused(ComposerError):
    """An anchor or alias: refused so that no file can expand into a bomb."""


class _DataLoader(yaml.SafeLoader):
    """SafeLoader without timestamps and without aliases."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise _AliasRefused(None, None, "anchors and aliases (*name) are not allowed in data files; "
                                "write the value out", event.start_mark)
        return super().compose_node(parent, index)


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastLoader(yaml.CSafeLoader):  # libyaml's parser: about ten times faster than the Python one
        """CSafeLoader without timestamps; aliases are refused after composing (see _refuse_aliases)."""

    _FastLoader.yaml_implicit_resolvers = _DataLoader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _DataLoader


def _refuse_aliases(root: Node) -> None:
    """An alias makes the composer reuse a node: a node reached twice means an alias. Linear in
    the number of distinct nodes, so an alias bomb is refused before it is expanded."""
    seen: set[int] = set()
    stack = [(root, root.start_mark)]  # (node, where it is used: its key, or its sequence)
    while stack:
        node, used_at = stack.pop()
        if id(node) in seen:
            raise _AliasRefused(None, None, "anchors and aliases (*name) are not allowed in data files; "
                                "write the value out", used_at)
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend((item, node.start_mark) for item in reversed(node.value))
        elif isinstance(node, MappingNode):
            stack.extend(entry for key, value in reversed(node.value)
                         for entry in ((value, key.start_mark), (key, key.start_mark)))


@dataclass(frozen=True)
class PositionedRecord:
    """One record of a data file, with the line of the record and of each field path."""

    index: int
    data: Any
    line: int
    field_lines: dict[FieldPath, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The record's id, or its position when it has none."""
        if isinstance(self.data, dict) and isinstance(self.data.get("id"), (str, int)):
            return str(self.data["id"])
        return f"#{self.index + 1}"

    def line_of(self, path: FieldPath) -> int:
        """Line of the deepest known field on the path (the record's line if none)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.field_lines:
                return self.field_lines[path[:end]]
        return self.line


def _problem(name: str, line: int | None, code: str, message: str) -> Problem:
    return Problem(file=name, line=line, record=None, field=None, code=code, message=message)


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [_problem(name, line, "not-utf8", f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} "
                                                       f"at byte {error.start}); save it as UTF-8")]


_RECORD_START = re.compile(r"^-\s+id:\s*['\"]?([^'\"#\s]+)")


def _record_at(text: str, line: int | None) -> str | None:
    """The id of the record a line falls in, read from the raw text (for files YAML cannot parse)."""
    if not line:
        return None
    for candidate in reversed(text.splitlines()[:line]):
        if match := _RECORD_START.match(candidate):
            return match.group(1)
    return None


def _compose(text: str, name: str) -> tuple[Node | None, list[Problem]]:
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _refuse_aliases(root)
        return root, []
    except _AliasRefused as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        return None, [replace(_problem(name, line, "yaml-alias", str(error.problem)), record=_record_at(text, line))]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        message = f"{error.problem or error}".strip()
        lines = text.splitlines()
        if line and line <= len(lines) and "\t" in lines[line - 1]:
            message += " (indent with spaces, not tabs)"
        problem = _problem(name, line, "yaml-syntax", f"the file is not valid YAML: {message}")
        return None, [replace(problem, record=_record_at(text, line))]
    except yaml.YAMLError as error:
        return None, [_problem(name, None, "yaml-syntax", f"the file is not valid YAML: {error}")]
    except RecursionError:
        return None, [_problem(name, None, "yaml-too-deep", "the file nests too deeply to read")]
    finally:
        loader.dispose()


def _walk(node: Node, path: FieldPath, lines: dict[FieldPath, int], problems: list[Problem], name: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            key_text = key.value if isinstance(key, ScalarNode) else str(key)
            if key_text in seen:
                problems.append(_problem(name, key.start_mark.line + 1, "duplicate-key",
                                         f"the key `{key_text}` appears twice in one record; keep one"))
            seen.add(key_text)
            lines[path + (key_text,)] = key.start_mark.line + 1
            _walk(value, path + (key_text,), lines, problems, name)
    elif isinstance(node, SequenceNode):
        for position, item in enumerate(node.value):
            _walk(item, path + (position,), lines, problems, name)


def _records(root: Node, name: str) -> tuple[list[PositionedRecord], list[Problem]]:
    if not isinstance(root, SequenceNode):
        return [], [_problem(name, root.start_mark.line + 1, "not-a-list",
                             "expected a list of records (each starting with '- '), found "
                             f"a {type(root).__name__.removesuffix('Node').lower()}")]
    constructed = yaml.SafeLoader.construct_document(_DataLoader(""), root)
    problems: list[Problem] = []
    records = []
    for index, (node, data) in enumerate(zip(root.value, constructed, strict=True)):
        lines: dict[FieldPath, int] = {}
        _walk(node, (), lines, problems, name)
        records.append(PositionedRecord(index, data, node.start_mark.line + 1, lines))
    return records, problems


@contextmanager
def _cyclic_gc_paused():
    """Parsing makes hundreds of thousands of acyclic objects; the cyclic collector would walk them
    again and again as they pile up (cost growing faster than the file). Pause it while parsing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_records(path: Path, name: str, *, max_bytes: int) -> tuple[list[PositionedRecord], list[Problem]]:
    """Read one data file; never raises for bad content, returns problems instead."""
    with _cyclic_gc_paused():
        return _read_records(path, name, max_bytes=max_bytes)


def _read_records(path: Path, name: str, *, max_bytes: int) -> tuple[list[PositionedRecord], list[Problem]]:
    size = path.stat().st_size
    if size > max_bytes:
        return [], [_problem(name, None, "file-too-large",
                             f"the file is {size:,} bytes; data files may be at most {max_bytes:,} bytes")]
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return [], problems
    root, problems = _compose(text, name)
    if problems:
        return [], problems
    if root is None:
        return [], [_problem(name, 1, "empty-file", "the file is empty; it should hold a list of records")]
    return _records(root, name)


def read_mapping(path: Path, name: str, *, max_bytes: int) -> tuple[Any, int, list[Problem]]:
    """Read a file that holds one mapping (dataset.yaml); returns (data, line, problems)."""
    text, problems = _decode(path.read_bytes()[: max_bytes + 1], name)
    if text is None:
        return None, 1, problems
    root, problems = _compose(text, name)
    if problems or root is None:
        return None, 1, problems or [_problem(name, 1, "empty-file", "the file is empty")]
    return yaml.SafeLoader.construct_document(_DataLoader(""), root), root.start_mark.line + 1, []
