"""No English label reaches a French reader: pages, the French CSV, calendar and feed.

What counts as English is derived, not listed: every interface string of the
catalogs whose French translation differs (the English msgid, or its literal parts
around placeholders), and the English nouns of the content's count units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from campus_ia.content import Content
from campus_ia.exports import CSV_COLUMNS
from campus_ia.formatting.units import UNITS
from tests.french.site_texts import calendar_texts, csv_texts, feed_texts, french_html_files, html_texts
from tests.support import REPO_ROOT

_PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u2019", "'")).strip()


def english_labels(content: Content) -> tuple[set[str], set[str]]:
    """(whole labels, phrases): English interface text whose French differs."""
    whole, phrases = set(), set()
    for po in sorted((REPO_ROOT / "locales" / "fr" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id or not isinstance(message.id, str) or not isinstance(message.string, str):
                continue
            english, french = _plain(message.id), _plain(message.string)
            if not french or english == french:
                continue
            for part in _PLACEHOLDER.split(english):
                part = part.strip(" .,;:()–—·")
                if not re.search(r"[A-Za-z]{3}", part) or part in french:
                    continue
                (phrases if " " in part and len(part) >= 10 else whole).add(part)
    for figure in content.figures.values():
        unit = UNITS.get(figure.unit)
        if unit is not None and unit.kind == "count":
            for english in unit.words["en"].values():
                if english not in unit.words["fr"].values():
                    phrases.add(english) if " " in english else whole.add(english)
    return whole, phrases


def english_found(texts: Iterable[str], whole: set[str], phrases: set[str]) -> set[str]:
    found = set()
    pattern = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, phrases), key=len, reverse=True)) + r")(?![\w'])")
    words = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, whole), key=len, reverse=True)) + r")(?![\w'])")
    for text in texts:
        plain = _plain(text)
        found.update(f"{m.group(1)!r} in {plain[:90]!r}" for m in pattern.finditer(plain))
        # A one-word label is English only where it stands alone as the whole text.
        stripped = plain.strip(" .,;:()–—·")
        if stripped in whole or (stripped and words.fullmatch(stripped)):
            found.add(f"{stripped!r}")
    return found


@pytest.fixture(scope="module")
def labels(shipped_content: Content) -> tuple[set[str], set[str]]:
    whole, phrases = english_labels(shipped_content)
    assert len(whole) + len(phrases) > 50  # the catalogs were read
    return whole, phrases


def test_no_english_label_on_french_pages(built_site: Path, labels) -> None:
    problems = []
    for path in french_html_files(built_site):
        for found in english_found(html_texts(path.read_text(encoding="utf-8")), *labels):
            problems.append(f"{path.relative_to(built_site).as_posix()}: {found}")
    assert not problems, "English on French pages:\n" + "\n".join(sorted(problems)[:60])


def test_no_english_label_in_french_downloads(built_site: Path, labels) -> None:
    texts = {
        "facts.fr.csv": csv_texts((built_site / "data" / "facts.fr.csv").read_bytes(), [k for k, _ in CSV_COLUMNS]),
        "timeline.fr.ics": calendar_texts((built_site / "data" / "timeline.fr.ics").read_bytes()),
        "fr/feed.xml": feed_texts((built_site / "fr" / "feed.xml").read_bytes()),
    }
    problems = [f"{name}: {found}" for name, found_in in texts.items() for found in english_found(found_in, *labels)]
    assert not problems, "English in French downloads:\n" + "\n".join(sorted(problems)[:60])


def test_the_derived_labels_catch_english(shipped_content: Content) -> None:
    # The check itself: an English status label and footer line are found, their French is not.
    whole, phrases = english_labels(shipped_content)
    assert english_found(["Official"], whole, phrases)
    assert english_found(["Accessibility: partially compliant"], whole, phrases)
    assert not english_found(["Officiel", "Accessibilité : partiellement conforme"], whole, phrases)
