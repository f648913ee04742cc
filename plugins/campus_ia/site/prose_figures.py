"""Insert data from ``content/`` into Markdown prose.

Prose never types a number, a source's name or a contact by hand; it names what it wants
and the site writes it out in the page's language:

- ``{{ fact:site-power }}``: a figure's lead value, or a milestone's date;
- ``{{ source:first-tranche }}``: who published a figure's lead report (or a milestone's
  first source), so "selon Le Figaro" follows the data when a correction adds a new lead;
- ``{{ site:contact }}``: who publishes the site and how to reach them; nothing while unset.

An unknown id is a located error.

What a figure or source marker inserts is text: a figure written in words may hold
``[x](...)`` or ``<b>``, which must read as typed here, as on the facts page, so it is
escaped for Markdown and HTML alike. A marker typed almost right
(``{{ fact: site-power }}``, ``{{ fact:site-power }``) is a located error rather than
literal braces published in the page.
"""

from __future__ import annotations

import re
from typing import Callable

from ..content.problems import Problem, line_column
from ..pages.environment import markdown_safe

MARKER = re.compile(r"\{\{\s*(fact|source|site):([A-Za-z0-9_.-]+)\s*\}\}")
"""A prose marker: its kind and the id it names."""

FACT_MARKER = re.compile(r"\{\{\s*fact:([A-Za-z0-9_.-]+)\s*\}\}")
"""The figure markers alone (kept for callers that only look for figures)."""

MARKER_START = re.compile(r"\{\{\s*(?:fact|source|site)\b", re.IGNORECASE)
"""Anything that starts like a marker; each must then be a whole, well-formed marker."""

_UNKNOWN = {
    "fact": "unknown figure '{id}' (see the ids in content/*.yml)",
    "source": "unknown figure '{id}' (see the ids in content/*.yml)",
    "site": "unknown site marker '{id}' (known: contact, key-figures, timeline-strip, locator-map, publisher)",
}


def insert_figures(
    markdown: str, render: Callable[[str, str], str | None], file: str
) -> tuple[str, list[Problem]]:
    """Replace each marker by ``render(kind, id)``, escaped; unknown ids and malformed markers become problems.

    ``site:`` markers are written by the site itself as Markdown whose own text is already
    escaped (a ``mailto:`` link), so only figure and source text is escaped here.
    """
    problems: list[Problem] = []

    def located(index: int, message: str) -> Problem:
        line, column = line_column(markdown, index)
        return Problem(file, line, column, "", message)

    for start in MARKER_START.finditer(markdown):
        if not MARKER.match(markdown, start.start()):
            typed = re.match(r"\{\{[^\n}]{0,60}\}*", markdown[start.start():]).group(0)  # type: ignore[union-attr]
            problems.append(located(start.start(), f"'{typed}' is not a complete figure marker; write it as "
                                    "{{ fact:site-power }} (no space after 'fact:', closed by two braces)"))

    def replace(match: re.Match[str]) -> str:
        kind, ident = match.group(1), match.group(2)
        value = render(kind, ident)
        if value is None:
            problems.append(located(match.start(), _UNKNOWN[kind].format(id=ident)))
            return match.group(0)
        return value if kind == "site" else str(markdown_safe(value))

    return MARKER.sub(replace, markdown), problems
