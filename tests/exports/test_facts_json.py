"""``data/facts.json`` against its schema and against values typed here from the sources."""

from __future__ import annotations

from tests.support import SITE_BASE, SITE_HOST

import copy
import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from campus_ia.exports import build_downloads
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


def test_header(facts: dict[str, Any]) -> None:
    assert facts["version"] == "2.0"
    # The site's public address, or null while content/site.yml gives none.
    assert facts["site"] == (None if SITE_BASE == "/" else SITE_BASE)
    # Default: the review date, so that two builds of the same content are identical.
    assert facts["generated"] == "2026-11-25"
    assert "license" not in facts


def test_build_date_is_only_written_as_generated(assembly: SiteAssembly, facts: dict[str, Any]) -> None:
    later = json.loads(build_downloads(assembly.content, assembly.languages, build_date=dt.date(2027, 1, 2))["data/facts.json"])
    assert later["generated"] == "2027-01-02"
    assert {**later, "generated": facts["generated"]} == facts


def test_first_tranche_keeps_every_report(facts: dict[str, Any]) -> None:
    tranche = by_id(facts["figures"])["first-tranche"]
    assert (tranche["value"], tranche["unit"], tranche["status"]) == (8_500_000_000, "EUR", "press")
    assert tranche["source"] == "lefigaro-2025-05"
    assert tranche["source_details"]["publisher"] == {"fr": "Le Figaro", "en": "Le Figaro"}
    assert {lang: plain(text) for lang, text in tranche["display"].items()} == {
        "fr": "8,5 milliards d’euros", "en": "€8.5 billion"}
    reports = [(r["value"], r["standing"], r["source_details"]["publisher"]["en"]) for r in tranche["reports"]]
    assert reports == [
        (8_500_000_000, "lead", "Le Figaro"),
        (8_000_000_000, "alternative", "La Tribune"),
        (10_000_000_000, "alternative", "BFM / Le Parisien"),
    ]


def test_amount_in_dollars_and_site_power(facts: dict[str, Any]) -> None:
    figures = by_id(facts["figures"])
    usd = figures["first-tranche-usd"]
    assert (usd["value"], usd["unit"], usd["source_details"]["publisher"]["en"]) == (9_600_000_000, "USD", "Semafor")
    power = figures["site-power"]
    assert (power["value"], power["unit"], power["status"]) == (1400, "MW", "official")
    assert isinstance(power["value"], int)
    assert power["as_of"] == "2025-05-19"
    assert {lang: plain(text) for lang, text in power["display"].items()} == {"fr": "1,4 GW", "en": "1.4 GW"}
    assert power["url"] == {
        "fr": f"{SITE_BASE}fr/chiffres-cles/#site-power",
        "en": f"{SITE_BASE}en/facts/#site-power",
    }


def test_location_is_text_with_melun_superseded(facts: dict[str, Any]) -> None:
    location = by_id(facts["figures"])["location"]
    assert location["value"] is None and location["unit"] == "text"
    assert location["text"]["fr"].startswith("Fouju")
    assert location["as_of"] == "2025-07-01/2025-12-31"
    superseded = [r for r in location["reports"] if r["standing"] == "superseded"]
    assert len(superseded) == 1
    assert "Melun" in superseded[0]["text"]["fr"] and "Melun" in superseded[0]["text"]["en"]
    assert superseded[0]["source_details"]["publisher"]["fr"] == "La Tribune"


def test_unknown_figures_have_no_value(facts: dict[str, Any]) -> None:
    accelerators = by_id(facts["figures"])["accelerators"]
    assert accelerators["status"] == "unknown"
    assert accelerators["value"] is None and accelerators["text"] is None
    assert accelerators["note"]["en"].startswith("Not announced")


def test_decimal_values_stay_raw(facts: dict[str, Any]) -> None:
    assert by_id(facts["figures"])["france-consumption-2023"]["value"] == 445.4


@pytest.mark.parametrize(
    ("milestone", "date", "precision", "qualifier"),
    [
        ("announcement", "2025-05-19", "day", None),
        ("ai-action-summit", "2025-02", "month", None),
        ("construction-start", "2026-07-01/2026-12-31", "half", "expected"),
        ("grid-240mw", "2027", "year", "by_end"),
        ("commissioning", "2028", "year", "expected"),
        ("full-delivery", "2033", "year", None),
        ("grid-1400mw", None, None, None),
    ],
)
def test_milestone_dates_are_iso_8601(facts: dict[str, Any], milestone, date, precision, qualifier) -> None:
    record = by_id(facts["milestones"])[milestone]
    assert (record["date"], record["precision"], record["qualifier"]) == (date, precision, qualifier)


def test_half_year_milestone_bounds_and_wording(facts: dict[str, Any]) -> None:
    construction = by_id(facts["milestones"])["construction-start"]
    assert (construction["start"], construction["end"]) == ("2026-07-01", "2026-12-31")
    assert plain(construction["display"]["en"]) == "expected in the second half of 2026"
    assert plain(construction["display"]["fr"]) == "au second semestre 2026 (date prévue)"
    assert construction["url"]["fr"] == f"{SITE_BASE}fr/calendrier/#construction-start"
    assert construction["key"] is True


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
