"""French typography over a finished HTML document: every French text node, nothing else.

The page templates, Material's theme, the Markdown converter and the editors'
prose all end up in one HTML document; applying the rule set there, once, is the
only way no French text escapes it (titles, navigation, footer, tables...).

Which text is French follows the document's own ``lang`` attributes: an English
quotation (``<blockquote lang="en">``) on a French page, or the English half of
the language chooser, stays as it is. Text inside ``script``, ``style``, ``code``,
``pre``, ``kbd``, ``samp`` and ``textarea`` is never touched, nor are attributes
other than the few that a reader sees or hears (``title``, ``alt``,
``aria-label``, ``placeholder``, and ``content`` of description meta tags).
"""

from __future__ import annotations

import re
from typing import Callable

from .typography import APOSTROPHE, french_typography

_RAW_TEXT = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements that do not break a line of text: "<a>…</a>; <a>…</a>" is one sentence,
# and the ";" after the link needs the space that a ";" after a word gets.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small", "span",
     "strong", "sub", "sup", "time", "u"}
)
_TEXT_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "aria-description", "placeholder"})
_TEXT_META = frozenset(
    {"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title",
     "twitter:description", "twitter:image:alt"}
)

_ELISION_BEFORE_TAG = re.compile(r"[^\W\d_]('|&#0*39;|&#[xX]0*27;|&apos;)$")
_TEXT_ATTRIBUTE_HINT = re.compile(r"(?:title|alt|aria-label|aria-description|placeholder|content)\s*=", re.IGNORECASE)

_MARKUP = re.compile(
    r"<!--[\s\S]*?-->"  # comments
    r"|<![^>]*>"  # doctype
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>"
)
# Tags with nothing but white space between them (most of a page: navigation, header,
# footer) make one run; the walk takes a run in one step when it has seen it in that state.
_UNIT = re.sub(r"\(\?P<\w+>", "(?:", _MARKUP.pattern)
_RUN = re.compile(f"(?:{_UNIT})(?:[ \\t\\r\\n]*(?:{_UNIT}))*")
# Wherever an element may declare French (lang="fr", xml:lang='FR-fr'...), and more
# (hreflang="fr"): where nothing matches, nothing is French.
_MAY_DECLARE_FRENCH = re.compile(rb"lang\s*=\s*[\"']?\s*fr")  # in UTF-8, ASCII lower-cased
_ATTRIBUTE = re.compile(
    r"(?P<name>[^\s=/>\"']+)(?:(?P<eq>\s*=\s*)(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>\"']+)))?"
)


# The walk below is a pure function of (state, text before a tag, the tag): a state is the
# base language, the open elements and the last French character. Pages of one site share
# most of that (header, navigation, footer: about nine tenths of a page), so each step is
# kept and a page mostly costs dictionary look-ups; a site of hundreds of pages paid
# seconds re-doing the same steps. The steps depend on nothing else (``text`` is the
# default rule set), so what is kept never goes stale; it is emptied when it grows large.
# (base language, open elements as (name, language, raw text), language, raw text, last French character)
_State = tuple[str, tuple[tuple[str, str, bool], ...], str, bool, str]
_STATE_IDS: dict[_State, int] = {}
_STATES: list[_State] = []
_FRENCH_WITHIN: list[bool] = []  # by state: French text now, or inside a French element
_STEPS: dict[tuple[int, str, str], tuple[str, int]] = {}
_RUNS: dict[tuple[int, str], tuple[str, int]] = {}  # a run after a page's own text, by the state after it
_TEXTS: dict[tuple[int, str], tuple[str, int]] = {}  # a page's own text (a name, a title, recurs)
_LAST_CHARACTER: dict[tuple[int, str], int] = {}  # a state, and the same state after some text
_MAX_STEPS = 400_000


