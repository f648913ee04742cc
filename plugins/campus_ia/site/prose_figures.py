"""Insert figures from ``content/`` into Markdown prose: ``{{ fact:site-power }}``.

Prose never types a number by hand; it names the figure and the site writes it out
in the page's language. What is inserted is text: a figure written in words may hold
``[x](...)`` or ``<b>``, which must read as typed here, as on the facts page, so it is
escaped for Markdown and HTML alike. An unknown id, or a marker typed almost right
(``{{ fact: site-power }}``, ``{{ fact:site-power }``), is a located error rather than
literal braces published in the page.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.problems import Problem
from ..pages.environment import markdown_safe

FACT_MARKER = re.compile(r"\{\{\s*fact:([A-Za-z0-9_.-]+)\s*\}\}")
MARKER_START = re.compile(r"\{\{\s*fact\b", re.IGNORECASE)
"""Anything that starts like a marker; each must then be a whole, well-formed marker."""


def insert_figures(markdown: str, render: Callable[[str], str | None], file: str) -> tuple[str, list[Problem]]:
    """Replace each marker by ``render(id)``, escaped; unknown ids and malformed markers become problems."""
    problems: list[Problem] = []

    def located(index: int, message: str) -> Problem:
        line = markdown.count("\n", 0, index) + 1
        column = index - (markdown.rfind("\n", 0, index) + 1) + 1
        return Problem(file, line, column, "", message)

    for start in MARKER_START.finditer(markdown):
        if not FACT_MARKER.match(markdown, start.start()):
            typed = re.match(r"\{\{[^\n}]{0,60}\}*", markdown[start.start():]).group(0)  # type: ignore[union-attr]
            problems.append(located(start.start(), f"'{typed}' is not a complete figure marker; write it as "
                                    "{{ fact:site-power }} (no space after 'fact:', closed by two braces)"))

    def replace(match: re.Match[str]) -> str:
        value = render(match.group(1))
        if value is None:
            problems.append(located(match.start(), f"unknown figure '{match.group(1)}' (see the ids in content/*.yml)"))
            return match.group(0)
        return str(markdown_safe(value))

    return FACT_MARKER.sub(replace, markdown), problems
