"""Every figure, once in content/, reads the same in both languages' pages and in every download."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar
from lxml import html as lxml_html

from tests.support.build import build, copy_project

FACTS_PAGES = {"fr": "fr/chiffres-cles/index.html", "en": "en/facts/index.html"}
CALENDARS = {"fr": "data/timeline.fr.ics", "en": "data/timeline.ics"}


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


def test_figures_agree_across_pages_and_downloads(built_site: Path) -> None:
    facts = check_site_agrees(built_site)
    site_power = next(f for f in facts["figures"] if f["id"] == "site-power")
    assert site_power["value"] == 1400 and site_power["display"] == {"fr": "1,4\u00a0GW", "en": "1.4\u00a0GW"}


def test_changing_a_figure_once_changes_it_everywhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    campus = project / "content" / "campus.yml"
    text = campus.read_text(encoding="utf-8")
    assert text.count("      - value: 1400\n        source: bpifrance") == 1
    campus.write_text(text.replace("      - value: 1400\n        source: bpifrance", "      - value: 1600\n        source: bpifrance"), encoding="utf-8")
    capacity = project / "content" / "capacity.yml"
    capacity.write_text(capacity.read_text(encoding="utf-8").replace("pue:\n  value: 1.2\n", "pue:\n  value: 1.25\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    facts = check_site_agrees(site)
    site_power = next(f for f in facts["figures"] if f["id"] == "site-power")
    assert site_power["value"] == 1600
    # RTE's separate report ("up to 1,400 MW") stays; nothing else may show the old lead value.
    for lang, shown, old, up_to in (("fr", "1,6\u00a0GW", "1,4\u00a0GW", "jusqu’à "), ("en", "1.6\u00a0GW", "1.4\u00a0GW", "up to ")):
        for page in (site / lang).rglob("index.html"):
            html = page.read_text(encoding="utf-8")
            assert html.count(old) == html.count(up_to + old), f"{page} still shows the old figure"
        assert shown in (site / lang / "index.html").read_text(encoding="utf-8")
    capacity_doc = json.loads((site / "data/capacity.json").read_text(encoding="utf-8"))
    assert capacity_doc["inputs"]["site_power_mw"]["value"] == 1600
    assert capacity_doc["inputs"]["pue"]["value"] == 1.25
    assert abs(capacity_doc["outputs"]["central"]["it_power_mw"] - 1280) < 1e-6
    capacity_page = (site / "en" / "capacity-model" / "index.html").read_text(encoding="utf-8")
    assert "1,280" in capacity_page and "1.6\u00a0GW" in capacity_page
