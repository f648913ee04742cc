"""Translation freshness: does a translated prose page still match the page it was translated from?

A translated page records, in its front matter, the content hash of its source page's
body at the time it was translated::

    ---
    translated_from: sha256:3f2a…
    ---

The page that carries ``translated_from`` is the translation; its counterpart is the
source. French is the source by default (``mark_current`` writes the field into the
English page unless the French page already carries it). When the source's body
changes, its hash no longer matches and the translation is *stale*.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

FIELD = "translated_from"
DEFAULT_SOURCE_LANGUAGE = "fr"
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD_LINE = re.compile(rf"^{FIELD}[ \t]*:[ \t]*[\"']?(?P<value>[^\"'\n]*?)[\"']?[ \t]*$", re.M)


@dataclass(frozen=True)
class PagePair:
    """One prose page in both languages and the state of its translation."""

    page_id: str
    source: str
    """docs-relative path of the page translated from (``fr/a-propos.md``)."""
    translation: str
    """docs-relative path of the translated page (``en/about.md``)."""
    state: str
    """``current``, ``stale`` (the source changed since) or ``untracked`` (no hash recorded)."""

    def describe(self, docs_shown: str = "docs") -> str:
        """One line for ``campus-ia i18n status`` and the build's warning."""
        words = {
            "current": "up to date with",
            "stale": "STALE: translated from an older version of",
            "untracked": "not tracked (no 'translated_from' in its front matter) against",
        }[self.state]
        return f"{docs_shown}/{self.translation}: {words} {docs_shown}/{self.source}"


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter block including its fences, body)``; the block is '' when there is none."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    return match.group(0), text[match.end():]


def body_hash(text: str) -> str:
    """``sha256:<hex>`` of a page's body (front matter left out, line ends and trailing blanks normalised)."""
    body = split_front_matter(text)[1].replace("\r\n", "\n")
    normalised = "\n".join(line.rstrip() for line in body.strip("\n").split("\n"))
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def recorded_hash(text: str) -> str | None:
    """The ``translated_from`` value of a page's front matter, or None."""
    block = split_front_matter(text)[0]
    match = _FIELD_LINE.search(block)
    return match.group("value").strip() if match else None


def pair_state(docs_dir: Path, page_id: str, paths: dict[str, str]) -> PagePair:
    """The state of one page pair; ``paths`` maps language -> docs-relative path."""
    texts = {lang: _read(docs_dir / path) for lang, path in paths.items()}
    translated = [lang for lang, text in texts.items() if recorded_hash(text) is not None]
    if len(translated) == 1:
        target = translated[0]
    else:  # neither (or, wrongly, both) records a hash: French is the source by default
        target = next(lang for lang in paths if lang != DEFAULT_SOURCE_LANGUAGE)
    source = next(lang for lang in paths if lang != target)
    recorded = recorded_hash(texts[target])
    if recorded is None:
        state = "untracked"
    elif recorded == body_hash(texts[source]):
        state = "current"
    else:
        state = "stale"
    return PagePair(page_id, paths[source], paths[target], state)


def mark_current(docs_dir: Path, translation: str, source: str) -> str:
    """Record in ``translation`` the hash of ``source``'s body now; returns the hash written."""
    digest = body_hash(_read(docs_dir / source))
    path = docs_dir / translation
    text = _read(path)
    block, body = split_front_matter(text)
    line = f"{FIELD}: {digest}"
    if not block:
        text = f"---\n{line}\n---\n\n{body}"
    elif _FIELD_LINE.search(block):
        text = _FIELD_LINE.sub(line, block, count=1) + body
    else:
        first_newline = block.index("\n") + 1
        text = block[:first_newline] + line + "\n" + block[first_newline:] + body
    path.write_text(text, encoding="utf-8")
    _forget_source_of(docs_dir / source)
    return digest


def _forget_source_of(path: Path) -> None:
    """Remove ``translated_from`` from the page now named as the source: one page of a pair carries it."""
    text = _read(path)
    block, body = split_front_matter(text)
    if not block or not _FIELD_LINE.search(block):
        return
    block = _FIELD_LINE.sub("", block, count=1).replace("\n\n", "\n")
    if not [line for line in block.splitlines()[1:-1] if line.strip()]:
        block, body = "", body.lstrip("\n")
    path.write_text(block + body, encoding="utf-8")


def stale_pairs(pairs: Iterable[PagePair]) -> list[PagePair]:
    """The pairs whose translation is out of date."""
    return [pair for pair in pairs if pair.state == "stale"]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig") if path.is_file() else ""
