"""``data/milestones.*`` and ``data/partners.*``: two more data sets, each as JSON (with its
JSON Schema) and CSV (one file per language, and the French spreadsheet edition).

The JSON records are those of ``facts.json`` (a milestone is :func:`.facts_json.milestone_record`),
so the files cannot disagree; the CSV files give one row per milestone or partner, the
text in the file's language (French typography in French), codes as in the JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Mapping

from ..pages import absolute_url
from .. import LANGUAGES
from ..content import Content
from ..i18n import N_
from ..pages.downloads import MILESTONES, PARTNERS, DatasetFiles
from ..pages.language import LanguageContext
from ..formatting.csv_table import csv_table
from .facts_json import FORMAT_VERSION, milestone_record, source_details
from .facts_schema import SCHEMA as FACTS_SCHEMA
from .facts_schema import SCHEMA_DIALECT
from .french_text import french_strings

MILESTONE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", N_("Milestone id")),
    ("title", N_("Title")),
    ("date", N_("Date (ISO 8601)")),
    ("precision", N_("Date precision")),
    ("start", N_("First day of the period")),
    ("end", N_("Last day of the period")),
    ("qualifier", N_("Date qualifier code")),
    ("display", N_("Date as written")),
    ("state", N_("State code")),
    ("category", N_("Category code")),
    ("key", N_("Key date")),
    ("status", N_("Status code")),
    ("status_label", N_("Status")),
    ("sources", N_("Source ids")),
    ("summary", N_("Summary")),
    ("url", N_("Address on the timeline")),
)
"""Each column's key (a key of the JSON record, or ``status_label``) and its header msgid."""

PARTNER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", N_("Partner id")),
    ("name", N_("Name")),
    ("group", N_("Group code")),
    ("group_label", N_("Group")),
    ("role", N_("Role")),
    ("description", N_("Description")),
    ("website", N_("Website")),
    ("source", N_("Source id")),
    ("source_publisher", N_("Source publisher")),
    ("people", N_("People and their roles")),
)
"""Each column's key and its header msgid."""

GROUP_LABELS = {"founder": N_("Founder of the joint venture"), "participant": N_("Participant")}


