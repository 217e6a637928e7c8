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

from components.data.problems import Problem

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


def _refuse_aliases(root: Node, seen: set[int] | None = None, used_at: Any = None) -> None:
    """An alias makes the composer reuse a node: a node reached twice means an alias. Linear in
    the number of distinct nodes, so an alias bomb is refused before it is expanded."""
    seen = set() if seen is None else seen
    stack = [(root, used_at or root.start_mark)]  # (node, where it is used: its key, or its sequence)
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


def _alias_problem(error: _AliasRefused, text: str, name: str) -> Problem:
    line = error.problem_mark.line + 1 if error.problem_mark else None
    return replace(_problem(name, line, "yaml-alias", str(error.problem)), record=_record_at(text, line))


def _compose(text: str, name: str, *, refuse_aliases: bool = True) -> tuple[Node | None, list[Problem]]:
    """The file's node tree; with refuse_aliases=False the caller refuses them (see _Builder)."""
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is not None and refuse_aliases:
            _refuse_aliases(root)
        return root, []
    except _AliasRefused as error:
        return None, [_alias_problem(error, text, name)]
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


class _Builder:
    """Plain values from a composed node tree in one pass, as SafeConstructor would build them:
    refuses aliases (a node reached twice) in the order _refuse_aliases would, and reports
    duplicate keys. Strings, lists and maps are built here; other tags go to the constructor."""

    def __init__(self, name: str, check_aliases: bool = True):
        self.name = name
        self.check_aliases = check_aliases
        self.seen: set[int] = set()
        self.problems: list[Problem] = []
        self.constructor = _DataLoader("")
        self.scalars = {"tag:yaml.org,2002:null": lambda node: None,
                        "tag:yaml.org,2002:bool": self.constructor.construct_yaml_bool,
                        "tag:yaml.org,2002:int": self.constructor.construct_yaml_int,
                        "tag:yaml.org,2002:float": self.constructor.construct_yaml_float}

    def _visit(self, node: Node, used_at: Any) -> None:
        if id(node) in self.seen:
            raise _AliasRefused(None, None, "anchors and aliases (*name) are not allowed in data files; "
                                "write the value out", used_at)
        self.seen.add(id(node))

    def value(self, node: Node, used_at: Any) -> Any:
        if self.check_aliases:
            self._visit(node, used_at)
        tag = node.tag
        if tag == _STR_TAG and isinstance(node, ScalarNode):
            return node.value
        if tag == _MAP_TAG and isinstance(node, MappingNode):
            return self.mapping(node)
        if tag == _SEQ_TAG and isinstance(node, SequenceNode):
            return [self.value(item, node.start_mark) for item in node.value]
        if isinstance(node, ScalarNode) and tag in self.scalars:
            return self.scalars[tag](node)
        return self.other(node)

    def mapping(self, node: MappingNode) -> Any:
        out: dict[Any, Any] = {}
        keys: set[str] = set()
        plain = True
        for key, value in node.value:
            if self.check_aliases:
                self._visit(key, key.start_mark)
            key_text = key.value if isinstance(key, ScalarNode) else str(key)
            if key_text in keys:
                self.problems.append(_problem(self.name, key.start_mark.line + 1, "duplicate-key",
                                              f"the key `{key_text}` appears twice in one record; keep one"))
            keys.add(key_text)
            plain = plain and key.tag == _STR_TAG and isinstance(key, ScalarNode)
            if plain:
                out[key_text] = self.value(value, key.start_mark)
            else:  # a merge key or a key that is not a string: the constructor builds the map
                self._refuse_below(key)
                self._check_duplicates(value, key.start_mark)
        return out if plain else self.other(node, checked=True)

    def _refuse_below(self, node: Node) -> None:
        for child, used_at in _children(node):
            _refuse_aliases(child, self.seen, used_at)

    def _check_duplicates(self, node: Node, used_at: Any) -> None:
        """Alias refusal and duplicate-key problems for a subtree whose value is built elsewhere."""
        self._visit(node, used_at)
        if isinstance(node, MappingNode):
            self.mapping_checks(node)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                self._check_duplicates(item, node.start_mark)

    def mapping_checks(self, node: MappingNode) -> None:
        keys: set[str] = set()
        for key, value in node.value:
            self._visit(key, key.start_mark)
            key_text = key.value if isinstance(key, ScalarNode) else str(key)
            if key_text in keys:
                self.problems.append(_problem(self.name, key.start_mark.line + 1, "duplicate-key",
                                              f"the key `{key_text}` appears twice in one record; keep one"))
            keys.add(key_text)
            self._check_duplicates(value, key.start_mark)

    def other(self, node: Node, checked: bool = False) -> Any:
        """Any other tag (explicit tags, merge keys): checked like the rest, built by SafeConstructor."""
        if not checked:
            self._refuse_below(node)
        return self.constructor.construct_object(node, deep=True)


