"""``data/facts.json`` against its schema and against content/, loaded through the project's loader."""

from __future__ import annotations

from tests.support import SITE_BASE

import copy
import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from campus_ia.content import PartialDate
from campus_ia.exports import build_downloads
from campus_ia.exports.machine_text import iso_period, review_date
from campus_ia.facts import key_figures
from campus_ia.pages.figures import FigureView
from campus_ia.site.assembly import SiteAssembly


def plain(text: str) -> str:
    """``text`` with the no-break spaces the formatter puts in turned into plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records}


@pytest.fixture(scope="module")
def schema(downloads: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(downloads["data/facts.schema.json"])


def test_facts_json_validates_against_its_schema(facts: dict[str, Any], schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(facts)


def test_schema_is_draft_2020_12_with_its_own_address(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{SITE_BASE}data/facts.schema.json"


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["figures"][0].__setitem__("value", "1,4 GW"),
        lambda d: d["figures"][0].__setitem__("status", "rumour"),
        lambda d: d["milestones"][0].__setitem__("date", "2026-H2"),
        lambda d: d["figures"][0]["reports"][0].pop("standing"),
        lambda d: d.__setitem__("license", "CC-BY"),
    ],
    ids=["formatted-value", "unknown-status", "non-iso-date", "no-standing", "unknown-key"],
)
def test_schema_refuses_what_re_users_must_not_meet(facts: dict[str, Any], schema: dict[str, Any], break_it) -> None:
    broken = copy.deepcopy(facts)
    break_it(broken)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_header(facts: dict[str, Any], assembly: SiteAssembly) -> None:
    assert facts["version"] == "2.0"
    # The site's public address, or null while content/site.yml gives none.
    assert facts["site"] == (None if SITE_BASE == "/" else SITE_BASE)
    # Default: the review date, so that two builds of the same content are identical.
    assert facts["generated"] == review_date(assembly.content.site.last_reviewed).isoformat()
    assert "license" not in facts


def test_build_date_is_only_written_as_generated(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    later = json.loads(build_downloads(assembly.content, assembly.languages, build_date=dt.date(2027, 1, 2))["data/facts.json"])
    assert later["generated"] == "2027-01-02"
    assert {**later, "generated": facts["generated"]} == facts


def _iso(day: dt.date) -> str:
    return day.isoformat()


def test_every_figure_keeps_every_report_as_content_gives_it(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    """Raw values (an integer stays an integer), units, statuses, sources and dates, lead first."""
    content, figures = assembly.content, by_id(facts["figures"])
    french = assembly.languages["fr"].fmt.typography
    for figure in content.figures.values():
        record, lead = figures[figure.id], figure.lead
        assert (record["value"], record["unit"], record["status"], record["source"]) == (
            lead.value, figure.unit, lead.status, lead.source), figure.id
        if lead.value is not None:
            assert type(record["value"]) is (int if float(lead.value).is_integer() else float), figure.id
        if lead.status == "unknown":
            assert record["value"] is None and record["text"] is None, figure.id
        assert record["as_of"] == iso_period(PartialDate.parse(lead.as_of))
        assert record["url"] == {lang: f"{SITE_BASE}{assembly.structure.get('facts', lang).url}#{figure.id}"
                                 for lang in ("fr", "en")}
        ordered = sorted(figure.reports, key=lambda r: r.standing != "lead")
        assert [(r["value"], r["standing"], r["source"]) for r in record["reports"]] == [
            (r.value, r.standing, r.source) for r in ordered], figure.id
        for shown, report in zip(record["reports"], ordered):
            publisher = content.sources[report.source]
            assert shown["source_details"]["publisher"] == {
                "fr": french(publisher.publisher_in("fr")), "en": publisher.publisher_in("en")}
            if report.text is not None:
                assert shown["text"] == {"fr": french(report.text.fr), "en": report.text.en}


def test_milestone_dates_are_iso_8601(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    """A day, a month or a year as ISO 8601 writes it; a quarter or a half-year as its interval."""
    records = by_id(facts["milestones"])
    for milestone in assembly.content.milestones:
        record = records[milestone.id]
        if not milestone.date:
            assert (record["date"], record["precision"], record["qualifier"]) == (None, None, None), milestone.id
            continue
        period = PartialDate.parse(milestone.date)
        written = {"day": _iso(period.start), "month": _iso(period.start)[:7], "year": str(period.start.year)}.get(
            period.precision, f"{_iso(period.start)}/{_iso(period.end)}")
        assert (record["date"], record["qualifier"]) == (written, milestone.date_qualifier), milestone.id
        assert (record["start"], record["end"]) == (_iso(period.start), _iso(period.end)), milestone.id


def test_milestones_are_worded_and_linked_as_the_pages_write_them(
    assembly: SiteAssembly, facts: dict[str, Any]
) -> None:
    records = by_id(facts["milestones"])
    for milestone in assembly.content.milestones:
        record = records[milestone.id]
        for lang in ("fr", "en"):
            timeline = assembly.structure.get("timeline", lang).url
            assert record["url"][lang] == f"{SITE_BASE}{timeline}#{milestone.id}"
            if milestone.date:
                assert record["display"][lang] == assembly.languages[lang].figure_text(milestone.id)


def test_everything_in_the_content_is_exported(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    content = assembly.content
    assert [f["id"] for f in facts["figures"]] == list(content.figures)
    assert [m["id"] for m in facts["milestones"]] == [m.id for m in content.milestones]
    assert {s["id"] for s in facts["sources"]} == set(content.sources)
    for figure in facts["figures"]:
        assert len(figure["reports"]) == len(content.figures[figure["id"]].reports)
        assert figure["reports"][0]["standing"] == "lead"
        for report in figure["reports"]:
            assert report["source"] in content.sources


def test_key_flag_is_the_facts_sheet_selection(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    assert [f["id"] for f in facts["figures"] if f["key"]] == [f.id for f in key_figures(assembly.content)]


def test_display_is_what_the_pages_write(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    for lang in ("fr", "en"):
        language = assembly.languages[lang]
        view = FigureView(assembly.content, lang, language.fmt, language.gettext)
        for record in facts["figures"]:
            figure = assembly.content.figures[record["id"]]
            assert record["display"][lang] == view.value(figure)
            assert [r["display"][lang] for r in record["reports"]] == [r.value for r in view.reports(figure)]
