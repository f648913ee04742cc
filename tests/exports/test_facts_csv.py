"""``data/facts.fr.csv`` and ``data/facts.en.csv`` read back with the csv module."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

from campus_ia.exports import CSV_COLUMNS
from campus_ia.site.assembly import SiteAssembly

KEYS = [key for key, _header in CSV_COLUMNS]
# The publisher is not neutral: readers know some by another name in French (AIE / IEA).
LANGUAGE_NEUTRAL = ["figure_id", "value", "unit", "qualifier", "status", "standing", "source_id",
                    "source_date", "source_url", "as_of"]


def read_csv(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows keyed by column key (not by the localised header)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(KEYS) for row in body)
    return header, [dict(zip(KEYS, row)) for row in body]


@pytest.fixture(scope="module")
def tables(downloads: dict[str, bytes]) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    return {lang: read_csv(downloads[f"data/facts.{lang}.csv"]) for lang in ("fr", "en")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plain_utf8_without_bom_and_crlf(downloads: dict[str, bytes], lang: str) -> None:
    data = downloads[f"data/facts.{lang}.csv"]
    assert not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")


def test_header_is_localised(tables) -> None:
    assert tables["en"][0][:3] == ["Figure id", "Figure label", "Raw value"]
    assert tables["fr"][0][:3] == ["Identifiant du chiffre", "Intitulé du chiffre", "Valeur brute"]
    assert len(set(tables["fr"][0])) == len(KEYS)


def test_one_row_per_report_lead_first(tables, assembly: SiteAssembly) -> None:
    expected = [(f.id, r.standing) for f in assembly.content.figures.values()
                for r in sorted(f.reports, key=lambda r: r.standing != "lead")]
    for lang in ("fr", "en"):
        assert [(row["figure_id"], row["standing"]) for row in tables[lang][1]] == expected


def test_both_languages_agree_on_everything_but_words(tables, assembly: SiteAssembly) -> None:
    fr, en = tables["fr"][1], tables["en"][1]
    assert [[row[k] for k in LANGUAGE_NEUTRAL] for row in fr] == [[row[k] for k in LANGUAGE_NEUTRAL] for row in en]
    french = assembly.languages["fr"].fmt.typography
    for row in fr:
        assert row["label"] == french(assembly.content.figures[row["figure_id"]].label.fr)


def test_raw_values_use_a_point_in_both_languages(tables, assembly: SiteAssembly) -> None:
    """Raw values as content/ gives them: digits and a decimal point, no grouping, no unit."""
    for lang in ("fr", "en"):
        rows = {(r["figure_id"], r["standing"], r["source_id"]): r for r in tables[lang][1]}
        for figure in assembly.content.figures.values():
            for report in figure.reports:
                row = rows[(figure.id, report.standing, report.source)]
                assert row["unit"] == figure.unit
                if report.value is None:
                    assert row["value"] == ""
                else:
                    assert re.fullmatch(r"-?\d+(\.\d+)?", row["value"]), row["value"]
                    assert float(row["value"]) == report.value


def test_rows_agree_with_facts_json(tables, facts: dict[str, Any]) -> None:
    json_reports = [(figure, report) for figure in facts["figures"] for report in figure["reports"]]
    for lang in ("fr", "en"):
        rows = tables[lang][1]
        assert len(rows) == len(json_reports)
        for row, (figure, report) in zip(rows, json_reports):
            assert row["figure_id"] == figure["id"]
            assert row["label"] == figure["labels"][lang]
            assert row["unit"] == figure["unit"]
            if report["value"] is None:
                assert row["value"] == ""
            else:
                assert float(row["value"]) == report["value"]
            assert row["display"] == report["display"][lang]
            assert row["as_of"] == report["as_of"]
            details = report["source_details"]
            assert row["source_publisher"] == details["publisher"][lang]
            assert row["source_date"] == (details["date"] or "")
            assert row["source_url"] == (details["url"] or "")
            assert row["note"] == (report["note"][lang] if report["note"] else "")
            for key in ("qualifier", "status", "standing"):
                assert row[key] == report[key]
