"""Content problems as values: each names a file, a line, a column and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Union


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of character ``index`` in ``text``, as editors count them."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, located for the person who has to fix it."""

    file: str
    line: int
    column: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class ContentError(Exception):
    """Raised once with every problem found, so editors fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} content {noun} found:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


def format_path(path: tuple[Union[str, int], ...]) -> str:
    """``('partners', 3, 'website')`` -> ``partners[3].website``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
