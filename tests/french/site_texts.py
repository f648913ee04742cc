"""The French text of a built site, output by output, as a reader gets it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import icalendar
from lxml import html as lxml_html

SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
TEXT_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
MACHINE_CSV_COLUMNS = frozenset(
    {"figure_id", "value", "unit", "qualifier", "status", "standing", "source_id", "source_date", "source_url", "as_of"}
)
"""Columns of codes, raw numbers, ISO dates and addresses: data for programs, not French text."""
ATOM = "{http://www.w3.org/2005/Atom}"


def html_texts(markup: str, lang: str = "fr", *, fragment: bool = False) -> Iterator[str]:
    """Every text node (and text attribute) of ``markup`` whose language is ``lang``.

    Text in script, style, code, pre... is skipped; ``lang`` attributes are followed,
    so an English quotation on a French page is not French text.
    """
    root = lxml_html.fragment_fromstring(markup, create_parent="div") if fragment else lxml_html.document_fromstring(markup)
    before = ""
    for text in _walk(root, "fr" if fragment else "", lang):
        # "<a>Le Figaro</a>; <a>…" : a mark opening a text node follows the previous node's
        # last character, which the rules must see.
        yield before + text if before and text[:1] in ";:!?»" else text
        before = text.rstrip()[-1:] if not text[-1:].isspace() else ""


def _walk(element: Any, inherited: str, lang: str) -> Iterator[str]:
    if not isinstance(element.tag, str):  # comments
        return
    if element.tag in SKIPPED:
        return
    current = (element.get("lang") or inherited or "").split("-")[0].lower()
    if current == lang:
        if element.text and element.text.strip():
            yield element.text
        for name in TEXT_ATTRIBUTES:
            if element.get(name):
                yield element.get(name)
        if element.tag == "meta" and (element.get("name") == "description" or (element.get("property") or "").startswith("og:")) \
                and element.get("property") not in ("og:url", "og:type", "og:locale", "og:locale:alternate"):
            yield element.get("content") or ""
    for child in element:
        yield from _walk(child, current, lang)
        if child.tail and child.tail.strip() and current == lang:
            yield child.tail


def french_html_files(site: Path) -> list[Path]:
    """The French pages: everything under fr/, and the root pages (their French parts)."""
    return sorted((site / "fr").rglob("*.html")) + [site / "index.html", site / "404.html"]


def jsonld_texts(markup: str) -> Iterator[str]:
    """Text values of the page's JSON-LD (not keywords, addresses or codes)."""
    root = lxml_html.document_fromstring(markup)
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json":
            yield from _json_strings(json.loads(script.text or "{}"), jsonld=True)


def _json_strings(value: Any, *, jsonld: bool = False, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if jsonld and (k.startswith("@") or k in ("url", "sameAs", "contentUrl", "encodingFormat", "inLanguage", "license")):
                continue
            yield from _json_strings(v, jsonld=jsonld, key=k)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, jsonld=jsonld, key=key)
    elif isinstance(value, str) and (jsonld or key == "fr"):
        yield value


def french_json_strings(document: Any) -> Iterator[str]:
    """Every string under a "fr" key of a bilingual JSON download."""
    yield from _json_strings(document)


def csv_texts(data: bytes, keys: list[str]) -> Iterator[str]:
    """The header and every text cell of a CSV download (not the code and raw-value columns)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    yield from rows[0]
    for row in rows[1:]:
        for key, cell in zip(keys, row):
            if key not in MACHINE_CSV_COLUMNS and cell:
                yield cell


def calendar_texts(data: bytes) -> Iterator[str]:
    """The calendar's name and every event's summary and description, unescaped."""
    calendar = icalendar.Calendar.from_ical(data)
    for name in ("NAME", "X-WR-CALNAME"):
        if calendar.get(name):
            yield str(calendar.get(name))
    for event in calendar.walk("VEVENT"):
        for name in ("SUMMARY", "DESCRIPTION"):
            if event.get(name):
                yield str(event.get(name))


def feed_texts(data: bytes) -> Iterator[str]:
    """The Atom feed's title, subtitle, author and every entry's title and summary."""
    root = ElementTree.fromstring(data)
    for element in root.iter():
        if element.tag in (f"{ATOM}title", f"{ATOM}subtitle", f"{ATOM}summary", f"{ATOM}name") and element.text:
            yield element.text
