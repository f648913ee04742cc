"""The downloads as a whole: the addresses promised, identical rebuilds, and no two files disagreeing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import icalendar

from campus_ia.exports import CSV_COLUMNS, DOWNLOADS, build_downloads
from campus_ia.exports.machine_text import raw_number_text
from campus_ia.site.assembly import SiteAssembly

EXPECTED_PATHS = [
    "data/facts.json",
    "data/facts.schema.json",
    "data/facts.fr.csv",
    "data/facts.en.csv",
    "data/facts.fr.spreadsheet.csv",
    "data/timeline.fr.ics",
    "data/timeline.ics",
    "fr/feed.xml",
    "en/feed.xml",
    *(f"data/{name}.{ext}" for name in ("milestones", "partners")
      for ext in ("json", "schema.json", "fr.csv", "en.csv", "fr.spreadsheet.csv")),
]
KEYS = [key for key, _header in CSV_COLUMNS]


def test_addresses(downloads: dict[str, bytes]) -> None:
    assert list(downloads) == EXPECTED_PATHS == [d.path for d in DOWNLOADS]
    assert all(isinstance(data, bytes) and data for data in downloads.values())


def test_two_builds_are_byte_identical(assembly: SiteAssembly, downloads: dict[str, bytes]) -> None:
    assert build_downloads(assembly.content, assembly.languages) == downloads


def test_build_date_changes_nothing_but_generated(assembly: SiteAssembly, downloads: dict[str, bytes]) -> None:
    later = build_downloads(assembly.content, assembly.languages, build_date=dt.date(2029, 9, 9))
    # The "generated" day of each JSON data set, nothing else.
    assert [p for p in downloads if later[p] != downloads[p]] == [
        "data/facts.json", "data/milestones.json", "data/partners.json"]


def test_lead_values_agree_everywhere(downloads: dict[str, bytes], facts: dict[str, Any]) -> None:
    """Each figure's lead value: JSON top level, JSON reports, French CSV and English CSV."""
    csv_leads = {}
    for lang in ("fr", "en"):
        rows = list(csv.reader(io.StringIO(downloads[f"data/facts.{lang}.csv"].decode("utf-8"), newline="")))[1:]
        csv_leads[lang] = {row[0]: dict(zip(KEYS, row)) for row in rows if dict(zip(KEYS, row))["standing"] == "lead"}
    assert set(csv_leads["fr"]) == set(csv_leads["en"]) == {f["id"] for f in facts["figures"]}
    for figure in facts["figures"]:
        lead_report = next(r for r in figure["reports"] if r["standing"] == "lead")
        assert figure["value"] == lead_report["value"]
        assert figure["display"] == lead_report["display"]
        for lang in ("fr", "en"):
            row = csv_leads[lang][figure["id"]]
            assert (float(row["value"]) if row["value"] else None) == figure["value"]
            assert row["display"] == figure["display"][lang]
            assert (row["status"], row["as_of"], row["source_id"]) == (
                figure["status"], figure["as_of"], figure["source"])


def test_every_report_is_in_both_csv_files(downloads: dict[str, bytes], assembly: SiteAssembly) -> None:
    """Each report of content/ (its figure, raw value and publisher) is a row of both CSV files."""
    content = assembly.content
    for lang in ("fr", "en"):
        typography = assembly.languages[lang].fmt.typography
        expected = {
            (figure.id, raw_number_text(report.value), typography(content.sources[report.source].publisher_in(lang)))
            for figure in content.figures.values() for report in figure.reports
        }
        rows = list(csv.reader(io.StringIO(downloads[f"data/facts.{lang}.csv"].decode("utf-8"), newline="")))[1:]
        found = {(r["figure_id"], r["value"], r["source_publisher"]) for r in (dict(zip(KEYS, row)) for row in rows)}
        assert found == expected


def test_milestone_dates_agree_between_json_and_calendars(downloads: dict[str, bytes], facts: dict[str, Any]) -> None:
    for path in ("data/timeline.ics", "data/timeline.fr.ics"):
        calendar = icalendar.Calendar.from_ical(downloads[path])
        spans = {str(e["uid"]).split("@")[0]: (e.decoded("dtstart"), e.decoded("dtend")) for e in calendar.walk("VEVENT")}
        dated = {m["id"]: m for m in facts["milestones"] if m["date"]}
        assert set(spans) == set(dated)
        for milestone_id, (start, end) in spans.items():
            record = dated[milestone_id]
            # One day within the period facts.json gives (see timeline_calendar.event_day).
            assert dt.date.fromisoformat(record["start"]) <= start <= dt.date.fromisoformat(record["end"])
            assert end == start + dt.timedelta(days=1)
