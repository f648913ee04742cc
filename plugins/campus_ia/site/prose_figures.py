"""Insert data from ``content/`` into Markdown prose.

Prose never types a number, a source's name or a contact by hand; it names what it wants
and the site writes it out in the page's language:

- ``{{ fact:site-power }}``: a figure's lead value, or a milestone's date;
- ``{{ source:first-tranche }}``: who published a figure's lead report (or a milestone's
  first source), so "selon Le Figaro" follows the data when a correction adds a new lead;
- ``{{ site:contact }}``: who publishes the site and how to reach them; nothing while unset.

An unknown id is a located error.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.problems import Problem

MARKER = re.compile(r"\{\{\s*(fact|source|site):([A-Za-z0-9_.-]+)\s*\}\}")
"""A prose marker: its kind and the id it names."""

FACT_MARKER = re.compile(r"\{\{\s*fact:([A-Za-z0-9_.-]+)\s*\}\}")
"""The figure markers alone (kept for callers that only look for figures)."""

_UNKNOWN = {
    "fact": "unknown figure '{id}' (see the ids in content/*.yml)",
    "source": "unknown figure '{id}' (see the ids in content/*.yml)",
    "site": "unknown site marker '{id}' (known: contact)",
}


def insert_figures(
    markdown: str, render: Callable[[str, str], str | None], file: str
) -> tuple[str, list[Problem]]:
    """Replace each marker by ``render(kind, id)``; markers ``render`` does not know become problems."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        kind, ident = match.group(1), match.group(2)
        value = render(kind, ident)
        if value is None:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(file, line, column, "", _UNKNOWN[kind].format(id=ident)))
            return match.group(0)
        return value

    return MARKER.sub(replace, markdown), problems
