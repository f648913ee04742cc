"""Hostile text that is valid content: every output writes it escaped by its own rules.

One build of a copy of the real project with text chosen for each format's special
characters, then one test per output: iCalendar text (``;`` ``,`` ``\\``), CSV cells a
spreadsheet would run as formulas, XML in the Atom feed, JSON inside an HTML
``<script>`` (JSON-LD), and a figure's text inserted into prose by ``{{ fact:... }}``,
which must read as typed rather than become a live link.
"""

from __future__ import annotations

import csv
import io
import json
import re

import icalendar
import pytest
from lxml import etree
from lxml import html as lxml_html

from campus_ia.content import load_content
from campus_ia.exports import CSV_COLUMNS
from campus_ia.site.prose_figures import FACT_MARKER
from tests.hardening.edits import ValueEdit
from tests.hardening.html_checks import active_content, page_text
from tests.support.build import build, copy_project

BUILD_SECONDS = 120
CALENDAR_TITLE = 'Campus IA; a, b\\ c: "quoted"'
FORMULAS = ['=HYPERLINK("https://evil.example/","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]
FEED_TITLE = "<b>bold</b> & ]]> <![CDATA[x]]> done"
JSONLD_TEXT = "</script><script>alert(1)</script><!-- and </SCRIPT >"
PROSE_TEXT = "[click](https://evil.example/) <b>bold</b> *stars*"


def _unescape_text(value: str) -> str:
    """RFC 5545 section 3.3.11: a TEXT value's escapes (backslash before \\ ; , and n)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a double-quoted YAML string


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The built site of a project whose texts hold each format's special characters."""
    work = tmp_path_factory.mktemp("escaped")
    project = copy_project(work / "project")
    content = load_content(project / "content", display_root=project)
    campus_figures = content.campus.figures
    labelled = [i for i, f in enumerate(campus_figures)][: len(FORMULAS) - 1]
    default_accelerator = next(i for i, a in enumerate(content.capacity.accelerators)
                               if a.id == content.capacity.default_accelerator)
    edits = [
        ValueEdit("content/site.yml", ("title", "en"), _text(CALENDAR_TITLE)),
        *(ValueEdit("content/campus.yml", ("figures", i, "label", lang), _text(formula))
          for i, formula in zip(labelled, FORMULAS) for lang in ("fr", "en")),
        # One text of each other data set that has a CSV: a milestone, a partner, the model's accelerator.
        *(ValueEdit("content/timeline.yml", ("milestones", 0, "title", lang), _text(FORMULAS[0])) for lang in ("fr", "en")),
        ValueEdit("content/partners.yml", ("partners", 1, "name"), _text(FORMULAS[1])),
        ValueEdit("content/capacity.yml", ("accelerators", default_accelerator, "name"), _text(FORMULAS[2])),
        ValueEdit("content/sources.yml", ("sources", 0, "publisher"), _text(FORMULAS[-1])),
        ValueEdit("content/updates.yml", ("updates", 0, "title", "en"), _text(FEED_TITLE)),
        ValueEdit("content/partners.yml", ("partners", 0, "description", "en"), _text(JSONLD_TEXT)),
    ]
    # A figure written in words that the English home page inserts with a marker.
    prose = (project / "docs/en/index.md").read_text(encoding="utf-8")
    used = [m.group(1) for m in FACT_MARKER.finditer(prose)]
    text_figure = next(f for f in campus_figures if f.unit == "text" and f.id in used)
    index = campus_figures.index(text_figure)
    lead = next(i for i, r in enumerate(text_figure.reports) if r.standing == "lead")
    edits.append(ValueEdit("content/campus.yml", ("figures", index, "reports", lead, "text", "en"), _text(PROSE_TEXT)))
    for edit in edits:
        edit.apply(project)

    result = build(project, work / "site", timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stdout + result.stderr
    edited = load_content(project / "content", display_root=project)
    return {"site": work / "site", "content": edited, "labels": [campus_figures[i].id for i in labelled]}


@pytest.mark.slow
def test_calendar_text_is_escaped(hostile: dict) -> None:
    raw = (hostile["site"] / "data/timeline.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    for name in ("NAME", "X-WR-CALNAME"):  # parsed as unknown properties: read them as TEXT
        assert CALENDAR_TITLE in _unescape_text(str(calendar[name]))
    unfolded = raw.replace(b"\r\n ", b"").split(b"\r\n")
    assert b"BEGIN:VCALENDAR" in unfolded and unfolded.count(b"BEGIN:VCALENDAR") == 1
    names = [line for line in unfolded if line.startswith((b"NAME:", b"X-WR-CALNAME:"))]
    assert len(names) == 2 and all(b"Campus IA\\; a\\, b\\\\ c" in line for line in names), names
    dated = [m for m in hostile["content"].milestones if m.date]
    assert len(calendar.walk("VEVENT")) == len(dated)


def _csv_rows(path) -> list[list[str]]:  # noqa: ANN001
    """Any of the site's CSV files, read as its own edition says (the spreadsheet one: BOM and ';')."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.slow
def test_csv_formula_cells_are_neutralised(hostile: dict) -> None:
    files = sorted((hostile["site"] / "data").glob("*.csv"))
    # Figures, milestones, partners and capacity results: each in both languages and the spreadsheet edition.
    assert len(files) >= 12, files
    neutralised = {"'" + formula for formula in FORMULAS}
    for path in files:
        rows = _csv_rows(path)
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                if cell.startswith("-"):
                    float(cell.replace(",", "."))  # only a plain negative number may start with '-'
        # Every file carries one of the hostile texts, neutralised with a leading quote.
        assert neutralised & {cell for row in rows[1:] for cell in row}, path.name
    keys = [key for key, _header in CSV_COLUMNS]
    for name in ("facts.en.csv", "facts.fr.csv", "facts.fr.spreadsheet.csv"):
        rows = _csv_rows(hostile["site"] / "data" / name)
        labels = {row[keys.index("figure_id")]: row[keys.index("label")] for row in rows[1:]}
        for figure_id, formula in zip(hostile["labels"], FORMULAS):
            assert labels[figure_id] == "'" + formula, (name, figure_id)  # a label starting with '=' included
        publishers = {row[keys.index("source_publisher")] for row in rows[1:]}
        assert "'" + FORMULAS[-1] in publishers


@pytest.mark.slow
def test_feed_text_is_xml_escaped(hostile: dict) -> None:
    feed = etree.parse(str(hostile["site"] / "en/feed.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    titles = feed.getroot().findall(f"{atom}entry/{atom}title")
    assert any(t.text == FEED_TITLE and len(t) == 0 for t in titles), [t.text for t in titles]


@pytest.mark.slow
def test_jsonld_cannot_close_its_script(hostile: dict) -> None:
    page = (hostile["site"] / "en/partners/index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    blocks = [s.text or "" for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    assert blocks
    for block in blocks:
        assert "</" not in block and "<!--" not in block
    found = json.dumps([json.loads(b) for b in blocks], ensure_ascii=False)
    assert json.dumps(JSONLD_TEXT, ensure_ascii=False)[1:-1] in found
    assert active_content(hostile["site"]) == []


@pytest.mark.slow
def test_figure_text_in_prose_is_text(hostile: dict) -> None:
    site = hostile["site"]
    assert PROSE_TEXT in page_text(site, "en/index.html")
    tree = lxml_html.parse(str(site / "en/index.html"))
    assert not [a for a in tree.iter("a") if (a.get("href") or "").startswith("https://evil.example")]
    assert not [b for b in tree.iter("b", "strong", "em") if (b.text or "") in ("bold", "stars")]