def french_html(html: str, lang: str = "fr", text: Callable[[str], str] = french_typography) -> str:
    """``html`` with ``text`` applied to every text node and text attribute whose language is French.

    ``lang`` is the language of text outside any element that declares one (the
    ``<html lang>`` of a full page declares its own).
    """
    if "<" not in html:  # one text node (a search entry's text, a title)
        return text(html) if html and lang == "fr" else html
    state: _State = (lang, (), lang, False, "")
    if text is not french_typography:  # another rule set (tests): nothing kept
        out: list[str] = []
        position = 0
        for match in _MARKUP.finditer(html):
            piece, state = _step(state, html[position:match.start()], match, text)
            out.append(piece)
            position = match.end()
        out.append(_french_text(state, html[position:], text)[0])
        return "".join(out)
    if len(_STEPS) + len(_RUNS) + len(_TEXTS) > _MAX_STEPS:
        _STEPS.clear()
        _RUNS.clear()
        _TEXTS.clear()
        _LAST_CHARACTER.clear()
        _STATE_IDS.clear()
        _STATES.clear()
        _FRENCH_WITHIN.clear()
    steps, runs, texts, state_id = _STEPS, _RUNS, _TEXTS, _state_id(state)
    # On a page in another language, French text is only inside an element that declares
    # it: past the last place that may declare it, and outside every French element, the
    # rest of the page is left as it is without walking it.
    # (Looked for in the UTF-8 bytes, ASCII letters lowered: a regular expression ignoring
    # case scans slowly. No other character lowers to a letter of "lang" or "fr", and a
    # byte offset is never before its character's, so the place found is never too early.)
    last_french = len(html) if lang == "fr" else max(
        (m.start() for m in _MAY_DECLARE_FRENCH.finditer(html.encode("utf-8", "surrogatepass").lower())), default=-1)
    out = []
    position = 0
    for run in _RUN.finditer(html):
        if position > last_french and not _FRENCH_WITHIN[state_id]:
            out.append(html[position:])
            return "".join(out)
        segment = html[position:run.start()]
        position = run.end()
        if not segment or segment.isspace():  # the chrome's runs: the same on many pages
            key = (state_id, segment, run[0])
            kept = steps.get(key)
            if kept is None:
                kept = steps[key] = _run_step(state_id, segment, key[2], text)
            out.append(kept[0])
            state_id = kept[1]
            continue
        # A page's own text: rewritten once, then the run after it, kept apart from it
        # (the runs after text, "</strong>", "</p>\n<p>", recur; text and run together do not).
        current = _STATES[state_id]
        if current[2] != "fr" or current[3]:  # not French, or code: the text stays as it is
            done = (segment, _last_character(state_id, ""))
        else:
            text_key = (state_id, segment)
            done = texts.get(text_key)
            if done is None:
                written = _french_text(current, segment, text)[0]
                done = texts[text_key] = (written, _last_character(state_id, written[-1]))
        if done[0].endswith(("'", ";")):  # the tag after may change the text (an elision)
            piece, state_id = _run_step(state_id, segment, run[0], text)
            out.append(piece)
            continue
        out.append(done[0])
        key2 = (done[1], run[0])
        kept = runs.get(key2)
        if kept is None:
            kept = runs[key2] = _run_step(key2[0], None, key2[1], text)
        out.append(kept[0])
        state_id = kept[1]
    out.append(_french_text(_STATES[state_id], html[position:], text)[0])
    return "".join(out)


def _run_step(state_id: int, segment: str | None, run: str, text: Callable[[str], str]) -> tuple[str, int]:
    """The text before a run of tags and the run, tag by tag (each step kept), and the state after.

    ``segment`` None: the text before the run is already rewritten, and ``state_id`` is the
    state after it.
    """
    steps, pieces = _STEPS, []
    position = 0
    for match in _MARKUP.finditer(run):
        if position == 0 and segment is None:
            piece, after = _tag(_STATES[state_id], "", match, text)
            pieces.append(piece)
            state_id = _state_id(after)
            position = match.end()
            continue
        before = (segment or "") if position == 0 else run[position:match.start()]
        key = (state_id, before, match[0])
        kept = steps.get(key)
        if kept is None:
            piece, after = _step(_STATES[state_id], before, match, text)
            kept = steps[key] = (piece, _state_id(after))
        pieces.append(kept[0])
        state_id = kept[1]
        position = match.end()
    return "".join(pieces), state_id


def _last_character(state_id: int, character: str) -> int:
    """The state ``state_id`` with ``character`` as its last French character (what text leaves)."""
    key = (state_id, character)
    found = _LAST_CHARACTER.get(key)
    if found is None:
        lang, stack, current, raw, _before = _STATES[state_id]
        found = _LAST_CHARACTER[key] = _state_id((lang, stack, current, raw, character))
    return found


