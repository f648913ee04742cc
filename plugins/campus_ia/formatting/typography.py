"""French spacing around high punctuation and guillemets, for prose from the YAML.

Editors type ordinary spaces (or none); the rules want a narrow no-break
space (U+202F) before ; ! ? » and after «, and a no-break space (U+00A0)
before ":". Markup, URLs and code are left exactly as written.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"
NBSP = "\u00a0"

# Spaces an editor (or a previous pass) may have put there; never a line break,
# which would mean the punctuation deliberately starts a line.
_H_SPACE = r"[^\S\r\n]"

_PROTECTED = (
    r"(?P<protected>"
    r"(?P<ticks>`+)[\s\S]*?(?P=ticks)"  # inline code and fenced blocks
    r"|<[^<>]*>"  # HTML tags, attributes included
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # entities
    # URLs stop before sentence punctuation that is followed by a space, so
    # "voir https://a.fr; puis" still gets its space before ";".
    r"|(?:https?://|mailto:)[^\s<>\"]+?(?=[.,;:!?]*(?:\s|$|[<\"]))"
    r")"
)
_HIGH = (
    rf"(?P<space>{_H_SPACE}*)(?P<punct>[;!?:])"
    # Only sentence punctuation: followed by a space, the end, or closing
    # characters. This spares 10:30, "a?b", "std::x" and Markdown's "![image]".
    r"(?=$|[\s»)\]\"'’*_<!?.,…])"
)
_OPEN = rf"(?P<open>«){_H_SPACE}*(?=[^\s])"
_CLOSE = rf"(?P<close_space>{_H_SPACE}*)(?P<close>»)"

_TOKEN = re.compile(f"{_PROTECTED}|{_OPEN}|{_CLOSE}|{_HIGH}")

_ENTITY_BEFORE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
# A space written as an entity already does the job: keep the author's choice.
_SPACE_ENTITIES = frozenset(
    {"&nbsp;", "&thinsp;", "&ensp;", "&emsp;", "&#160;", "&#8201;", "&#8239;", "&#xa0;", "&#x2009;", "&#x202f;"}
)
_NO_SPACE_AFTER = frozenset("([{«\"'’\n\r\t \u00a0\u202f;!?:")


def french_typography(text: str) -> str:
    """Apply French spacing to ``text``; running it twice changes nothing."""
    if not text:
        return text

    def replace(match: re.Match[str]) -> str:
        if match["protected"] is not None:
            return match[0]
        if match["open"] is not None:
            return "«" + NNBSP
        if match["close"] is not None:
            return _spaced(text, match.start(), match["close_space"], "»", NNBSP)
        punct = match["punct"]
        return _spaced(text, match.start(), match["space"], punct, NBSP if punct == ":" else NNBSP)

    return _TOKEN.sub(replace, text)


def _spaced(text: str, start: int, space: str, mark: str, wanted: str) -> str:
    before = text[start - 1] if start else ""
    if not before or before in "\n\r":
        # Nothing to attach to: the mark opens the text or a line.
        return space + mark
    if not space:
        entity = _ENTITY_BEFORE.search(text, max(0, start - 32), start)
        if entity:
            # "&eacute;?" needs a space, "&nbsp;?" already has one.
            return mark if entity[0].lower() in _SPACE_ENTITIES else wanted + mark
        if before in _NO_SPACE_AFTER:
            # "?!" keeps its marks together; "(?)" and "«\u202f?" need no extra space.
            return mark
    return wanted + mark
