"""No French output of the built site breaks French typography.

Every text node (and text attribute) of every French HTML page, the French parts of
the root pages, the French pages' JSON-LD, the French search index, ``facts.fr.csv``,
the French strings of ``facts.json`` and ``capacity.json``, the French calendar and
the French Atom feed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from campus_ia.exports import CSV_COLUMNS
from tests.french.french_rules import violations
from tests.french.site_texts import (
    calendar_texts,
    csv_texts,
    feed_texts,
    french_html_files,
    french_json_strings,
    html_texts,
    jsonld_texts,
)


def _report(where: str, texts: Iterable[str], units: list[str]) -> list[str]:
    return [f"{where}: {problem}" for text in texts for problem in violations(text, units)]


def test_french_html_pages(built_site: Path, quantity_units: list[str]) -> None:
    files = french_html_files(built_site)
    assert len(files) > 10
    problems = []
    for path in files:
        markup = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site).as_posix()
        problems += _report(where, html_texts(markup), quantity_units)
        problems += _report(f"{where} (JSON-LD)", jsonld_texts(markup) if path.is_relative_to(built_site / "fr") else [],
                            quantity_units)
    assert not problems, f"{len(problems)} breaches of French typography:\n" + "\n".join(problems[:60])


def test_french_search_index(built_site: Path, quantity_units: list[str]) -> None:
    index = json.loads((built_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            problems += _report(f"{doc['location']} ({key})", html_texts(doc[key], fragment=True), quantity_units)
    assert not problems, "\n".join(problems[:60])


def test_french_csv(built_site: Path, quantity_units: list[str]) -> None:
    data = (built_site / "data" / "facts.fr.csv").read_bytes()
    texts = list(csv_texts(data, [key for key, _header in CSV_COLUMNS]))
    assert texts
    problems = _report("facts.fr.csv", texts, quantity_units)
    assert not problems, "\n".join(problems[:60])


@pytest.mark.parametrize("name", ["facts.json", "capacity.json"])
def test_french_strings_of_json(built_site: Path, quantity_units: list[str], name: str) -> None:
    document = json.loads((built_site / "data" / name).read_text(encoding="utf-8"))
    texts = list(french_json_strings(document))
    assert texts
    problems = _report(name, texts, quantity_units)
    assert not problems, "\n".join(problems[:60])


def test_french_calendar(built_site: Path, quantity_units: list[str]) -> None:
    texts = list(calendar_texts((built_site / "data" / "timeline.fr.ics").read_bytes()))
    assert texts
    problems = _report("timeline.fr.ics", texts, quantity_units)
    assert not problems, "\n".join(problems[:60])


def test_french_feed(built_site: Path, quantity_units: list[str]) -> None:
    texts = list(feed_texts((built_site / "fr" / "feed.xml").read_bytes()))
    assert texts
    problems = _report("fr/feed.xml", texts, quantity_units)
    assert not problems, "\n".join(problems[:60])
