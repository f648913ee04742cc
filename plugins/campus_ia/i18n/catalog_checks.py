"""Catalogs are checked like content: syntax located at file:line:column, placeholders, text only.

A translator's slip must stop the build with its place in the ``.po`` file, not with a
traceback at the first page that uses the string, nor with a truncated string published:

- every line is a ``#`` comment, a keyword (``msgid``, ``msgstr``...) with a quoted
  string, or a quoted continuation, and every quoted string is closed (Babel's reader
  silently drops the last character of an unclosed one);
- the placeholders of a translation are the msgid's (Babel's ``python_format``
  checker: ``%(site)d`` for ``%(site)s``, or a renamed placeholder, is refused);
- a translation is text: the templates print it as it is, so markup in it (``<img
  onerror=...>``, an entity) would be live on every page. It is refused.
"""

from __future__ import annotations

import io
import re

from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.checkers import python_format
from babel.messages.pofile import PoFileError, read_po

_QUOTED = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?' + _QUOTED + r"\s*$")
_OPENED = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(")')
_CLOSED_THEN = re.compile(r'^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?' + _QUOTED + r"\s*(\S)")
_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);|[<>]")


def parse_catalog(raw: bytes, shown: str) -> tuple[Catalog | None, list[str]]:
    """The catalog in ``raw`` (the bytes of file ``shown``), or None and its syntax problems
    (``file:line:column: ...``)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [f"{shown}:{line}:{column}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                      "save it as UTF-8 in your PO editor"]
    problems = syntax_problems(text, shown)
    if problems:
        return None, problems
    try:
        return read_po(io.BytesIO(raw), abort_invalid=True), []
    except PoFileError as exc:  # what the line check above does not catch (an entry out of order...)
        line = getattr(exc, "lineno", 0) or 1
        return None, [f"{shown}:{line}:1: this entry cannot be read ({exc}); compare it with the entries around it"]


def syntax_problems(text: str, shown: str) -> list[str]:
    """Lines that are neither a comment, nor a keyword with a closed quoted string, nor a quoted line."""
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or _LINE.match(line):
            continue
        opened, trailing = _OPENED.match(line), _CLOSED_THEN.match(line)
        if trailing:
            problems.append(f"{shown}:{number}:{trailing.start(1) + 1}: text after the closing quote; "
                            'a line holds one "..." string (put the text inside the quotes)')
        elif opened:
            problems.append(f"{shown}:{number}:{opened.start(1) + 1}: the text that starts here is not closed; "
                            'end it with a double quote (") on the same line')
        else:
            column = len(line) - len(line.lstrip()) + 1
            problems.append(f"{shown}:{number}:{column}: this line is not part of a catalog entry (expected "
                            '# comment, msgid "...", msgstr "..." or a "..." continuation line)')
    return problems


def translation_problems(message: Message, template: Message, text: str, shown: str) -> list[str]:
    """Placeholders that differ from the msgid's, and markup, in one translated entry."""
    problems: list[str] = []
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    line, column = _msgstr_position(text, message.lineno)
    if template.python_format or message.python_format:
        message.flags.add("python-format")  # checked even if the translator dropped the flag
        try:
            python_format(None, message)
        except TranslationError as exc:
            problems.append(f"{shown}:{line}:{column}: the translation of {msgid!r} does not use the same "
                            f"placeholders as the English ({exc}); keep each %(name)s exactly as it is")
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    ids = template.id if isinstance(template.id, tuple) else (template.id,)
    for string in strings:
        found = _MARKUP.search(string or "")
        if found and not any(found.group() in i for i in ids):
            where = _find_in_entry(text, message.lineno, found.group()) or (line, column)
            problems.append(f"{shown}:{where[0]}:{where[1]}: the translation of {msgid!r} holds markup "
                            f"({string[found.start():found.start() + 24]!r}); translations are plain text, remove it")
            break
    return problems


def _msgstr_position(text: str, msgid_line: int) -> tuple[int, int]:
    """Line and column of the ``msgstr`` keyword of the entry whose msgid is on ``msgid_line``."""
    lines = text.splitlines()
    for number in range(max(msgid_line, 1), len(lines) + 1):
        stripped = lines[number - 1].lstrip()
        if stripped.startswith("msgstr"):
            return number, len(lines[number - 1]) - len(stripped) + 1
    return max(msgid_line, 1), 1


def _find_in_entry(text: str, msgid_line: int, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` first appears in the entry's msgstr lines."""
    lines = text.splitlines()
    start, _ = _msgstr_position(text, msgid_line)
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and not line.lstrip().startswith('"'):
            break
        index = line.find(needle)
        if index >= 0:
            return number, index + 1
    return None
