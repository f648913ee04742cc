"""Exact fixes for the YAML mistake people make most in French text: an unquoted ' : '.

French puts a space before a colon (``Notre ambition est simple : ...``). In YAML a plain
value must not contain ': ', so the line is misread. The parser stops at the first such
line; this module finds every one in the file and gives each its corrected line, so one
run lists them all.
"""

from __future__ import annotations

import re

# key: value, where the value is plain (not quoted, not a block or flow) and holds ': ' or ends in ':'.
_PLAIN_WITH_COLON = re.compile(
    r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):\s+(?P<value>[^\s\"'|>{\[&*!#%@`][^#]*?(?::\s|:$).*?)\s*$"
)


def colon_fixes(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, message)`` for every line whose plain value contains a colon followed by a space."""
    fixes = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _PLAIN_WITH_COLON.match(line)
        if not match:
            continue
        value = match.group("value")
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        fixed = f"{match.group('indent')}{match.group('key')}: {quoted}"
        column = match.start("value") + 1
        fixes.append((number, column, f"this text contains ' : ', which YAML reads as a new key; put the whole text "
                                      f"in double quotes: {fixed.strip()}"))
    return fixes
