"""Small edits to a copy of the real project, each knowing where its problem will be reported.

A case names a file, the text to change and the part of the new text a problem must
point at; :meth:`Edit.apply` changes the copy and returns the exact
``file:line:column`` expected in the message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def location_in(text: str, index: int, file: str) -> Location:
    """1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Location(file, line, column)


@dataclass(frozen=True)
class Edit:
    """Replace the first ``old`` in ``file`` by ``new``; the problem points at ``points_at`` in ``new``.

    ``old=""`` appends ``new`` to the end of the file. ``points_at=""`` means the
    start of ``new``; ``points_at=None`` means the file's first line and column.
    ``offset`` moves the expected column right (the 32nd of 3,000 brackets).
    """

    file: str
    old: str
    new: str
    points_at: str | None = ""
    offset: int = 0

    def apply(self, project: Path) -> Location:
        path = project / self.file
        text = path.read_text(encoding="utf-8")
        if self.old:
            start = text.index(self.old)  # a ValueError here means the shipped content changed
        else:
            start = len(text) if text.endswith("\n") else len(text) + 1
            text = text if text.endswith("\n") else text + "\n"
        changed = text[:start] + self.new + text[start + len(self.old):]
        path.write_text(changed, encoding="utf-8")
        if self.points_at is None:
            return Location(self.file, 1, 1)
        return location_in(changed, start + self.new.index(self.points_at) + self.offset, self.file)


@dataclass(frozen=True)
class RawEdit:
    """Rewrite ``file``'s bytes with ``change``; the problem is expected at ``where(original text)``."""

    file: str
    change: Callable[[bytes], bytes]
    where: Callable[[str], tuple[int, int]] = field(default=lambda text: (1, 1))

    def apply(self, project: Path) -> Location:
        path = project / self.file
        raw = path.read_bytes()
        path.write_bytes(self.change(raw))
        line, column = self.where(raw.decode("utf-8"))
        return Location(self.file, line, column)


def first_non_ascii(text: str) -> tuple[int, int]:
    """Line and column of the first non-ASCII character (where a Latin-1 copy stops being UTF-8)."""
    index = next(i for i, c in enumerate(text) if ord(c) > 127)
    found = location_in(text, index, "")
    return found.line, found.column


@dataclass(frozen=True)
class ValueEdit:
    """Replace one value of a content file, found with the project's own YAML reader.

    ``path`` addresses the value as the loader does (``("updates", 0, "title", "en")``);
    the value must be written on one line (a plain or quoted scalar), and ``new`` (YAML
    text, e.g. ``json.dumps(...)``) replaces it up to the end of that line. The problem
    is expected where the value starts, moved right by ``offset``.
    """

    file: str
    path: tuple[str | int, ...]
    new: str
    offset: int = 0

    def apply(self, project: Path) -> Location:
        from campus_ia.content.yaml_source import read_yaml

        path = project / self.file
        document, problems = read_yaml(path, self.file)
        assert document is not None, problems
        position = document.positions[self.path]
        lines = path.read_text(encoding="utf-8").split("\n")
        line = lines[position.line - 1]
        lines[position.line - 1] = line[:position.column - 1] + self.new
        path.write_text("\n".join(lines), encoding="utf-8")
        return Location(self.file, position.line, position.column + self.offset)


@dataclass(frozen=True)
class CatalogEdit:
    """Replace the ``msgstr`` line of ``msgid`` in a catalog; the problem points at ``points_at`` in it."""

    file: str
    msgid: str
    msgstr_line: str
    points_at: str = ""

    def apply(self, project: Path) -> Location:
        path = project / self.file
        lines = path.read_text(encoding="utf-8").split("\n")
        index = lines.index(f'msgid "{self.msgid}"') + 1  # a ValueError here means the catalog changed
        assert lines[index].startswith("msgstr "), lines[index]
        lines[index] = self.msgstr_line
        path.write_text("\n".join(lines), encoding="utf-8")
        return Location(self.file, index + 1, self.msgstr_line.index(self.points_at) + 1 if self.points_at else 1)


@dataclass(frozen=True)
class LinkOut:
    """Make ``file`` a symbolic link to a file outside the project holding ``secret`` (and the original text)."""

    file: str
    secret: str = "root:x:0:0:this line must never be shown"

    def apply(self, project: Path) -> Location:
        path = project / self.file
        outside = project.parent / f"outside-{path.name}"
        original = path.read_text(encoding="utf-8") if path.is_file() else ""
        outside.write_text(f"{self.secret}\n{original}", encoding="utf-8")
        path.unlink(missing_ok=True)
        path.symlink_to(outside)
        return Location(self.file, 1, 1)


@dataclass(frozen=True)
class NewFile:
    """Create ``file`` with ``text``; the problem is expected at its first line and column."""

    file: str
    text: str

    def apply(self, project: Path) -> Location:
        (project / self.file).write_text(self.text, encoding="utf-8")
        return Location(self.file, 1, 1)


@dataclass(frozen=True)
class FromContent:
    """An edit chosen from the project's validated content (the figure the capacity model uses...)."""

    make: Callable[[object], object]

    def apply(self, project: Path) -> Location:
        from campus_ia.content import load_content

        edit = self.make(load_content(project / "content", display_root=project))
        return edit.apply(project)  # type: ignore[attr-defined]
