"""What the built site says is as firm as its sources, and no firmer.

Every expectation is derived from ``content/`` (through the project's own loader) and the
model, so a routine content edit does not break these tests; each rule would fail on a site
that shows a press figure as official, a planned date as certain, an estimate to six
figures, or a source name typed by hand into prose.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from lxml import html as lxml_html

from campus_ia.formatting.typography import french_typography
from campus_ia.capacity import compute_bounds
from campus_ia.capacity.from_content import capacity_inputs
from campus_ia.content import load_content
from campus_ia.content.model import Source
from campus_ia.formatting import Formatter
from campus_ia.i18n import Catalogs
from tests.support import REPO_ROOT

LANGS = ("fr", "en")
STRENGTH = ("unknown", "estimate", "press", "official")
"""Statuses from the weakest claim to the firmest."""


@pytest.fixture(scope="module")
def content():  # noqa: ANN201 - campus_ia.content.Content
    return load_content(REPO_ROOT / "content", display_root=REPO_ROOT)


def page(site: Path, content, page_id: str, lang: str):  # noqa: ANN001, ANN201
    entry = next(p for p in content.site.pages if p.id == page_id)
    slug = entry.slug[lang]
    return lxml_html.parse(str(site / lang / (f"{slug}/" if slug else "") / "index.html"))


def text(node) -> str:  # noqa: ANN001
    return re.sub(r"[ \t\r\n]+", " ", node.text_content()).strip()


def badge(node) -> str:  # noqa: ANN001
    """The status code of the first status badge inside ``node``."""
    [first, *_] = node.xpath('.//*[contains(concat(" ", @class, " "), " cia-status ")]')
    return next(c.split("--", 1)[1] for c in first.get("class").split() if c.startswith("cia-status--"))


# -- statuses -------------------------------------------------------------------------


def test_every_status_shown_is_the_figures_own(built_site: Path, content) -> None:  # noqa: ANN001
    for lang in LANGS:
        facts = page(built_site, content, "facts", lang)
        for figure in content.figures.values():
            blocks = facts.xpath(f'//article[@id="{figure.id}"]')
            for block in blocks:
                assert badge(block) == figure.lead.status, (lang, figure.id)
        for milestone in content.milestones:
            for block in facts.xpath(f'//article[@id="date-{milestone.id}"]'):
                assert badge(block) == milestone.status, (lang, milestone.id)

        capacity = page(built_site, content, "capacity", lang)
        rows = capacity.xpath('//div[contains(@class, "cia-capacity-assumptions")]//tbody/tr')
        capacity_yml = content.capacity
        expected = [
            content.figures[capacity_yml.site_power.figure].lead.status,
            content.figures[capacity_yml.investment.figure].lead.status,
            capacity_yml.pue.status,
            capacity_yml.load_factor.status,
        ]
        for entry in capacity_yml.accelerators:
            expected += [entry.power_kw_all_in.status, entry.compute_status]
        expected += [capacity_yml.france_consumption_twh.status, capacity_yml.grid_intensity.status,
                     capacity_yml.comparison_grid.status]
        assert [badge(row) for row in rows] == expected, lang

        [campus_row] = capacity.xpath('//tr[contains(@class, "cia-capacity-comparisons__campus")]')
        shown_figures = (content.figures[capacity_yml.site_power.figure], content.figures[capacity_yml.investment.figure])
        # The row shows several figures: it may be no firmer than the weakest of them.
        weakest = min((f.lead.status for f in shown_figures), key=STRENGTH.index)
        assert badge(campus_row) == weakest, lang
        others = capacity.xpath('//div[contains(@class, "cia-capacity-comparisons")]//tbody/tr[not(contains(@class, "__campus"))]')
        assert [badge(row) for row in others] == [item.status for item in capacity_yml.comparisons]


def test_compute_figures_have_their_own_source_status_and_date(built_site: Path, content) -> None:  # noqa: ANN001
    catalogs = Catalogs.load(REPO_ROOT / "locales")
    for lang in LANGS:
        shown = text(page(built_site, content, "capacity", lang).getroot())
        for missing in ("no source stated", "no status stated", "no date stated"):
            assert catalogs.gettext(lang, missing) not in shown, (lang, missing)


# -- dates ----------------------------------------------------------------------------


def test_expected_dates_read_as_expected_everywhere(built_site: Path, content) -> None:  # noqa: ANN001
    expected = [m for m in content.milestones if m.date_qualifier == "expected"]
    assert expected, "the sources give planned dates ('devrait'): some milestones must be marked expected"
    facts = json.loads((built_site / "data/facts.json").read_text(encoding="utf-8"))
    records = {m["id"]: m for m in facts["milestones"]}
    calendars = {"fr": "data/timeline.fr.ics", "en": "data/timeline.ics"}
    for lang in LANGS:
        fmt = Formatter(lang)
        timeline = text(page(built_site, content, "timeline", lang).getroot())
        calendar = icalendar.Calendar.from_ical((built_site / calendars[lang]).read_bytes())
        descriptions = " ".join(str(e.get("DESCRIPTION", "")) for e in calendar.walk("VEVENT"))
        for milestone in expected:
            wording = fmt.date(content.partial_date(milestone.date), "expected")
            # The planned wording differs from the bare date: the mark is really there.
            assert wording != fmt.date(content.partial_date(milestone.date))
            assert fmt.typography(wording) in timeline, (lang, milestone.id)
            assert fmt.typography(wording) in descriptions or wording in descriptions, (lang, milestone.id)
            assert records[milestone.id]["qualifier"] == "expected"
            assert records[milestone.id]["display"][lang] == wording


# -- estimates' precision -------------------------------------------------------------

_NUMBER = {
    # Not glued to a word: "BF16" and "CO2" are names, not numbers.
    "fr": re.compile(r"(?<![A-Za-z\d])(?:\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![A-Za-z\d])"),
    "en": re.compile(r"(?<![A-Za-z\d])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z\d])"),
}


def _value(shown: str, lang: str) -> Decimal:
    if lang == "fr":
        return Decimal(re.sub(r"[\u202f\u00a0 ]", "", shown).replace(",", "."))
    return Decimal(shown.replace(",", ""))


def significant_figures(shown: str, lang: str) -> int:
    """Significant figures of a number as written: "556 000" has 3, "9,81" 3, "1 167" 4."""
    digits = re.sub(r"\D", "", shown).lstrip("0")
    if not re.search(r"\.\d+$" if lang == "en" else r",\d+$", shown):
        digits = digits.rstrip("0")  # an integer's trailing zeros are rounding, not figures
    return max(len(digits), 1)


def test_every_estimate_on_the_capacity_page_has_at_most_three_figures(built_site: Path, content) -> None:  # noqa: ANN001
    bounds = compute_bounds(capacity_inputs(content))
    for lang in LANGS:
        root = page(built_site, content, "capacity", lang).getroot()
        results = root.xpath('//div[contains(@class, "cia-capacity-results")]//tbody/tr')
        assert len(results) == len(bounds.central.as_dict())
        for row, (key, central) in zip(results, bounds.central.as_dict().items()):
            cells = [text(c) for c in row.xpath("./td")]
            for cell in cells[1:]:
                for shown in _NUMBER[lang].findall(cell):
                    assert significant_figures(shown, lang) <= 3, (lang, key, cell)
            if central is not None and key != "share_of_france_consumption":
                shown = _NUMBER[lang].findall(cells[2])[0]
                assert _value(shown, lang) == Decimal(f"{central:.3g}"), (lang, key, cells[2], central)
        # Prose, the accelerators' table and the phases' table: any number with more than three
        # figures must be an input written in content/ (1,400 MW, 449.2 TWh), never a result.
        inputs = _content_numbers(content)
        for css in ("cia-capacity-summary", "cia-capacity-accelerators", "cia-capacity-phases"):
            for block in root.xpath(f'//div[contains(@class, "{css}")]//*[self::p or self::td or self::th]'):
                for shown in _NUMBER[lang].findall(text(block)):
                    if significant_figures(shown, lang) > 3:
                        assert _value(shown, lang) in inputs, (lang, css, shown)


def _content_numbers(content) -> set[Decimal]:  # noqa: ANN001
    """Every number written in content/ (inputs, figures, years), as they may be quoted."""
    numbers: set[Decimal] = set()

    def walk(node) -> None:  # noqa: ANN001
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            numbers.add(Decimal(repr(node)).normalize())
            numbers.add((Decimal(repr(node)) / 1000).normalize())  # MW shown as GW
        elif isinstance(node, str):
            for year in re.findall(r"\b(?:19|20)\d\d\b", node):
                numbers.add(Decimal(year))

    for document in content.documents.values():
        walk(document.data)
    return {n.normalize() for n in numbers} | {Decimal(int(n)) for n in numbers if n == int(n)}


def test_estimates_on_the_facts_sheet_have_at_most_three_figures(built_site: Path) -> None:
    facts = json.loads((built_site / "data/facts.json").read_text(encoding="utf-8"))
    checked = 0
    for figure in facts["figures"]:
        for report in figure["reports"]:
            if report["status"] == "estimate" and report["value"] is not None:
                for lang in LANGS:
                    for shown in _NUMBER[lang].findall(report["display"][lang]):
                        assert significant_figures(shown, lang) <= 3, (figure["id"], lang, report["display"][lang])
                        checked += 1
    assert checked


# -- sources named in prose -----------------------------------------------------------


def _publisher_names(content) -> set[str]:  # noqa: ANN001
    names: set[str] = set()
    for source in content.sources.values():
        names |= {source.publisher_in(lang) for lang in LANGS}
    return names


def test_prose_names_no_source_by_hand(content) -> None:  # noqa: ANN001
    """A source's name in prose comes from a {{ source:... }} marker, so it follows the data."""
    partners = {p.name for p in content.partners} | {content.campus.campus.name[lang] for lang in LANGS}
    prose_files = sorted((REPO_ROOT / "docs").rglob("*.md"))
    assert prose_files
    for path in prose_files:
        prose = re.sub(r"\{\{.*?\}\}", "", path.read_text(encoding="utf-8"))
        for name in _publisher_names(content):
            if name in partners:
                # A partner is named in prose as a partner; only "according to <partner>" cites it.
                pattern = rf"(?:selon|d['’]après|according to|source ?:)\s+{re.escape(name)}\b"
            else:
                pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            assert not re.search(pattern, prose, re.IGNORECASE), f"{path.relative_to(REPO_ROOT)} names {name!r} by hand"


