"""Read a YAML content file into plain Python data plus the line and column of every value.

Content is edited by hand, so the reader is strict where PyYAML is lenient: duplicate
keys, anchors/aliases (the "billion laughs" trap), very deep nesting, huge files and
non-UTF-8 bytes are reported as located problems instead of being accepted silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, line_column
from .yaml_hints import colon_fixes

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """1-based line and column."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Parsed data of one file with the position of each value (and each mapping key)."""

    path: Path
    display_name: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)

    def position_of(self, path: PathKey) -> Position:
        """Position of the deepest known node on ``path`` (a missing key points at its parent)."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Position(1, 1))


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses anchors, aliases, tags and deep nesting.

    Dates stay text so ``PartialDate`` parses them with their precision intact; anchors
    and aliases let a tiny file expand into gigabytes, and content never needs them.
    Tags are refused rather than ignored, so ``!!python/...`` is reported, not half-read.
    """

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Located(event.start_mark, "aliases ('*name') are not allowed in content files; write the value out")
        if getattr(event, "anchor", None) is not None:
            raise _Located(event.start_mark, "anchors ('&name') are not allowed in content files; write the value out")
        if getattr(event, "tag", None) is not None:
            raise _Located(event.start_mark, f"tags ('{event.tag}') are not allowed in content files; write a plain value")
        # PyYAML composes recursively: stop before a "[[[[..." line exhausts Python's stack.
        if self._depth >= MAX_DEPTH:
            raise _Located(event.start_mark, f"nesting is deeper than {MAX_DEPTH} levels; content files are never this deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml, when PyYAML was built with it: the same parser rules, four to five times faster.
# Only a fast path: a file it does not read cleanly is read again by _StrictLoader, so
# every problem is reported exactly as before.
_CSafeLoader = getattr(yaml, "CSafeLoader", None)
if _CSafeLoader is not None:

    class _FastLoader(_CSafeLoader):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _read_fast(path: Path, display_name: str, text: str) -> YamlDocument | None:
    """The document read with libyaml, or None when the careful reader must look at it."""
    if _CSafeLoader is None:
        return None
    try:
        # An anchor is written with "&", an alias with "*", a tag with "!": a file with none of
        # them (content files nearly always) needs no look at its events for them.
        if any(mark in text for mark in "&*!"):
            for event in yaml.parse(text, Loader=_CSafeLoader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None \
                        or getattr(event, "tag", None) is not None:
                    return None
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
            document = YamlDocument(path, display_name, None)
            document.data = _construct(loader, node, (), document, 0) if node is not None else None
            return document
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - any trouble: the careful reader reports it
        return None


class _Located(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        self.message = message


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``path``; return the document, or ``None`` and the problems that stopped reading."""

    def problem(line: int, column: int, message: str) -> Problem:
        return Problem(display_name, line, column, "", message)

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem(1, 1, f"cannot read the file ({exc.strerror})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            problem(1, 1, f"the file is {len(raw):,} bytes; content files are limited to "
                    f"{MAX_FILE_BYTES:,} bytes (split it or remove pasted material)")
        ]
    try:
        # A byte-order mark is harmless and common from Windows editors: accept it.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            problem(line, column, "the file is not UTF-8 text (byte "
                    f"0x{raw[exc.start]:02x}); save it as UTF-8 in your editor")
        ]

    fast = _read_fast(path, display_name, text)
    if fast is not None:
        return fast, []
    try:
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        # Control characters (NUL, BEL...) pasted from another program; YAML refuses them.
        line, column = line_column(text, exc.position)
        return None, [problem(line, column, f"the file contains a control character (#x{exc.character:04x}) "
                              "that YAML does not allow; delete it")]
    try:
        node = loader.get_single_node()
        document = YamlDocument(path, display_name, None)
        document.data = _construct(loader, node, (), document, 0) if node is not None else None
        return document, []
    except _Located as exc:
        return None, [problem(exc.position.line, exc.position.column, exc.message)]
    except yaml.MarkedYAMLError as exc:
        if "mapping values are not allowed" in str(exc.problem):
            # A French ' : ' in a value: name every such line with its exact fix, not just the first.
            fixes = colon_fixes(text)
            if fixes:
                return None, [problem(line, column, message) for line, column, message in fixes]
        if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
            # PyYAML reports where the file ended; the editor needs the quote left open.
            opened = exc.context_mark
            return None, [problem(opened.line + 1, opened.column + 1,
                                  "not valid YAML: this quoted text is never closed (the file ends first); "
                                  "end it with the same quote mark")]
        mark = exc.problem_mark or exc.context_mark
        suspect = _open_quote_before(text, mark)
        if suspect is not None:  # at the quote left open, which is what the editor must fix
            return None, [problem(suspect.line + 1, suspect.column + 1,
                                  f"not valid YAML: this quoted text seems never closed: it runs on to line "
                                  f"{mark.line + 1}, where the file stops making sense ({_explain_yaml_error(exc).removeprefix('not valid YAML: ')})")]
        return None, [problem(mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                              _explain_yaml_error(exc))]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [problem(1, 1, f"not valid YAML: {exc}")]
    except RecursionError:  # pragma: no cover - the depth guard in _StrictLoader comes first
        return None, [problem(1, 1, f"nesting is deeper than {MAX_DEPTH} levels; content files are never this deep")]
    finally:
        loader.dispose()


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.problem or exc.context or 'not valid YAML'}"
    if "'\\t'" in text or "\\t" in text:
        return "a tab character is used for indentation; YAML needs spaces (replace the tab with spaces)"
    hint = ""
    if "mapping values are not allowed" in text:
        hint = " (a text containing ': ' must be put in quotes)"
    elif "could not find expected ':'" in text:
        hint = " (each line of a mapping needs 'key: value'; check the indentation above)"
    elif "found undefined alias" in text or "found unhashable key" in text:
        hint = ""
    return f"not valid YAML: {text}{hint}"


def _open_quote_before(text: str, mark: Any) -> Any:
    """The start mark of a quoted text that ran over several lines before ``mark``, if any.

    Content never needs a quoted value on several lines; when one does before a syntax
    error, its closing quote is most likely missing and the value swallowed the lines
    after it (``'...d'euros`` closes at the apostrophe, 12 lines down).
    """
    if mark is None:
        return None
    suspect = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > mark.line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') \
                    and token.end_mark.line > token.start_mark.line:
                suspect = token
    except yaml.YAMLError:
        pass  # the scan stops at the same error; what it saw before is enough
    return suspect.start_mark if suspect is not None else None


_STR_TAG = "tag:yaml.org,2002:str"


def _construct(loader: _StrictLoader, node: Any, path: PathKey, doc: YamlDocument, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _Located(node.start_mark, f"nesting is deeper than {MAX_DEPTH} levels; content files are never this deep")
    doc.positions[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Located(key_node.start_mark, "merge keys ('<<') are not allowed in content files")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Located(key_node.start_mark, "a key must be a plain word")
            constructed = loader.construct_object(key_node)
            # 'yes:' or '1:' is read as true or a number; name the key as it was typed.
            key = constructed if isinstance(constructed, str) else str(key_node.value)
            if key in result:
                first = doc.key_positions[path + (key,)]
                raise _Located(key_node.start_mark,
                               f"the key '{key}' appears twice in the same block (first on line {first.line}); keep one")
            doc.key_positions[path + (key,)] = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _construct(loader, value_node, path + (key,), doc, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, path + (index,), doc, depth + 1) for index, item in enumerate(node.value)]
    if node.tag == _STR_TAG:
        return node.value  # what the constructor would return, without its bookkeeping (most values are text)
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        # Python refuses to convert integers of more than 4,300 digits (a DoS guard).
        if node.tag == "tag:yaml.org,2002:int":
            raise _Located(node.start_mark, "this number is too long to be a figure; check the value") from None
        raise _Located(node.start_mark, f"this value cannot be read ({exc})") from None
