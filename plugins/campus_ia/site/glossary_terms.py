"""Explain the glossary's terms where they first appear on a page (``<abbr title>``).

Material's ``content.tooltips`` feature shows an ``abbr``'s title as a tooltip (on hover,
on keyboard focus, on tap); Python-Markdown's ``abbr`` extension would reach only the
Markdown text, not the HTML our templates write, so the finished content is walked here
instead. Only the first occurrence of each term on a page is marked (a page full of dotted
underlines reads badly), and never inside a link, a heading, code, an SVG or an ``abbr``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

from markupsafe import escape

from ..pages.language import LanguageContext
from ..pages.structure import SitePage

_SKIP = frozenset({"a", "abbr", "code", "pre", "script", "style", "svg", "title", "h1", "h2", "h3",
                   "h4", "h5", "h6", "dfn", "summary", "button", "label", "option", "textarea", "kbd"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class TermNote:
    """A term as a page writes it, and the explanation its tooltip gives."""

    term: str
    explanation: str


class GlossaryNotes:
    """The glossary's terms with their explanations in each language, written out once per build."""

    def __init__(self, languages: Mapping[str, LanguageContext]) -> None:
        self._notes = {lang: term_notes(language) for lang, language in languages.items()}

    def explain(self, page: SitePage, html: str) -> str:
        """A page's content with the glossary's terms explained where they first appear."""
        if page.id == "glossary":  # the page that explains them all
            return html
        return explain_terms(html, self._notes[page.lang])


def term_notes(language: LanguageContext) -> list[TermNote]:
    """Each glossary term in ``language``, with its expansion and definition as one tooltip."""
    lang, typography = language.lang, language.fmt.typography
    return [
        TermNote(t.term[lang], typography(
            f"{t.expansion[lang]}. {t.definition[lang]}" if t.expansion else t.definition[lang]))
        for t in language.content.glossary.terms
    ]


# The markup of a page's content, as Python's HTMLParser splits it (convert_charrefs off):
# comments, declarations, processing instructions, end tags, start tags (whose quoted
# values may hold ">"), and a script or style element whole (its text is never marked).
# Text runs lie between; HTMLParser also splits them at "&", which no term holds. One
# regular expression walks a page in a few milliseconds, HTMLParser's Python loop in tens.
_MARKUP = re.compile(
    r"<!--[\s\S]*?-->"
    r"|<![^>]*>"
    r"|<\?[^>]*>"
    r"|<(?P<raw>script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>[\s\S]*?</(?P=raw)\s*>"
    r"|</(?P<end>[a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>"
    r"|<(?P<start>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE,
)


def _text_runs(html: str) -> Iterator[tuple[int, int, bool]]:
    """Each run of text between tags, in order: (start, end, whether a term in it may be marked)."""
    stack: list[str] = []
    skipped = 0  # open elements of _SKIP on the stack
    position = 0
    for match in _MARKUP.finditer(html):
        if match.start() > position:
            yield position, match.start(), not skipped
        position = match.end()
        if match["end"]:
            tag = match["end"].lower()
            if tag in stack:
                while stack:
                    popped = stack.pop()
                    skipped -= popped in _SKIP
                    if popped == tag:
                        break
        elif match["start"]:
            tag = match["start"].lower()
            if tag in _VOID or match["attrs"].endswith("/"):  # HTMLParser: start then end tag
                continue
            stack.append(tag)
            skipped += tag in _SKIP
    if position < len(html):
        yield position, len(html), not skipped


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``terms``, longest first, as a whole word (not inside a path or a compound)."""
    return re.compile(r"(?<![\w/-])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?![\w/-])")


def _matches(pattern: re.Pattern[str], terms: tuple[str, ...], html: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(html))``, faster: a match starts where a term does, so the
    pattern is tried only where ``str.find`` (a scan in C) finds one, left to right, as
    ``finditer`` would (a match's lookbehind sees the text before it: ``match`` at a position
    is ``finditer``'s own test there)."""
    starts: set[int] = set()
    for term in terms:
        position = html.find(term)
        while position != -1:
            starts.add(position)
            position = html.find(term, position + 1)
    found: list[re.Match[str]] = []
    free = 0  # where the last match ended: finditer does not look inside a match
    for start in sorted(starts):
        if start < free:
            continue
        match = pattern.match(html, start)
        if match is not None:
            found.append(match)
            free = match.end()
    return found


def explain_terms(html: str, notes: list[TermNote]) -> str:
    """``html`` with the first occurrence of each term wrapped in ``<abbr title="...">``."""
    if not notes:
        return html
    pending = {note.term: note for note in notes}
    pattern = _term_pattern(tuple(pending))
    # Every place a term is written, markup included: the walk over the page's tags then
    # stops after the last one that could still be marked, not at the end of the page. (A
    # term holding "<" or ">" could run from text into a tag: looked for run by run instead.)
    if any("<" in term or ">" in term for term in pending):
        found = [match for start, end, _ in _text_runs(html) for match in pattern.finditer(html, start, end)]
    else:
        found = _matches(pattern, tuple(pending), html)
    if not found:  # no term anywhere on the page: nothing to parse for
        return html
    last = {match.group(1): index for index, match in enumerate(found)}
    edits: list[tuple[int, int, str]] = []
    index, needed = 0, max(last.values())
    for start, end, may_mark in _text_runs(html):
        while index < len(found) and found[index].start() < start:
            index += 1  # inside a tag
        if index > needed:
            break
        while index < len(found) and found[index].start() < end:
            match = found[index]
            index += 1
            note = pending.pop(match.group(1), None) if may_mark else None
            if note is not None:
                edits.append((match.start(), match.end(),
                              f'<abbr title="{escape(note.explanation)}">{match.group(1)}</abbr>'))
                needed = max((last[term] for term in pending if term in last), default=-1)
    for start, end, replacement in reversed(edits):
        html = html[:start] + replacement + html[end:]
    return html