def test_source_markers_name_the_lead_source(built_site: Path, content) -> None:  # noqa: ANN001
    for lang in LANGS:
        for path in (REPO_ROOT / "docs" / lang).rglob("*.md"):
            ids = re.findall(r"\{\{\s*source:([\w.-]+)\s*\}\}", path.read_text(encoding="utf-8"))
            if not ids:
                continue
            page_id = re.search(r"^id:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
            entry = next(p for p in content.site.pages if (page_id and p.id == page_id.group(1)) or
                         (not page_id and p.slug[lang] == ("" if path.stem == "index" else path.stem)))
            shown = text(page(built_site, content, entry.id, lang).getroot())
            for ident in ids:
                figure = content.figures.get(ident)
                source_id = figure.lead.source if figure else content.milestones_by_id[ident].sources[0]
                assert content.sources[source_id].publisher_in(lang) in shown, (lang, ident)


def test_french_pages_use_french_publisher_names(built_site: Path, content) -> None:  # noqa: ANN001
    renamed: list[Source] = [s for s in content.sources.values() if s.publisher_in("fr") != s.publisher_in("en")]
    assert renamed
    for path in (built_site / "fr").rglob("*.html"):
        shown = text(lxml_html.parse(str(path)).getroot())
        for source in renamed:
            assert source.publisher_in("en") not in shown, (path.relative_to(built_site), source.id)


# -- what the campus is, the home page, quotes ----------------------------------------


def test_what_the_campus_is_is_on_the_facts_sheet_and_in_facts_json(built_site: Path, content) -> None:  # noqa: ANN001
    campus = content.campus.campus
    facts = json.loads((built_site / "data/facts.json").read_text(encoding="utf-8"))
    # French strings in the downloads carry French typography (issue 12's one rule set).
    assert facts["campus"]["components"] == [{"fr": french_typography(c.fr), "en": c.en} for c in campus.components]
    assert facts["campus"]["sectors"] == [{"fr": french_typography(c.fr), "en": c.en} for c in campus.sectors]
    for lang in LANGS:
        fmt = Formatter(lang)
        [block] = page(built_site, content, "facts", lang).xpath('//div[contains(@class, "cia-facts--campus")]')
        shown = text(block)
        for item in [*campus.components, *campus.sectors, campus.lifecycle]:
            assert fmt.typography(item[lang]) in shown or item[lang] in shown, (lang, item[lang])


def test_home_pages_show_the_grid_steps_and_the_extension(built_site: Path, content) -> None:  # noqa: ANN001
    facts = json.loads((built_site / "data/facts.json").read_text(encoding="utf-8"))
    displays = {f["id"]: f["display"] for f in facts["figures"]}
    wanted = [p.figure for p in content.capacity.phases] + [
        f.id for f in content.figures.values() if f.id.startswith(("expansion", "second-site-investment"))
    ]
    assert len(wanted) >= 4
    for lang in LANGS:
        shown = text(page(built_site, content, "home", lang).getroot())
        for figure_id in wanted:
            assert displays[figure_id][lang] in shown, (lang, figure_id)


def test_translated_quotes_say_whose_translation_they_are(built_site: Path, content) -> None:  # noqa: ANN001
    catalogs = Catalogs.load(REPO_ROOT / "locales")
    for lang in LANGS:
        quotes = page(built_site, content, "quotes", lang)
        for quote in content.quotes:
            [caption] = quotes.xpath(f'//figure[@id="{quote.id}"]/figcaption')
            shown = text(caption)
            by_site = catalogs.gettext(lang, "Translation by this site")
            if quote.original_language == lang:
                assert by_site not in shown, (lang, quote.id)
            elif quote.translation_source is None:
                assert by_site in shown, (lang, quote.id)
            else:
                assert content.sources[quote.translation_source].publisher_in(lang) in shown, (lang, quote.id)
