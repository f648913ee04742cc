"""Search in a real browser: French words after an elision are found; English still works.

Which pages hold each word is read from the built search index, so the test asks
the site for what its content holds: every such page must be found, at least three
when the content has the word on three pages or more. Each French word must occur
after an elided article or pronoun (d', l', qu'...), the case the separator is for.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ELIDED = re.compile(r"(?<![\w])(?:l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)['’](\w+)", re.IGNORECASE)
WORDS = {"fr": ["électricité", "énergie"], "en": ["power"]}


def _index(site: Path, lang: str) -> dict:
    return json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))


def _pages_with(site: Path, lang: str, word: str) -> set[str]:
    """Pages (not sections) whose indexed text holds ``word`` as a word of its own or after an elision."""
    pages = set()
    pattern = re.compile(rf"(?<![\w])(?:\w+['’])?{re.escape(word)}(?!\w)", re.IGNORECASE)
    for doc in _index(site, lang)["docs"]:
        if pattern.search(doc["title"] + " " + doc["text"]):
            pages.add(doc["location"].split("#")[0])
    return pages


def _search(page: Any, base: str, lang: str, word: str) -> list[str]:
    page.goto(f"{base}{lang}/", wait_until="networkidle")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(word)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.wait_for_timeout(300)  # Material renders results in batches
    return page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize(("lang", "word"), [(lang, w) for lang, words in WORDS.items() for w in words])
def test_search_finds_the_word_on_every_page_that_has_it(
    page: Any, site_server: str, built_site: Path, lang: str, word: str
) -> None:
    expected = _pages_with(built_site, lang, word)
    assert expected, f"no {lang} page holds {word!r}: choose another word"
    if lang == "fr":  # the point of the test: the word also follows an elision somewhere
        text = " ".join(d["text"] for d in _index(built_site, lang)["docs"])
        assert word.lower() in {m.group(1).lower() for m in ELIDED.finditer(text)}
    found = _search(page, site_server, lang, word)
    found_pages = {href.split("#")[0].removeprefix(f"{site_server}{lang}/") for href in found}
    assert len(found_pages) >= min(3, len(expected)), found
    assert len(found) >= 3, f"fewer than three results (pages and their sections) for {word!r}: {found}"
    assert expected <= found_pages, f"not found: {sorted(expected - found_pages)}"


def test_french_index_splits_elisions_and_english_does_not(built_site: Path) -> None:
    fr, en = _index(built_site, "fr")["config"], _index(built_site, "en")["config"]
    french, english = re.compile(fr["separator"]), re.compile(en["separator"])
    for elided in ("l'énergie", "d’électricité", "jusqu'à", "lorsqu’il", "puisqu'elle", "qu'un", "n'est", "s'il", "c'est", "j'ai"):
        assert len([t for t in french.split(elided) if t]) == 2, elided
    assert [t for t in english.split("don't") if t] == ["don't"]
