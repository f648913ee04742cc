"""``data/facts.fr.spreadsheet.csv``: the edition for spreadsheets set to French, read back as Excel would.

Excel with French settings reads a CSV file as Windows-1252 unless it starts with a
byte-order mark, splits cells on ';' (the list separator where ',' is the decimal
mark) and takes "445,4" as a number but "445.4" as text. The test reads the file
under exactly those rules and finds the values of facts.json.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from campus_ia.exports import CSV_COLUMNS, DOWNLOADS

PATH = "data/facts.fr.spreadsheet.csv"
KEYS = [key for key, _header in CSV_COLUMNS]


def french_number(text: str) -> float:
    """A cell as a spreadsheet set to French reads a number: decimal comma, no point."""
    assert "." not in text, f"{text!r} would be text, not a number, in a French spreadsheet"
    return float(text.replace(",", "."))


def spreadsheet_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would read the accents wrongly"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(KEYS) for row in body), "a row does not split into the columns on ';'"
    return header, [dict(zip(KEYS, row)) for row in body]


def test_the_spreadsheet_edition_is_a_listed_download() -> None:
    assert PATH in {d.path for d in DOWNLOADS}


def test_header_is_french_and_splits_on_semicolons(downloads: dict[str, bytes]) -> None:
    header, _rows = spreadsheet_rows(downloads[PATH])
    plain_header = next(csv.reader(io.StringIO(downloads["data/facts.fr.csv"].decode("utf-8"))))
    assert header == plain_header  # the same French headers as the plain French file


def test_values_are_those_of_facts_json_with_a_decimal_comma(downloads: dict[str, bytes], facts: dict[str, Any]) -> None:
    _header, rows = spreadsheet_rows(downloads[PATH])
    json_reports = [(figure, report) for figure in facts["figures"] for report in figure["reports"]]
    assert len(rows) == len(json_reports)
    decimals = 0
    for row, (figure, report) in zip(rows, json_reports):
        assert row["figure_id"] == figure["id"]
        assert row["label"] == figure["labels"]["fr"]
        if report["value"] is None:
            assert row["value"] == ""
        else:
            assert french_number(row["value"]) == report["value"]
            decimals += "," in row["value"]
        assert row["display"] == report["display"]["fr"]
        assert (row["status"], row["standing"]) == (report["status"], report["standing"])
    assert decimals, "no value with decimals in the content: the decimal comma is not being tested"


def test_same_rows_as_the_plain_french_file(downloads: dict[str, bytes]) -> None:
    _header, rows = spreadsheet_rows(downloads[PATH])
    plain = list(csv.reader(io.StringIO(downloads["data/facts.fr.csv"].decode("utf-8"), newline="")))[1:]
    for row, plain_row in zip(rows, plain, strict=True):
        for key, plain_cell in zip(KEYS, plain_row):
            expected = plain_cell.replace(".", ",") if key == "value" else plain_cell
            assert row[key] == expected, key
