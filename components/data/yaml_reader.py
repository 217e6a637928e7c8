"""Read a YAML data file into plain records, remembering the line of every record and field.

Dates stay strings (the schema parses them), anchors and aliases are refused (no alias
bombs), a file may hold at most `max_bytes` and nest at most MAX_NESTING_DEPTH levels, and every
failure becomes a positioned Problem instead of an exception.
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from components.data.problems import Problem
from components.settings import MAX_FILE_BYTES_VARIABLE

FieldPath = tuple[str | int, ...]

# Lists and mappings inside each other: a record of the shipped data nests 5 levels at most (the
# file's list, the record, its status history, a step, its sources). Deeper nesting is refused
# before any node is built: libyaml's composer recurses in C (tens of thousands of levels crash
# the process) and the builder below in Python (RecursionError from about 500 levels).
MAX_NESTING_DEPTH = 100


class _AliasRefused(ComposerError):
    """An anchor or alias: refused so that no file can expand into a bomb."""


class _DataLoader(yaml.SafeLoader):
    """SafeLoader without timestamps (dates stay strings)."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_STR_TAG, _SEQ_TAG, _MAP_TAG = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))
# Implicit resolvers by first character (wildcards appended), as BaseResolver.resolve reads them.
_SCALAR_RESOLVERS: dict[str, tuple] = {
    first: tuple(resolvers) + tuple(_DataLoader.yaml_implicit_resolvers.get(None, []))
    for first, resolvers in _DataLoader.yaml_implicit_resolvers.items() if first is not None}

if getattr(yaml, "CSafeLoader", None) is not None:
    class _FastLoader(yaml.CSafeLoader):  # libyaml's parser: about ten times faster than the Python one
        """CSafeLoader without timestamps; aliases are refused after composing (see _Builder)."""

        def resolve(self, kind, value, implicit):  # type: ignore[override]
            """BaseResolver.resolve without path resolvers (this loader has none): called for every
            node while composing, so its cost counts."""
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in _SCALAR_RESOLVERS.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return _STR_TAG
            return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    _FastLoader.yaml_implicit_resolvers = _DataLoader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _DataLoader


