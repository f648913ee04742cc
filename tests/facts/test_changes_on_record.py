"""Corrections and changes on record: an editor adds a report, the site writes the dated entry.

A copy of the real project gets one new report that becomes the lead of one figure
(the old lead becomes ``superseded``), and nothing else; the real build must then
show a dated entry for it on the facts page and in the Atom feed, in both languages.
A second copy gets a date on one correction and must list it the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from campus_ia.content import PartialDate, load_content
from campus_ia.facts.history import change_anchor, dated_corrections, figure_changes
from campus_ia.formatting import Formatter
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT
from tests.support.build import build, copy_project

LANGS = ("fr", "en")
ATOM = "{http://www.w3.org/2005/Atom}"
NEW_DATE = "2026-11-30"


def _figure_block(text: str, figure_id: str) -> tuple[int, int]:
    """Start and end of the figure's item in a content file's text."""
    start = text.index(f"  - id: {figure_id}\n")
    following = re.search(r"\n  - id: |\n\S", text[start + 1:])
    return start, (start + 1 + following.start() + 1) if following else len(text)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def _built(project: Path, site: Path) -> Path:
    result = build(project, site, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _shipped() -> SiteAssembly:
    return SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)


@pytest.fixture(scope="module")
def new_lead(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A build where one numeric figure of campus.yml gets a newer report that becomes its lead."""
    shipped = _shipped().content
    already = {c.figure.id for c in figure_changes(shipped)}
    figure = next(f for f in shipped.campus.figures
                  if f.unit != "text" and f.id not in already and len(f.reports) > 1 and f.lead.value is not None)
    work = tmp_path_factory.mktemp("new-lead")
    project = copy_project(work / "project")
    path = project / "content/campus.yml"
    text = path.read_text(encoding="utf-8")
    start, end = _figure_block(text, figure.id)
    block = text[start:end]
    assert block.count("standing: lead") == 1
    new_value = figure.lead.value * 2
    new_report = (f"      - value: {new_value:g}\n        source: {figure.lead.source}\n        status: official\n"
                  f"        as_of: {NEW_DATE}\n        standing: lead\n")
    block = block.replace("standing: lead", "standing: superseded").replace("    reports:\n", "    reports:\n" + new_report, 1)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    edited = load_content(project / "content", display_root=project)
    assert edited.figures[figure.id].lead.as_of == NEW_DATE  # the edit is what the test says
    return {"site": _built(project, work / "site"), "figure": edited.figures[figure.id], "content": edited}


def _facts_page(site: Path, assembly: SiteAssembly, lang: str) -> lxml.html.HtmlElement:
    url = assembly.structure.get("facts", lang).url
    return lxml.html.fromstring((site / url / "index.html").read_bytes())


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_new_lead_gets_a_dated_entry_on_the_facts_page(new_lead: dict, lang: str) -> None:
    figure, fmt, assembly = new_lead["figure"], Formatter(lang), _shipped()
    anchor = change_anchor(figure.id, NEW_DATE)
    page = _facts_page(new_lead["site"], assembly, lang)
    entries = page.xpath(f'//*[@id="{anchor}"]')
    assert len(entries) == 1, f"no entry #{anchor} on the {lang} facts page"
    entry = entries[0]
    # Inside "Corrections and changes", apart from the corrections.
    assert entry.xpath('ancestor::div[contains(@class, "cia-facts--corrections")]')
    assert not entry.xpath('ancestor::ol[contains(@class, "cia-corrections")]')
    times = entry.xpath(".//time/@datetime")
    assert times == [NEW_DATE]
    assert _words(entry.xpath(".//time")[0].text_content()) == _words(fmt.date(PartialDate.parse(NEW_DATE)))
    text = _words(entry.text_content())
    assert _words(fmt.typography(figure.label[lang])) in text
    new_shown = assembly.languages[lang].figures.value(figure, figure.lead)
    assert _words(new_shown) in text
    assert entry.xpath(f'.//a[@href="#{figure.id}"]'), "the entry does not link to the figure"


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_new_lead_gets_a_dated_entry_in_the_feed(new_lead: dict, lang: str) -> None:
    figure, assembly = new_lead["figure"], _shipped()
    anchor = change_anchor(figure.id, NEW_DATE)
    feed = etree.parse(str(new_lead["site"] / lang / "feed.xml")).getroot()
    entries = [e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("#" + anchor)]
    assert len(entries) == 1, [e.findtext(f"{ATOM}id") for e in feed.findall(f"{ATOM}entry")]
    entry = entries[0]
    day = dt.datetime.fromisoformat(NEW_DATE).replace(tzinfo=dt.timezone.utc)
    assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == day
    assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == day
    assert _words(Formatter(lang).typography(figure.label[lang])) in _words(entry.findtext(f"{ATOM}title"))
    assert entry.find(f"{ATOM}category").get("term") == "change"
    assert entry.find(f"{ATOM}link").get("href").endswith(f"{assembly.structure.get('facts', lang).url}#{anchor}")
    # Newest first: the new lead is the newest thing the content says.
    assert feed.findall(f"{ATOM}entry")[0].findtext(f"{ATOM}id") == entry.findtext(f"{ATOM}id")
    assert dt.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == day


@pytest.fixture(scope="module")
def dated_correction(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A build where the last correction of campus.yml gets a date."""
    shipped = _shipped().content
    correction = shipped.campus.corrections[-1]
    assert correction.date is None
    work = tmp_path_factory.mktemp("dated-correction")
    project = copy_project(work / "project")
    path = project / "content/campus.yml"
    text = path.read_text(encoding="utf-8")
    marker = f"  - id: {correction.id}\n"
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, marker + f"    date: {NEW_DATE}\n"), encoding="utf-8")
    edited = load_content(project / "content", display_root=project)
    assert [d.correction.id for d in dated_corrections(edited)] == [correction.id]
    return {"site": _built(project, work / "site"), "correction": correction}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_a_dated_correction_is_on_record(dated_correction: dict, lang: str) -> None:
    correction, fmt, assembly = dated_correction["correction"], Formatter(lang), _shipped()
    anchor = f"correction-{correction.id}"
    page = _facts_page(dated_correction["site"], assembly, lang)
    item = page.xpath(f'//*[@id="{anchor}"]')[0]
    assert item.xpath('ancestor::ol[contains(@class, "cia-corrections")]')
    assert item.xpath(".//time/@datetime")[0] == NEW_DATE
    first = page.xpath('//ol[contains(@class, "cia-corrections")]/li')[0]
    assert first.get("id") == anchor, "the dated correction is not listed first"
    feed = etree.parse(str(dated_correction["site"] / lang / "feed.xml")).getroot()
    entry = next(e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("#" + anchor))
    assert entry.find(f"{ATOM}category").get("term") == "correction"
    assert _words(fmt.typography(correction.title[lang])) in _words(entry.findtext(f"{ATOM}title"))
    assert entry.findtext(f"{ATOM}updated").startswith(NEW_DATE)


def test_the_shipped_record_follows_the_rule() -> None:
    """Every figure whose lead is newer than one of its other reports has exactly one change."""
    content = _shipped().content
    changes = {c.figure.id: c for c in figure_changes(content)}
    for figure in content.figures.values():
        lead = PartialDate.parse(figure.lead.as_of)
        older = [r for r in figure.reports if r is not figure.lead and PartialDate.parse(r.as_of).end < lead.start]
        assert (figure.id in changes) == bool(older), figure.id
        if older:
            assert changes[figure.id].date == lead
            assert changes[figure.id].previous in older
