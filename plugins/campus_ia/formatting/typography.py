"""French typography for any French text the site publishes (pages, CSV, JSON, ICS, Atom).

Editors type ordinary spaces and straight apostrophes; a French reader expects:

- a narrow no-break space (U+202F) before ; ! ? » and after «, a no-break space
  (U+00A0) before ":";
- the typographic apostrophe ’ (``l’énergie``, ``8,5 milliards d’euros``);
- a narrow no-break space between digit groups (``1 400 MW``);
- a decimal comma in a quantity (``8,5 GW``, never ``8.5 GW``).

One rule set, :func:`french_typography`, serves every output; it works on plain
text and on Markdown or HTML source alike, and leaves markup, URLs, entities,
code, times (``20:30``), ISO dates and version numbers (``WCAG 2.1``) exactly as
written. Running it twice changes nothing.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"
NBSP = "\u00a0"
APOSTROPHE = "\u2019"

# Spaces an editor (or a previous pass) may have put there; never a line break,
# which would mean the punctuation deliberately starts a line.
_H_SPACE = r"[^\S\r\n]"

# Letters only (any script): [^\W\d_] is \w without digits and "_".
_LETTER = r"[^\W\d_]"

_APOSTROPHE = (
    # A straight apostrophe (or its HTML entity, as Jinja escapes it) between a
    # letter and a letter or digit is an elision or part of a word: l'IA, d'1,4 GW,
    # aujourd'hui. A quote mark opening or closing a phrase is not touched.
    rf"(?<={_LETTER})(?P<apostrophe>'|&#0*39;|&#[xX]0*27;|&apos;)(?=[^\W_])"
)
_PROTECTED = (
    r"(?P<protected>"
    r"(?P<ticks>`+)[\s\S]*?(?P=ticks)"  # inline code and fenced blocks
    r"|<[^<>]*>"  # HTML tags, attributes included
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # entities
    # URLs stop before sentence punctuation that is followed by a space, so
    # "voir https://a.fr; puis" still gets its space before ";".
    r"|(?:https?://|mailto:|www\.)[^\s<>\"]+?(?=[.,;:!?]*(?:\s|$|[<\"]))"
    # E-mail addresses (_EMAIL) and dotted names (campus-ia.fr, 1.2.3) are not numbers.
    r"{email}"
    r"|\d+(?:\.\d+){2,}"
    r")"
)
_EMAIL = r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Digit groups: "1 400" or "7 500 000" typed with ordinary (or no-break) spaces.
# The first group has 1 to 3 digits and no digit before it, so "en 2026 240 MW"
# (a year, then a number) is left alone.
_GROUPS = r"(?<![\d.,\u202f\u00a0])(?P<groups>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?![\d])(?!\.\d)"
# A decimal point in a quantity (a number followed by a unit, a magnitude or %).
# Version numbers ("WCAG 2.1", "Licence Ouverte 2.0") have no unit and keep their point.
_QUANTITY_WORDS = (
    r"%|€|\$|[kMGT]?Wh?\b|[kMGTPE]?FLOP|milliards?\b|millions?\b|mds?\b|Md€|M€|k€"
    r"|euros?\b|dollars?\b|ha\b|km\b|kt\b|fois\b|GPU|accélérateurs?\b|emplois?\b"
)
_DECIMAL = (
    rf"(?<![\w.,\u202f\u00a0])(?P<int>\d+)\.(?P<frac>\d+)(?![\w.])"
    rf"(?=[ \u00a0\u202f]?(?:{_QUANTITY_WORDS}))"
)
_HIGH = (
    rf"(?P<space>{_H_SPACE}*)(?P<punct>[;!?:])"
    # Only sentence punctuation: followed by a space, the end, or closing
    # characters. This spares 10:30, "a?b", "std::x" and Markdown's "![image]".
    r"(?=$|[\s»)\]\"'’*_<!?.,…])"
)
_OPEN = rf"(?P<open>«){_H_SPACE}*(?=[^\s])"
_CLOSE = rf"(?P<close_space>{_H_SPACE}*)(?P<close>»)"

_TOKENS = f"{_APOSTROPHE}|{_PROTECTED}|{_GROUPS}|{_DECIMAL}|{_OPEN}|{_CLOSE}|{_HIGH}"
_TOKEN = re.compile(_TOKENS.replace("{email}", _EMAIL))
# The same without the e-mail alternative, for text with no "@" (nearly all): that
# alternative starts at every letter and runs to the end of its word before failing.
# Without it, every token starts with one of a few characters, or with spaces before
# "»;!?:": checking that first spares the other positions (most letters) the eleven
# alternatives, which makes the rules three times faster. It only ever says no where
# every alternative would.
_TOKEN_START = r"(?=['&`<hmw\d«»;!?:]|[^\S\r\n]+[»;!?:])"
_TOKEN_WITHOUT_EMAIL = re.compile(f"{_TOKEN_START}(?:{_TOKENS.replace('{email}', '')})")
_GROUP_SPACE = re.compile(r"[ \u00a0]")
# Most text has nothing for the rules to do: finding that out is the common case.
_WORK = re.compile(r"[';:!?«»]|&#0*39;|&#[xX]0*27;|&apos;|\d[ \u00a0\u202f.]\d")

_ENTITY_BEFORE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
# A space written as an entity already does the job: keep the author's choice.
_SPACE_ENTITIES = frozenset(
    {"&nbsp;", "&thinsp;", "&ensp;", "&emsp;", "&#160;", "&#8201;", "&#8239;", "&#xa0;", "&#x2009;", "&#x202f;"}
)
_NO_SPACE_AFTER = frozenset("([{«\"'’\n\r\t \u00a0\u202f;!?:")


def french_typography(text: str) -> str:
    """Apply the French rules to ``text`` (plain text, Markdown or HTML); idempotent."""
    if not text or not _WORK.search(text):
        return text

    def replace(match: re.Match[str]) -> str:
        if match["apostrophe"] is not None:
            return APOSTROPHE
        if match["protected"] is not None:
            return match[0]
        if match["groups"] is not None:
            return _GROUP_SPACE.sub(NNBSP, match["groups"])
        if match["int"] is not None:
            return f"{match['int']},{match['frac']}"
        if match["open"] is not None:
            return "«" + NNBSP
        if match["close"] is not None:
            return _spaced(text, match.start(), match["close_space"], "»", NNBSP)
        punct = match["punct"]
        return _spaced(text, match.start(), match["space"], punct, NBSP if punct == ":" else NNBSP)

    return (_TOKEN if "@" in text else _TOKEN_WITHOUT_EMAIL).sub(replace, text)


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
