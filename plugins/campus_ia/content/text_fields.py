"""Text fields of the content: one line of printable text, or a longer printable text.

Text from ``content/`` goes into HTML, a calendar's NAME, a feed's title, a CSV cell and
a page's ``<title>``. Control characters (a ``"\\v"`` or ``"\\x1b"`` typed as a YAML escape)
are refused in every text: XML cannot carry them, terminals and spreadsheets act on
them. Titles, labels and names are also refused line breaks, which would split them
wherever they are written on one line.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

# Characters no text field may hold: C0 and C1 controls and DEL (a "\v" or "\x1b" typed as a
# YAML escape), which XML cannot carry and terminals and spreadsheets interpret.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A line break of any kind: titles, labels and names are written on one line in every
# output (a page's <title>, a calendar's NAME, a feed's title), where a break would split them.
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")


def _describe(char: str) -> str:
    return {"\n": "a line break", "\r": "a carriage return (line break)", "\t": "a tab",
            "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)"}.get(
        char, f"a control character (U+{ord(char):04X})")


def _check_text(value: str) -> str:
    found = _CONTROL.search(value)  # \n is a line break and stays; \r alone is a control character here
    if found:
        raise PydanticCustomError(
            "campus_control", "the text holds {what} at character {at}; text fields take printable text only, "
            "delete it (in a quoted YAML value, look for a backslash escape such as \\v)",
            {"what": _describe(found.group()), "at": found.start() + 1},
        )
    return value


def _check_line(value: str) -> str:
    found = _LINE_BREAK.search(value)
    if found is None:
        return _check_text(value)
    raise PydanticCustomError(
        "campus_line", "the text holds {what} at character {at}; this field is one line (a title, a label, "
        "a name): remove it", {"what": _describe(found.group()), "at": found.start() + 1},
    )


Line = Annotated[str, Field(min_length=1), AfterValidator(_check_line)]
"""One line of printable text: titles, labels, names, short descriptions."""
Text = Annotated[str, Field(min_length=1), AfterValidator(_check_text)]
"""Printable text that may run over several lines (summaries, quotes); no control characters."""