def _state_id(state: _State) -> int:
    found = _STATE_IDS.get(state)
    if found is None:
        found = _STATE_IDS[state] = len(_STATES)
        _STATES.append(state)
        _FRENCH_WITHIN.append(state[2] == "fr" or any(element[1] == "fr" for element in state[1]))
    return found


def _french_text(state: _State, segment: str, text: Callable[[str], str]) -> tuple[str, _State]:
    """One text node in ``state``, and the state after it (its last French character)."""
    lang, stack, current, raw, before = state
    if not segment or current != "fr" or raw:
        return segment, (lang, stack, current, raw, "")
    # The rules look at the character before a mark ("word;" vs "(;"): give them
    # the one that ends the previous text node when an inline tag sits between.
    context = before if before.isalnum() or before in ")]»’.…" else ""
    result = text(context + segment)[len(context):]
    return result, (lang, stack, current, raw, result[-1])


def _step(state: _State, segment: str, match: re.Match[str], text: Callable[[str], str]) -> tuple[str, _State]:
    """The text before a tag and the tag itself, rewritten, and the state after them."""
    written, state = _french_text(state, segment, text)
    return _tag(state, written, match, text)


def _tag(state: _State, written: str, match: re.Match[str], text: Callable[[str], str]) -> tuple[str, _State]:
    """A tag after its text (``written``, already rewritten), and the state after it."""
    lang, stack, current, raw, before = state
    name = (match["name"] or "").lower()
    if name in _INLINE and not match["close"] and before in ("'", ";") and current == "fr" and not raw:
        # "d'<a>électricité</a>": an elision whose word is inside the link.
        elided = _ELISION_BEFORE_TAG.search(written)
        if elided:
            written = written[:elided.start(1)] + APOSTROPHE
            before = APOSTROPHE
    if name not in _INLINE:
        before = ""
    if not name:  # comment or doctype
        return written + match[0], (lang, stack, current, raw, before)
    if match["close"]:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                stack = stack[:depth]
                break
        current, raw = (stack[-1][1], stack[-1][2]) if stack else (lang, False)
        return written + match[0], (lang, stack, current, raw, before)
    attrs = match["attrs"] or ""
    declared = _declared_lang(attrs)
    element_lang = declared if declared is not None else current
    if element_lang == "fr" and not raw:
        written += f"<{match['name']}{_french_attributes(name, attrs, text)}>"
    else:
        written += match[0]
    if name in _VOID or attrs.rstrip().endswith("/"):
        return written, (lang, stack, current, raw, before)
    current, raw = element_lang, raw or name in _RAW_TEXT
    return written, (lang, (*stack, (name, current, raw)), current, raw, before)


def _declared_lang(attrs: str) -> str | None:
    if "lang" not in attrs:  # most tags: no need to parse their attributes
        return None
    for attribute in _ATTRIBUTE.finditer(attrs):
        if attribute["name"].lower() in ("lang", "xml:lang") and attribute["eq"]:
            value = attribute["dq"] if attribute["dq"] is not None else attribute["sq"] or attribute["bare"] or ""
            return value.split("-")[0].lower()
    return None


def _french_attributes(element: str, attrs: str, text: Callable[[str], str]) -> str:
    if not _TEXT_ATTRIBUTE_HINT.search(attrs):
        return attrs
    names = {a["name"].lower(): a for a in _ATTRIBUTE.finditer(attrs)}
    wanted = set(_TEXT_ATTRIBUTES)
    if element == "meta":
        kind = names.get("name") or names.get("property")
        if kind is not None and (kind["dq"] or kind["sq"] or kind["bare"] or "").lower() in _TEXT_META:
            wanted.add("content")

    def replace(attribute: re.Match[str]) -> str:
        if attribute["name"].lower() not in wanted or not attribute["eq"]:
            return attribute[0]
        if attribute["dq"] is not None:
            return f'{attribute["name"]}{attribute["eq"]}"{text(attribute["dq"])}"'
        if attribute["sq"] is not None:
            return f"{attribute['name']}{attribute['eq']}'{text(attribute['sq'])}'"
        return attribute[0]  # an unquoted value has no spaces or punctuation to fix

    return _ATTRIBUTE.sub(replace, attrs)