def _children(node: Node) -> list[tuple[Node, Any]]:
    """A node's children, each with where it is used (as _refuse_aliases marks them)."""
    if isinstance(node, SequenceNode):
        return [(item, node.start_mark) for item in node.value]
    if isinstance(node, MappingNode):
        return [(part, key.start_mark) for key, value in node.value for part in (key, value)]
    return []


# An alias needs an anchor: both are tokens, which start the text or follow a space or one of
# [{,:?-. A file where either cannot be found has no alias, and its nodes need no alias check.
_ANCHOR_TOKEN = re.compile(r"[\s\[{,:?-]&")
_ALIAS_TOKEN = re.compile(r"[\s\[{,:?-]\*")


def _may_hold_aliases(text: str) -> bool:
    return all(mark in text and pattern.search("\n" + text) for mark, pattern in (("&", _ANCHOR_TOKEN),
                                                                                 ("*", _ALIAS_TOKEN)))


def _records(root: Node, text: str, name: str) -> tuple[list[PositionedRecord], list[Problem]]:
    if not isinstance(root, SequenceNode):
        _refuse_aliases(root)
        return [], [_problem(name, root.start_mark.line + 1, "not-a-list",
                             "expected a list of records (each starting with '- '), found "
                             f"a {type(root).__name__.removesuffix('Node').lower()}")]
    builder = _Builder(name, check_aliases=_may_hold_aliases(text))
    try:
        builder._visit(root, root.start_mark)
        records = [PositionedRecord(index, builder.value(node, root.start_mark), node.start_mark.line + 1, node)
                   for index, node in enumerate(root.value)]
    except _AliasRefused as error:
        return [], [_alias_problem(error, text, name)]
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


def _read_records(path: Path, name: str, *, max_bytes: int) -> tuple[list[PositionedRecord], list[Problem]]:
    size = path.stat().st_size
    if size > max_bytes:
        return [], [_problem(name, None, "file-too-large",
                             f"the file is {size:,} bytes; data files may be at most {max_bytes:,} bytes")]
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return [], problems
    root, problems = _compose(text, name, refuse_aliases=False)
    if problems:
        return [], problems
    if root is None:
        return [], [_problem(name, 1, "empty-file", "the file is empty; it should hold a list of records")]
    try:
        return _records(root, text, name)
    except _AliasRefused as error:
        return [], [_alias_problem(error, text, name)]
    except yaml.MarkedYAMLError as error:  # an unhashable key (`? [1]`), an unknown tag (`!!python/...`)
        return [], [_unbuildable_problem(error, text, name)]


def _unbuildable_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    found = " ".join(str(error.problem or "").split()) or "a value YAML cannot build"
    return replace(_problem(name, line, "yaml-value",
                            f"{found}: data files hold plain text, numbers, dates, lists and mappings with "
                            "text keys; write the value out plainly"), record=_record_at(text, line))


def read_mapping(path: Path, name: str, *, max_bytes: int) -> tuple[Any, int, list[Problem]]:
    """Read a file that holds one mapping (dataset.yaml); returns (data, line, problems)."""
    text, problems = _decode(path.read_bytes()[: max_bytes + 1], name)
    if text is None:
        return None, 1, problems
    root, problems = _compose(text, name)
    if problems or root is None:
        return None, 1, problems or [_problem(name, 1, "empty-file", "the file is empty")]
    try:
        return yaml.SafeLoader.construct_document(_DataLoader(""), root), root.start_mark.line + 1, []
    except yaml.MarkedYAMLError as error:
        return None, 1, [_unbuildable_problem(error, text, name)]
