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
from html.parser import HTMLParser
from typing import Mapping

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


class _Splitter(HTMLParser):
    """Records where each text run is, and whether it lies inside an element we leave alone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.runs: list[tuple[int, int, bool]] = []  # (start, end, may_mark) in the source
        self._lines: list[int] = []

    def feed_source(self, html: str) -> None:
        offsets, total = [], 0
        for line in html.splitlines(keepends=True):
            offsets.append(total)
            total += len(line)
        self._lines = offsets or [0]
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.runs.append((start, start + len(data), not any(t in _SKIP for t in self.stack)))


def explain_terms(html: str, notes: list[TermNote]) -> str:
    """``html`` with the first occurrence of each term wrapped in ``<abbr title="...">``."""
    if not notes:
        return html
    pending = {note.term: note for note in notes}
    pattern = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(t) for t in sorted(pending, key=len, reverse=True)) + r")(?![\w/-])")
    if not pattern.search(html):  # no term anywhere on the page: nothing to parse for
        return html
    splitter = _Splitter()
    splitter.feed_source(html)
    edits: list[tuple[int, int, str]] = []
    for start, end, may_mark in splitter.runs:
        if not may_mark or not pending:
            continue
        for match in pattern.finditer(html, start, end):
            note = pending.pop(match.group(1), None)
            if note is not None:
                edits.append((match.start(), match.end(),
                              f'<abbr title="{escape(note.explanation)}">{match.group(1)}</abbr>'))
    for start, end, replacement in reversed(edits):
        html = html[:start] + replacement + html[end:]
    return html
