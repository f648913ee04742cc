"""The milestones, partners and capacity-results data sets, read back from a real build.

Each has JSON (validated against its own JSON Schema with the jsonschema library), a
canonical CSV per language (RFC 4180: UTF-8, comma) and the French spreadsheet edition
(byte-order mark, ';', decimal comma), parsed with the csv module. Values are checked
against ``content/`` loaded by the project's loader and the capacity model.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import lxml.html
import pytest

from campus_ia.capacity.from_content import capacity_inputs
from campus_ia.capacity.model import OUTPUT_KEYS, compute_bounds
from campus_ia.capacity.page_citations import result_anchor
from campus_ia.content import PartialDate, load_content
from campus_ia.pages.downloads import CAPACITY_RESULTS, LISTED_DOWNLOADS, MILESTONES, PARTNERS, SITE_DOWNLOADS
from tests.support import REPO_ROOT

DATASETS = {"milestones": MILESTONES, "partners": PARTNERS, "capacity-results": CAPACITY_RESULTS}
LIST_KEYS = {"milestones": "milestones", "partners": "partners", "capacity-results": "results"}
FACTS_PAGES = {"fr": "fr/chiffres-cles/index.html", "en": "en/facts/index.html"}


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_content(REPO_ROOT / "content", display_root=REPO_ROOT)


def _json(site: Path, path: str) -> Any:
    return json.loads((site / path).read_bytes().decode("utf-8"))


def canonical_rows(data: bytes) -> list[dict[str, str]]:
    assert not data.startswith(b"\xef\xbb\xbf"), "the canonical CSV must not start with a byte-order mark"
    assert b"\r\n" in data
    return _rows(list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))))


def spreadsheet_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "the spreadsheet edition needs its byte-order mark"
    return _rows(list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";")))


def _rows(table: list[list[str]]) -> list[dict[str, str]]:
    header, body = table[0], table[1:]
    assert all(len(row) == len(header) for row in body), "a row does not split into the header's columns"
    return [dict(zip(header, row)) for row in body]


def french_number(text: str) -> float:
    assert "." not in text, f"{text!r} would be text in a spreadsheet set to French"
    return float(text.replace(",", "."))


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_file_is_built_and_listed(built_site: Path, name: str) -> None:
    files = DATASETS[name]
    listed = {d.path for _heading, group in LISTED_DOWNLOADS for d in group}
    for download in files.all:
        assert download in SITE_DOWNLOADS
        assert download.path in listed
        assert (built_site / download.path).is_file(), download.path
    for lang, page in FACTS_PAGES.items():
        tree = lxml.html.fromstring((built_site / page).read_bytes())
        hrefs = {a.get("href").split("/data/")[-1] for a in tree.xpath('//ul[@class="cia-downloads"]//a[@download]')}
        assert {d.name for d in files.all} <= hrefs, (lang, name)
        labels = [a.text_content().strip() for a in tree.xpath('//ul[@class="cia-downloads"]//a[@download]')]
        assert all(labels), "a download has no label"


@pytest.mark.parametrize("name", list(DATASETS))
def test_json_validates_against_its_schema(built_site: Path, name: str) -> None:
    files = DATASETS[name]
    schema = _json(built_site, files.schema.path)
    jsonschema.Draft202012Validator.check_schema(schema)
    document = _json(built_site, files.json.path)
    jsonschema.Draft202012Validator(schema).validate(document)
    # The schema is strict: an unknown key is refused.
    broken = {**document, LIST_KEYS[name]: [{**document[LIST_KEYS[name]][0], "extra": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


@pytest.mark.parametrize("name", list(DATASETS))
def test_both_csv_editions_hold_the_json_values(built_site: Path, name: str) -> None:
    files = DATASETS[name]
    items = _json(built_site, files.json.path)[LIST_KEYS[name]]
    per_lang = {lang: canonical_rows((built_site / d.path).read_bytes()) for lang, d in files.csv.items()}
    sheet = spreadsheet_rows((built_site / files.spreadsheet.path).read_bytes())
    plain_fr = per_lang["fr"]
    assert len(sheet) == len(plain_fr) == len(per_lang["en"]) == len(items)
    for rows in (*per_lang.values(), sheet):
        assert [list(row.values())[0] for row in rows] == [item.get("id", item.get("key")) for item in items]
    for sheet_row, plain_row in zip(sheet, plain_fr):
        assert list(sheet_row) == list(plain_row)  # the same French headers
        for column, cell in plain_row.items():
            if sheet_row[column] != cell:  # only raw numbers differ: a decimal comma for a point
                assert float(cell) == french_number(sheet_row[column]), (name, column)


def test_milestones_are_those_of_the_content(built_site: Path, content) -> None:  # noqa: ANN001
    records = _json(built_site, MILESTONES.json.path)["milestones"]
    assert [r["id"] for r in records] == [m.id for m in content.milestones]
    facts = {r["id"]: r for r in _json(built_site, "data/facts.json")["milestones"]}
    rows = {lang: canonical_rows((built_site / d.path).read_bytes()) for lang, d in MILESTONES.csv.items()}
    for index, (record, milestone) in enumerate(zip(records, content.milestones)):
        assert record == facts[milestone.id]  # the same record as facts.json
        if milestone.date:
            date = PartialDate.parse(milestone.date)
            assert (record["start"], record["end"]) == (date.start.isoformat(), date.end.isoformat())
        for lang in ("fr", "en"):
            row = list(rows[lang][index].values())
            assert row[2] == (record["date"] or "")
            assert row[1] == record["titles"][lang]


def test_partners_are_those_of_the_content(built_site: Path, content) -> None:  # noqa: ANN001
    records = _json(built_site, PARTNERS.json.path)["partners"]
    assert [r["id"] for r in records] == [p.id for p in content.partners]
    for record, partner in zip(records, content.partners):
        assert (record["name"], record["group"], record["website"], record["source"]) == (
            partner.name, partner.group, partner.website, partner.source)
        assert record["role"]["en"] == partner.role.en
        assert [p["id"] for p in record["people"]] == [p.id for p in partner.people]
    rows = canonical_rows((built_site / PARTNERS.csv["en"].path).read_bytes())
    assert [list(r.values())[6] for r in rows] == [p.website for p in content.partners]


def test_capacity_results_are_the_model_s(built_site: Path, content) -> None:  # noqa: ANN001
    document = _json(built_site, CAPACITY_RESULTS.json.path)
    inputs = capacity_inputs(content)
    bounds = compute_bounds(inputs)
    assert document["site_power_mw"] == inputs.site_power_mw.value
    assert [r["key"] for r in document["results"]] == list(OUTPUT_KEYS)
    reviewed = PartialDate.parse(content.site.last_reviewed).iso()
    for record in document["results"]:
        for bound in ("low", "central", "high"):
            expected = getattr(getattr(bounds, bound), record["key"])
            if expected is None:
                assert record[bound] is None
            else:
                assert math.isclose(record[bound], expected, rel_tol=1e-9), (record["key"], bound)
        assert record["status"] == "estimate" and record["as_of"] == reviewed
        for lang in ("fr", "en"):
            assert record["url"][lang].endswith("#" + result_anchor(record["key"]))
    sheet = spreadsheet_rows((built_site / CAPACITY_RESULTS.spreadsheet.path).read_bytes())
    central_column = list(sheet[0])[4]
    for row, record in zip(sheet, document["results"]):
        if record["central"] is not None:
            assert math.isclose(french_number(row[central_column]), record["central"], rel_tol=1e-12)
