"""Hostile and broken input that must be refused: at its place, by the build and by ``check`` alike.

Each case breaks a copy of the real project in one way (a link leading out of the
project, a control character in a title, a catalog translation with other
placeholders or with markup, a malformed figure marker, an id the theme's scripts
use, a link that leads nowhere...). Then:

- ``mkdocs build --strict`` into a folder holding the previous site exits non-zero,
  names the file, line and column, shows no traceback, never quotes what lies outside
  the project, and leaves the previous site byte for byte as it was;
- ``campus-ia check`` exits 1 with the same located message.

The previous site is built once per worker from the shipped project. To keep the
corpus quick, cases that cannot hide one another share a build (every problem is
reported at once): content problems together, catalog problems together (checked once
the content is valid), prose problems together (checked once content and catalogs are
valid). Each case still asserts its own location and message, in the build's output
and in ``check``'s.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from campus_ia.cli import main as campus_ia
from tests.hardening.edits import CatalogEdit, Edit, FromContent, LinkOut, NewFile, ValueEdit
from tests.support.build import build, copy_project

BUILD_SECONDS = 120  # a build takes a few seconds; the limit catches a hang, not a slow machine
SECRET = "root:x:0:0"
FACTS_PO = "locales/fr/LC_MESSAGES/facts.po"
CAPACITY_PO = "locales/fr/LC_MESSAGES/capacity.po"
PAGES_PO = "locales/fr/LC_MESSAGES/pages.po"
# Strings of the code (msgids), one per case: a catalog with a syntax error is not read further.
CALENDAR_MSGID = "%(site)s: timeline"
UPDATES_MSGID = "%(site)s: updates"
PAGES_MSGID = "A quote that is not about Campus IA"
RANGE_MSGID = "%(low)s to %(high)s"
GRID_MSGID = "%(grid)s (%(intensity)s)"


@dataclass(frozen=True)
class Case:
    id: str
    batch: str
    """Cases of one batch are applied to the same copy and built once."""
    edit: object
    message: str
    """A part of the message that follows ``file:line:column:``."""


def _site_power_value(new: str):  # noqa: ANN202 - an edit made from the loaded content
    def make(content):  # noqa: ANN001, ANN202
        figure_id = content.capacity.site_power.figure
        stem = content.figure_file(figure_id)
        figures = content.capacity.references if stem == "capacity" else getattr(content, stem).figures
        index = next(i for i, f in enumerate(figures) if f.id == figure_id)
        lead = next(i for i, r in enumerate(figures[index].reports) if r.standing == "lead")
        key = "references" if stem == "capacity" else "figures"
        return ValueEdit(f"content/{stem}.yml", (key, index, "reports", lead, "value"), new)
    return FromContent(make)


CASES = [
    # -- 1. nothing outside the project is read, published or indexed
    Case("content-file-is-a-link-to-etc-passwd", "content", LinkOut("content/sources.yml", SECRET),
         "this is a link to a file outside the project"),
    Case("docs-text-file-is-a-link-out", "docs-links", LinkOut("docs/en/x.txt", SECRET), "this is a link to a file outside the project"),
    Case("docs-page-is-a-link-out", "docs-links", LinkOut("docs/en/about.md", SECRET), "this is a link to a file outside the project"),
    Case("catalog-is-a-link-out", "catalogs", LinkOut("locales/fr/LC_MESSAGES/site.po", SECRET),
         "this is a link to a file outside the project"),
    # -- 2. one-line fields refuse line breaks and control characters (4. no calendar injection)
    Case("site-title-with-bare-carriage-returns", "content", ValueEdit("content/site.yml", ("title", "en"),
                                                            json.dumps("Campus IA\r\rX-WR-CALNAME:Injected")),
         "title.en: the text holds a carriage return (line break) at character 10; this field is one line"),
    Case("update-title-vertical-tab", "content", ValueEdit("content/updates.yml", ("updates", 0, "title", "en"),
                                                json.dumps("Campus IA\vannounced")),
         "updates[0].title.en: the text holds a control character (U+000B) at character 10"),
    Case("site-description-escape-sequence", "content", ValueEdit("content/site.yml", ("description", "fr"),
                                                       json.dumps("Informations \x1b[31mpubliques")),
         "description.fr: the text holds a control character (U+001B) at character 14"),
    Case("partner-name-two-lines", "content", ValueEdit("content/partners.yml", ("partners", 0, "name"), json.dumps("Mistral\nAI")),
         "partners[0].name: the text holds a line break at character 8; this field is one line"),
    # -- 3. catalogs are checked like content
    Case("catalog-placeholder-type-changed", "catalogs", CatalogEdit(FACTS_PO, CALENDAR_MSGID, 'msgstr "%(site)d : calendrier"', "msgstr"),
         "does not use the same placeholders as the English"),
    Case("catalog-placeholder-renamed", "catalogs", CatalogEdit(FACTS_PO, UPDATES_MSGID, 'msgstr "%(site_name)s : mises à jour"', "msgstr"),
         "unknown named placeholder 'site_name'"),
    Case("catalog-unterminated-msgstr", "catalogs", CatalogEdit(CAPACITY_PO, RANGE_MSGID, 'msgstr "%(low)s à %(high)s', '"'),
         "the text that starts here is not closed"),
    Case("catalog-markup-in-french", "catalogs", CatalogEdit(PAGES_PO, PAGES_MSGID,
                                                 'msgstr "Une citation <img src=x onerror=alert(1)>"', "<img"),
         "holds markup"),
    Case("catalog-stray-line", "catalogs", CatalogEdit(CAPACITY_PO, GRID_MSGID, 'msgstr "%(grid)s (%(intensity)s)" oops', "oops"),
         "text after the closing quote"),
    # -- 5. prose: malformed markers, ids and classes of the theme's scripts
    Case("prose-marker-with-space", "prose", Edit("docs/en/index.md", "{{ fact:site-power }}", "{{ fact: site-power }}", "{{"),
         "'{{ fact: site-power }}' is not a complete figure marker"),
    Case("prose-marker-unclosed", "prose", Edit("docs/fr/index.md", "{{ fact:site-power }}", "{{ fact:site-power }", "{{"),
         "is not a complete figure marker"),
    Case("prose-config-id", "prose", Edit("docs/en/about.md", "", '\n<p id="__config">{"base": "https://evil.example/"}</p>\n',
                                 "__config"),
         "the id '__config' (beginning with '__') is not allowed in a page"),
    Case("prose-mermaid-class", "prose", Edit("docs/fr/a-propos.md", "", '\n<pre class="mermaid">graph TD; A-->B</pre>\n', "mermaid"),
         "the class 'mermaid' is not allowed in a page"),
    Case("prose-data-md-attribute", "prose", Edit("docs/en/accessibility.md", "", '\n<span data-md-component="search">x</span>\n',
                                         "data-md-component"),
         "the attribute data-md-component is not allowed in a page"),
    # -- 6. a file the site would ignore
    Case("unknown-content-file", "content", NewFile("content/partners-2026.yml", "partners: []\n"), "the site reads no such file"),
    # -- 7. precise locations
    Case("prose-broken-link-has-a-line", "prose", Edit("docs/en/about.md", "", "\nSee [the figures](figurez.md).\n", "figurez.md"),
         "the link 'figurez.md' leads to no page or file of the site"),
    Case("prose-entity-written-javascript", "prose", Edit("docs/en/about.md", "", '\nSee <a href="&#106;avascript&#x3a;alert(1)">this</a>.\n',
                                                 "&#106;"),
         "a 'javascript:' address is not allowed in a page"),
    Case("negative-site-power-where-typed", "capacity", _site_power_value("-1"), "must be above 0 MW"),
    Case("unclosed-double-quote-at-the-quote", "content", ValueEdit("content/quotes.yml", ("quotes", 0, "speaker"),
                                                         '"a-speaker-never-closed'),
         "this quoted text"),
    Case("unclosed-double-quote-to-the-end", "content", ValueEdit("content/education.yml", ("items", 0, "title", "en"),
                                                                  '"Education and research centres'),
         "this quoted text is never closed (the file ends first)"),
    Case("unclosed-single-quote-at-the-quote", "content", ValueEdit("content/timeline.yml", ("milestones", 0, "title", "en"),
                                                         "'A title never closed"),
         "this quoted text"),
]


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project's site, built once: every refused build must leave it as it is."""
    work = tmp_path_factory.mktemp("previous")
    result = build(copy_project(work / "project"), work / "site", timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr
    return work / "site"


BATCHES = sorted({c.batch for c in CASES})


@pytest.mark.slow
@pytest.mark.parametrize("batch", BATCHES)
def test_refused_at_its_place_by_build_and_check(
    batch: str, project: Path, tmp_path: Path, previous_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(previous_site, site)
    before = _digest(site)
    cases = [c for c in CASES if c.batch == batch]
    expected = {c.id: c.edit.apply(project) for c in cases}  # type: ignore[attr-defined]

    result = build(project, site, timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and SECRET not in output
    assert _digest(site) == before, "a refused build changed the previous site"
    # `campus-ia check`, in-process (the console script itself is tested in test_content_corpus.py).
    assert campus_ia(["--root", str(project), "check"]) == 1
    said = "".join(capsys.readouterr())
    assert "Traceback" not in said and SECRET not in said

    missed = [f"{c.id}: expected {expected[c.id]}: ...{c.message}..." for c in cases
              if not _reported(output, str(expected[c.id]), c.message)]
    assert not missed, "the build does not say:\n" + "\n".join(missed) + "\n" + output
    disagree = [f"{c.id}: expected {expected[c.id]}: ...{c.message}..." for c in cases
                if not _reported(said, str(expected[c.id]), c.message)]
    assert not disagree, "check disagrees with the build:\n" + "\n".join(disagree) + "\n" + said


def _reported(output: str, location: str, message: str) -> bool:
    """True if one line of ``output`` starts (after indentation) with ``location: `` and holds ``message``."""
    return any(location + ": " in line and message in line for line in output.splitlines())
