"""Insert figures from ``content/`` into Markdown prose: ``{{ fact:site-power }}``.

Prose never types a number by hand; it names the figure and the site writes it out
in the page's language. An unknown id is a located error.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.problems import Problem

FACT_MARKER = re.compile(r"\{\{\s*fact:([A-Za-z0-9_.-]+)\s*\}\}")


def insert_figures(markdown: str, render: Callable[[str], str | None], file: str) -> tuple[str, list[Problem]]:
    """Replace each marker by ``render(id)``; ids ``render`` does not know become problems."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        value = render(match.group(1))
        if value is None:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(file, line, column, "", f"unknown figure '{match.group(1)}' (see the ids in content/*.yml)"))
            return match.group(0)
        return value

    return FACT_MARKER.sub(replace, markdown), problems