def _document(content: Content, generated: dt.date, key: str, items: list[dict[str, Any]]) -> bytes:
    document = {"version": FORMAT_VERSION, "generated": generated.isoformat(), "site": content.site.url, key: items}
    return (json.dumps(french_strings(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def milestone_records(content: Content, languages: Mapping[str, LanguageContext]) -> list[dict[str, Any]]:
    """Every milestone as ``facts.json`` writes it, in timeline order."""
    views = {lang: languages[lang].figures for lang in LANGUAGES}
    urls = {lang: absolute_url(languages[lang].site_url, languages[lang].page_url("timeline")) for lang in LANGUAGES}
    return [milestone_record(content, m, views, urls) for m in content.milestones]


def partner_records(content: Content) -> list[dict[str, Any]]:
    """Every partner: name, group, role and description in both languages, website, source, people."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "group": p.group,
            "role": {lang: p.role[lang] for lang in LANGUAGES},
            "description": {lang: p.description[lang] for lang in LANGUAGES},
            "website": p.website,
            "source": p.source,
            "source_details": source_details(content.sources[p.source]),
            "people": [{"id": person.id, "name": person.name, "role": {lang: person.role[lang] for lang in LANGUAGES}}
                       for person in p.people],
        }
        for p in content.partners
    ]


def milestones_csv(language: LanguageContext, records: list[dict[str, Any]], *, spreadsheet: bool = False) -> bytes:
    """One row per milestone, text in ``language``."""
    lang, fmt, _ = language.lang, language.fmt, language.gettext

    def row(r: dict[str, Any]) -> dict[str, str]:
        return {
            **{k: "" if r[k] is None else str(r[k]) for k in ("id", "date", "precision", "start", "end", "qualifier",
                                                               "state", "category", "status")},
            "title": fmt.typography(r["titles"][lang]),
            "display": fmt.typography(r["display"][lang] or ""),
            "key": "true" if r["key"] else "false",
            "status_label": language.figures.status(r["status"]),
            "sources": " ".join(r["sources"]),
            "summary": fmt.typography(" ".join(r["summaries"][lang].split())),
            "url": r["url"][lang],
        }

    return _table(MILESTONE_COLUMNS, _, [row(r) for r in records], spreadsheet)


def partners_csv(language: LanguageContext, records: list[dict[str, Any]], *, spreadsheet: bool = False) -> bytes:
    """One row per partner, text in ``language``; its people in one cell ("name (role); ...")."""
    lang, fmt, _ = language.lang, language.fmt, language.gettext

    def row(r: dict[str, Any]) -> dict[str, str]:
        return {
            "id": r["id"], "name": r["name"], "group": r["group"], "group_label": _(GROUP_LABELS[r["group"]]),
            "role": fmt.typography(r["role"][lang]),
            "description": fmt.typography(r["description"][lang]),
            "website": r["website"], "source": r["source"],
            "source_publisher": fmt.typography(r["source_details"]["publisher"][lang]),
            "people": fmt.typography("; ".join(f"{p['name']} ({p['role'][lang]})" for p in r["people"])),
        }

    return _table(PARTNER_COLUMNS, _, [row(r) for r in records], spreadsheet)


def _table(columns: tuple[tuple[str, str], ...], gettext: Callable[[str], str], rows: list[dict[str, str]],
           spreadsheet: bool) -> bytes:
    return csv_table([gettext(h) for _k, h in columns], [[r[k] for k, _h in columns] for r in rows],
                     spreadsheet=spreadsheet)


_DEFS = FACTS_SCHEMA["$defs"]

_PARTNER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "group", "role", "description", "website", "source", "source_details", "people"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string", "minLength": 1},
        "group": {"enum": ["founder", "participant"], "description": "founder (of the joint venture) or participant."},
        "role": {"$ref": "#/$defs/bilingual", "description": "Its role in Campus IA, as the sources state it."},
        "description": {"$ref": "#/$defs/bilingual"},
        "website": {"type": "string", "pattern": "^https://"},
        "source": {"type": "string", "description": "The id of a source of facts.json."},
        "source_details": {"$ref": "#/$defs/sourceDetails"},
        "people": {"type": "array", "items": {
            "type": "object", "required": ["id", "name", "role"], "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "name": {"type": "string", "minLength": 1},
                           "role": {"$ref": "#/$defs/bilingual"}},
        }},
    },
}


def dataset_schema(site_url: str, files: DatasetFiles, *, title: str, description: str, key: str,
                   item: dict[str, Any]) -> bytes:
    """The JSON Schema of a data set's JSON file: version, generated, site and the list under ``key``."""
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": absolute_url(site_url, files.schema.path),
        "title": title,
        "description": description,
        "type": "object",
        "required": ["version", "generated", "site", key],
        "additionalProperties": False,
        "properties": {
            "version": FACTS_SCHEMA["properties"]["version"],
            "generated": FACTS_SCHEMA["properties"]["generated"],
            "site": FACTS_SCHEMA["properties"]["site"],
            key: {"type": "array", "items": item},
        },
        "$defs": _DEFS,
    }
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def dataset_downloads(content: Content, languages: Mapping[str, LanguageContext], generated: dt.date
                      ) -> dict[str, bytes]:
    """The files of the milestones and partners data sets, path -> bytes."""
    site_url = content.site.url or "/"
    files: dict[str, bytes] = {}
    milestones, partners = milestone_records(content, languages), partner_records(content)
    files[MILESTONES.json.path] = _document(content, generated, "milestones", milestones)
    files[MILESTONES.schema.path] = dataset_schema(
        site_url, MILESTONES, title="Campus IA milestones", key="milestones", item={"$ref": "#/$defs/milestone"},
        description="Every milestone of Campus IA, past or planned, as in facts.json: dates in ISO 8601 at the "
                    "precision the sources give, quarters and half-years as an interval of days.")
    files[PARTNERS.json.path] = _document(content, generated, "partners", partners)
    files[PARTNERS.schema.path] = dataset_schema(
        site_url, PARTNERS, title="Campus IA partners", key="partners", item=_PARTNER_SCHEMA,
        description="The founders of the Campus IA joint venture and the other participants, with their "
                    "role as the sources state it and the source of it.")
    for lang, download in MILESTONES.csv.items():
        files[download.path] = milestones_csv(languages[lang], milestones)
    files[MILESTONES.spreadsheet.path] = milestones_csv(languages["fr"], milestones, spreadsheet=True)
    for lang, download in PARTNERS.csv.items():
        files[download.path] = partners_csv(languages[lang], partners)
    files[PARTNERS.spreadsheet.path] = partners_csv(languages["fr"], partners, spreadsheet=True)
    return files
