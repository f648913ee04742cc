"""What a French reader would flag in a text: written independently of the rule set it checks.

Each check returns the offending excerpts; an empty list means the text follows
French typography: no-break (U+00A0) or narrow no-break (U+202F) space before
; : ! ? and inside « », narrow no-break space between digit groups, typographic
apostrophe, decimal comma in quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NO_BREAK = "\u00a0\u202f"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("straight apostrophe", re.compile(r"'")),
    # High punctuation ending a clause (followed by a space or the end of the text)
    # must follow a no-break space, not a letter or an ordinary space.
    ("no no-break space before ; ! ?", re.compile(rf"(?:[^\s{NO_BREAK};!?(«]|[ \t])[;!?](?=\s|$)")),
    ("no no-break space before :", re.compile(rf"(?:[^\s{NO_BREAK}]|[ \t]):(?=\s|$)")),
    ("no no-break space after «", re.compile(rf"«(?![{NO_BREAK}])")),
    ("no no-break space before »", re.compile(rf"(?<![{NO_BREAK}])»")),
    ("digit groups without a narrow no-break space", re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)")),
)


def violations(text: str, units: Iterable[str] = ()) -> list[str]:
    """Every breach of the rules in ``text``, as "rule: …excerpt…"; ``units`` adds the decimal-point rule."""
    found = []
    for rule, pattern in _RULES:
        for match in pattern.finditer(text):
            found.append(f"{rule}: {_excerpt(text, match.start(), match.end())!r}")
    symbols = sorted({u for u in units if u}, key=len, reverse=True)
    if symbols:
        decimal = re.compile(
            rf"(?<![\w.])\d+\.\d+[ {NO_BREAK}]?(?:{'|'.join(map(re.escape, symbols))})(?!\w)"
        )
        for match in decimal.finditer(text):
            found.append(f"decimal point in a quantity: {_excerpt(text, match.start(), match.end())!r}")
    return found


def _excerpt(text: str, start: int, end: int) -> str:
    return text[max(0, start - 25):end + 25]
