"""Every figure, once in content/, reads the same in both languages' pages and in every download."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar
from lxml import html as lxml_html

from campus_ia.capacity.display import output_text
from campus_ia.exports.machine_text import raw_number_text
from campus_ia.i18n import N_
from campus_ia.site.assembly import SiteAssembly
from tests.support.build import build, copy_project

FACTS_PAGES = {"fr": "fr/chiffres-cles/index.html", "en": "en/facts/index.html"}
CALENDARS = {"fr": "data/timeline.fr.ics", "en": "data/timeline.ics"}
QUALIFIERS = (N_("about %(value)s"), N_("up to %(value)s"), N_("more than %(value)s"), N_("at least %(value)s"))
"""How another report may qualify a value (pages/figures.py): the old value may still be shown so."""


def _text(node) -> str:  # noqa: ANN001 - lxml element
    return re.sub(r"[ \t\r\n]+", " ", node.text_content()).strip()


def _csv_leads(site: Path, lang: str) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO((site / f"data/facts.{lang}.csv").read_text(encoding="utf-8"), newline="")))
    header = list(rows[0])
    figure_id, raw, standing = header[0], header[2], header[7]
    return {row[figure_id]: {"raw": row[raw]} for row in rows if row[standing] == "lead"}


def check_site_agrees(site: Path) -> dict:
    facts = json.loads((site / "data/facts.json").read_text(encoding="utf-8"))
    pages = {lang: lxml_html.parse(str(site / path)) for lang, path in FACTS_PAGES.items()}
    csvs = {lang: _csv_leads(site, lang) for lang in ("fr", "en")}
    for figure in facts["figures"]:
        for lang in ("fr", "en"):
            raw = csvs[lang][figure["id"]]["raw"]
            assert (float(raw) if raw else None) == figure["value"], (figure["id"], lang)
            if figure.get("key", True):
                [block] = pages[lang].xpath(f'//*[@id="{figure["id"]}"]')
                assert figure["display"][lang] in _text(block), (figure["id"], lang, figure["display"][lang])
    for lang, path in CALENDARS.items():
        calendar = icalendar.Calendar.from_ical((site / path).read_bytes())
        starts = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
        for milestone in facts["milestones"]:
            if milestone["date"]:
                # One day within the period facts.json gives (timeline_calendar.event_day says which).
                assert milestone["start"] <= starts[milestone["id"]].isoformat() <= milestone["end"], (lang, milestone["id"])
    return facts


def test_figures_agree_across_pages_and_downloads(built_site: Path, assembly: SiteAssembly) -> None:
    facts = check_site_agrees(built_site)
    for figure in facts["figures"]:
        assert figure["display"] == {lang: assembly.languages[lang].figure_text(figure["id"]) for lang in ("fr", "en")}


def test_changing_a_figure_once_changes_it_everywhere(tmp_path: Path, assembly: SiteAssembly) -> None:
    content = assembly.content
    figure = content.figures[content.capacity.site_power.figure]  # the campus's power, which the capacity model reads
    lead, pue = figure.lead, content.capacity.pue.value
    assert lead.value is not None and figure.unit == "MW"
    power, new_pue = lead.value + 200, round(pue + 0.05, 2)
    project = copy_project(tmp_path / "project")
    _replace_once(project / "content" / f"{content.figure_file(figure.id)}.yml",
                  f"      - value: {raw_number_text(lead.value)}\n        source: {lead.source}\n",
                  f"      - value: {raw_number_text(power)}\n        source: {lead.source}\n")
    _replace_once(project / "content" / "capacity.yml", f"pue:\n  value: {pue}\n", f"pue:\n  value: {new_pue}\n")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    facts = check_site_agrees(site)
    assert next(f for f in facts["figures"] if f["id"] == figure.id)["value"] == power
    for lang in ("fr", "en"):
        language = assembly.languages[lang]
        shown, old = language.figures.quantity(power, "MW"), language.figures.quantity(lead.value, "MW")
        qualified = [language.gettext(q).replace("%(value)s", old) for q in QUALIFIERS]
        # Other reports that qualify the old value ("up to ...") stay; nothing else may show it.
        for page in (site / lang).rglob("index.html"):
            text = page.read_text(encoding="utf-8")
            assert text.count(old) == sum(text.count(q) for q in qualified), f"{page} still shows the old figure"
        assert shown in (site / assembly.structure.get("home", lang).url / "index.html").read_text(encoding="utf-8")
    capacity_doc = json.loads((site / "data/capacity.json").read_text(encoding="utf-8"))
    assert capacity_doc["inputs"]["site_power_mw"]["value"] == power
    assert capacity_doc["inputs"]["pue"]["value"] == new_pue
    it_power = power / new_pue
    assert abs(capacity_doc["outputs"]["central"]["it_power_mw"] - it_power) < 1e-6
    english = assembly.languages["en"]
    capacity_page = (site / assembly.structure.get("capacity", "en").url / "index.html").read_text(encoding="utf-8")
    assert output_text(english.fmt, "it_power_mw", it_power) in capacity_page
    assert english.figures.quantity(power, "MW") in capacity_page


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