@dataclass(frozen=True)
class PositionedRecord:
    """One record of a data file, with the line of the record and of each field path.

    The lines of the fields are read off the record's YAML node only when a problem asks for one
    (valid data never does), so loading a large valid file walks its nodes once, not twice."""

    index: int
    data: Any
    line: int
    node: Node | None = field(default=None, repr=False, compare=False)
    _field_lines: dict[FieldPath, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def label(self) -> str:
        """The record's id, or its position when it has none."""
        if isinstance(self.data, dict) and isinstance(self.data.get("id"), (str, int)):
            return str(self.data["id"])
        return f"#{self.index + 1}"

    @property
    def field_lines(self) -> dict[FieldPath, int]:
        """The line of every field path in the record (computed on first use)."""
        if self.node is not None and not self._field_lines:
            _field_lines_of(self.node, (), self._field_lines)
        return self._field_lines

    def line_of(self, path: FieldPath) -> int:
        """Line of the deepest known field on the path (the record's line if none)."""
        lines = self.field_lines
        for end in range(len(path), 0, -1):
            if path[:end] in lines:
                return lines[path[:end]]
        return self.line


def _field_lines_of(node: Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            key_text = key.value if isinstance(key, ScalarNode) else str(key)
            lines[path + (key_text,)] = key.start_mark.line + 1
            _field_lines_of(value, path + (key_text,), lines)
    elif isinstance(node, SequenceNode):
        for position, item in enumerate(node.value):
            _field_lines_of(item, path + (position,), lines)


_RECORD_START = re.compile(r"^-\s+id:\s*['\"]?([^'\"#\s]+)")


def _record_at(text: str, line: int | None) -> str | None:
    """The id of the record a line falls in, read from the raw text (for files YAML cannot parse)."""
    if not line:
        return None
    for candidate in reversed(text.splitlines()[:line]):
        if match := _RECORD_START.match(candidate):
            return match.group(1)
    return None


def _problem(name: str, line: int | None, code: str, message: str, text: str = "") -> Problem:
    """A problem of the file; given the file's text, it names the record the line falls in."""
    return Problem(file=name, line=line, record=_record_at(text, line), field=None, code=code, message=message)


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [_problem(name, line, "not-utf8", f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} "
                                                       f"at byte {error.start}); save it as UTF-8")]


def _error_line(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else None


def _too_deep(name: str, line: int, text: str) -> Problem:
    return _problem(name, line, "too-deep",
                    f"lists and mappings nest more than {MAX_NESTING_DEPTH} levels deep here; data files may nest "
                    f"at most {MAX_NESTING_DEPTH} levels (a record needs a handful): look for brackets `[` or "
                    "`{` that repeat or are never closed", text)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    line = _error_line(error)
    message = f"{error.problem or error}".strip()
    lines = text.splitlines()
    if line and line <= len(lines) and "\t" in lines[line - 1]:
        message += " (indent with spaces, not tabs)"
    return _problem(name, line, "yaml-syntax", f"the file is not valid YAML: {message}", text)


_DEPTH_CHANGE = {yaml.SequenceStartEvent: 1, yaml.MappingStartEvent: 1,
                 yaml.SequenceEndEvent: -1, yaml.MappingEndEvent: -1}


def _first_line_too_deep(text: str) -> int | None:
    """The line where the text first nests deeper than MAX_NESTING_DEPTH, or None. libyaml's parser (a loop
    with a stack of its own, no recursion) yields the events; only their depth is counted."""
    parser = _FastLoader(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            depth += _DEPTH_CHANGE.get(type(event), 0)
            if depth > MAX_NESTING_DEPTH:
                return event.start_mark.line + 1
        return None
    finally:
        parser.dispose()


def _compose_nodes(text: str) -> Node | None:
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _compose(text: str, name: str) -> tuple[Node | None, list[Problem]]:
    """The file's node tree, composed once its depth is known to be within MAX_NESTING_DEPTH; aliases
    stay in it as reused nodes, for _Builder to refuse. A syntax error met while counting the depth
    is the one composing would meet (the same parser, the same events, in the same order)."""
    try:
        if line := _first_line_too_deep(text):
            return None, [_too_deep(name, line, text)]
        return _compose_nodes(text), []
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, name)]
    except yaml.YAMLError as error:
        return None, [_problem(name, None, "yaml-syntax", f"the file is not valid YAML: {error}")]


# An alias needs an anchor: both are tokens, which start the text or follow a space or one of
# [{,:?-. A file where either cannot be found has no alias, and its nodes need no alias check.
_ANCHOR_TOKEN = re.compile(r"[\s\[{,:?-]&")
_ALIAS_TOKEN = re.compile(r"[\s\[{,:?-]\*")


def _may_hold_aliases(text: str) -> bool:
    return all(mark in text and pattern.search("\n" + text) for mark, pattern in (("&", _ANCHOR_TOKEN),
                                                                                 ("*", _ALIAS_TOKEN)))


class _Builder:
    """Plain values from a composed node tree in one walk, as SafeConstructor would build them.

    The walk makes two checks, each in one place: `refuse_alias` refuses a node reached twice (an
    alias; not looked for when the text cannot hold one) and `mapping` reports duplicate keys.
    Strings, lists and maps with text keys are built here; any other value (explicit tags, merge
    keys `<<`, keys that are not text) is walked with build=False, for the same checks, and then
    built by SafeConstructor."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.check_aliases = _may_hold_aliases(text)
        self.seen: set[int] = set()
        self.problems: list[Problem] = []
        self.constructor = _DataLoader("")
        self.scalars = {"tag:yaml.org,2002:null": lambda node: None,
                        "tag:yaml.org,2002:bool": self.constructor.construct_yaml_bool,
                        "tag:yaml.org,2002:int": self.constructor.construct_yaml_int,
                        "tag:yaml.org,2002:float": self.constructor.construct_yaml_float}

    def refuse_alias(self, node: Node, used_at: Any) -> None:
        """Refused where the node is used again (its key, or its list), before it is expanded: the
        walk stays linear in the number of distinct nodes, so an alias bomb costs only its text."""
        if id(node) in self.seen:
            raise _AliasRefused(None, None, "anchors and aliases (*name) are not allowed in data files; "
                                "write the value out", used_at)
        self.seen.add(id(node))

    def value(self, node: Node, used_at: Any, build: bool = True) -> Any:
        """The node's value; with build=False only the checks run (None: it is built elsewhere)."""
        if self.check_aliases:
            self.refuse_alias(node, used_at)
        if isinstance(node, ScalarNode):
            if build and node.tag == _STR_TAG:
                return node.value
            if build and node.tag in self.scalars:
                return self.scalars[node.tag](node)
        elif isinstance(node, MappingNode):
            return self.mapping(node, build)
        else:
            plain = build and node.tag == _SEQ_TAG
            items = [self.value(item, node.start_mark, plain) for item in node.value]
            if plain:
                return items
        return self.constructed(node, build)

    def mapping(self, node: MappingNode, build: bool) -> Any:
        out: dict[str, Any] = {}
        keys: set[str] = set()
        plain = build and node.tag == _MAP_TAG
        for key, value in node.value:
            if self.check_aliases or not isinstance(key, ScalarNode):  # else the key holds nothing to check
                self.value(key, key.start_mark, build=False)
            key_text = key.value if isinstance(key, ScalarNode) else str(key)
            if key_text in keys:
                self.problems.append(_problem(self.name, key.start_mark.line + 1, "duplicate-key",
                                              f"the key `{key_text}` appears twice in one record; keep one"))
            keys.add(key_text)
            plain = plain and key.tag == _STR_TAG and isinstance(key, ScalarNode)
            item = self.value(value, key.start_mark, plain)  # once not plain, SafeConstructor builds the map
            if plain:
                out[key_text] = item
        return out if plain else self.constructed(node, build)

    def constructed(self, node: Node, build: bool) -> Any:
        """A value SafeConstructor builds (the walk has checked its nodes); None with build=False."""
        return self.constructor.construct_object(node, deep=True) if build else None


def _build_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """Why a composed tree could not be built: an alias, an unhashable key (`? [1]`) or an unknown
    tag (`!!python/...`)."""
    if isinstance(error, _AliasRefused):
        return _problem(name, _error_line(error), "yaml-alias", str(error.problem), text)
    found = " ".join(str(error.problem or "").split()) or "a value YAML cannot build"
    return _problem(name, _error_line(error), "yaml-value", f"{found}: data files hold plain text, numbers, dates, "
                    "lists and mappings with text keys; write the value out plainly", text)


def _records(root: Node, builder: _Builder) -> tuple[list[PositionedRecord], list[Problem]]:
    if not isinstance(root, SequenceNode):
        builder.value(root, root.start_mark, build=False)  # an alias is refused before the shape
        return [], [_problem(builder.name, root.start_mark.line + 1, "not-a-list",
                             "expected a list of records (each starting with '- '), found "
                             f"a {type(root).__name__.removesuffix('Node').lower()}")]
    builder.refuse_alias(root, root.start_mark)  # each record is built on its own, whatever the list's tag
    records = [PositionedRecord(index, builder.value(node, root.start_mark), node.start_mark.line + 1, node)
               for index, node in enumerate(root.value)]
    return records, builder.problems


@contextmanager
def cyclic_gc_paused():
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
    with cyclic_gc_paused():
        return _read_records(path, name, max_bytes=max_bytes)


def _read_text(path: Path, name: str, max_bytes: int) -> tuple[str | None, list[Problem]]:
    """The file's text, or why it cannot be had: larger than max_bytes (refused without reading it
    whole, even when it grows while being read) or not UTF-8."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        raw = handle.read(max_bytes + 1) if size <= max_bytes else b""
    if size > max_bytes or len(raw) > max_bytes:
        return None, [_problem(name, None, "file-too-large", f"the file is {max(size, len(raw)):,} bytes; data "
                               f"files may be at most {max_bytes:,} bytes: check that it holds only its data, or "
                               f"raise the limit with the environment variable {MAX_FILE_BYTES_VARIABLE}")]
    return _decode(raw, name)


def _read_records(path: Path, name: str, *, max_bytes: int) -> tuple[list[PositionedRecord], list[Problem]]:
    text, problems = _read_text(path, name, max_bytes)
    if text is None:
        return [], problems
    root, problems = _compose(text, name)
    if problems:
        return [], problems
    if root is None:
        return [], [_problem(name, 1, "empty-file", "the file is empty; it should hold a list of records")]
    try:
        return _records(root, _Builder(name, text))
    except yaml.MarkedYAMLError as error:
        return [], [_build_problem(error, text, name)]


def read_mapping(path: Path, name: str, *, max_bytes: int) -> tuple[Any, int, list[Problem]]:
    """Read a file that holds one mapping (dataset.yaml); returns (data, line, problems). PyYAML
    builds it, after the builder's checks; a duplicate key is not reported (the last one wins)."""
    text, problems = _read_text(path, name, max_bytes)
    if text is None:
        return None, 1, problems
    root, problems = _compose(text, name)
    if problems or root is None:
        return None, 1, problems or [_problem(name, 1, "empty-file", "the file is empty")]
    try:
        builder = _Builder(name, text)
        builder.value(root, root.start_mark, build=False)
        return builder.constructor.construct_document(root), root.start_mark.line + 1, []
    except yaml.MarkedYAMLError as error:
        return None, 1, [_build_problem(error, text, name)]
