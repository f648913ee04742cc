"""``data/facts.schema.json``: the JSON Schema (draft 2020-12) of ``data/facts.json``.

Written by hand rather than generated, because it documents the published format
(the promise to re-users), not the content model, which may change behind it.
"""

from __future__ import annotations

import json
from typing import Any

from ..pages import absolute_url
from .. import LANGUAGES
from ..content.model import Qualifier, Standing, Status, Unit
from .facts_json import FORMAT_VERSION

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_DAY = r"\d{4}-\d{2}-\d{2}"
ISO_PERIOD_PATTERN = rf"^(\d{{4}}|\d{{4}}-\d{{2}}|{_DAY}|{_DAY}/{_DAY})$"
"""A day, a month, a year, or an interval of two days (quarters and half-years)."""


def _choices(literal: Any) -> list[str]:
    return list(literal.__args__)


def _bilingual(description: str, *, nullable: bool = False) -> dict[str, Any]:
    shape: dict[str, Any] = {"$ref": "#/$defs/bilingual"}
    if nullable:
        shape = {"anyOf": [shape, {"type": "null"}]}
    return {**shape, "description": description}


def _nullable(kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], "description": description, **extra}


_REPORT_PROPERTIES: dict[str, Any] = {
    "value": _nullable("number", "The raw number in the figure's unit; null for text figures and unknown values."),
    "text": _bilingual("For text figures, the value in French and English; otherwise null.", nullable=True),
    "qualifier": {"enum": _choices(Qualifier), "description": "exact, approx (about), up_to, more_than or at_least."},
    "status": {"enum": _choices(Status), "description": "official, press (press report), estimate or unknown (not yet known)."},
    "as_of": {"$ref": "#/$defs/isoPeriod", "description": "When the figure was stated or checked."},
    "source": {"type": "string", "description": "The id of an entry of the top-level 'sources' list."},
    "source_details": {"$ref": "#/$defs/sourceDetails"},
    "display": {"$ref": "#/$defs/bilingual", "description": "The value as the site writes it in each language."},
    "note": _bilingual("Context a reader needs (what the figure counts, a caveat).", nullable=True),
}

SCHEMA: dict[str, Any] = {
    "$schema": SCHEMA_DIALECT,
    "title": "Campus IA facts",
    "description": (
        "Every figure, milestone and source published by the Campus IA facts site. Numbers are raw "
        "(no rounding, no thousands separators) in the unit given; dates are ISO 8601 at the precision "
        "the sources give, quarters and half-years as an interval of days."
    ),
    "type": "object",
    "required": ["version", "generated", "site", "campus", "figures", "milestones", "sources"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": FORMAT_VERSION, "description": "The version of this format."},
        "generated": {"type": "string", "pattern": rf"^{_DAY}$", "description": "The day the file was built."},
        "site": {"type": ["string", "null"], "pattern": "^https://",
                 "description": "The site's address; null while it has none (the other addresses are then "
                                "relative to the site's root)."},
        "campus": {
            "type": "object",
            "description": "What the campus is, as its sources describe it.",
            "required": ["names", "tagline", "summary", "components", "lifecycle", "sectors", "sources"],
            "additionalProperties": False,
            "properties": {
                "names": {"$ref": "#/$defs/bilingual"},
                "tagline": {"$ref": "#/$defs/bilingual"},
                "summary": {"$ref": "#/$defs/bilingual"},
                "components": {"type": "array", "items": {"$ref": "#/$defs/bilingual"},
                               "description": "What the campus will hold."},
                "lifecycle": {"$ref": "#/$defs/bilingual", "description": "Its purpose (the AI life cycle it covers)."},
                "sectors": {"type": "array", "items": {"$ref": "#/$defs/bilingual"},
                            "description": "The sectors it is meant to serve."},
                "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            },
        },
        "figures": {"type": "array", "items": {"$ref": "#/$defs/figure"}},
        "milestones": {"type": "array", "items": {"$ref": "#/$defs/milestone"}},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
    },
    "$defs": {
        "bilingual": {
            "type": "object",
            "required": list(LANGUAGES),
            "additionalProperties": False,
            "properties": {"fr": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
        },
        "bilingualOrNull": {
            "type": "object",
            "required": ["fr", "en"],
            "additionalProperties": False,
            "properties": {"fr": {"type": ["string", "null"]}, "en": {"type": ["string", "null"]}},
        },
        "isoPeriod": {"type": "string", "pattern": ISO_PERIOD_PATTERN},
        "isoPeriodOrNull": {"anyOf": [{"$ref": "#/$defs/isoPeriod"}, {"type": "null"}]},
        "sourceDetails": {
            "type": "object",
            "description": "The publication a report comes from.",
            "required": ["publisher", "title", "date", "url"],
            "additionalProperties": False,
            "properties": {
                "publisher": _bilingual("Who published it, as readers of each language know it."),
                "title": _bilingual("The publication's title, when known.", nullable=True),
                "date": {"$ref": "#/$defs/isoPeriodOrNull", "description": "Publication date, when known."},
                "url": _nullable("string", "Address of the publication, when known.", pattern="^https://"),
            },
        },
        "report": {
            "type": "object",
            "required": [*_REPORT_PROPERTIES, "standing"],
            "additionalProperties": False,
            "properties": {
                **_REPORT_PROPERTIES,
                "standing": {"enum": _choices(Standing),
                             "description": "lead (the figure the site leads with), alternative or superseded."},
            },
        },
        "figure": {
            "type": "object",
            "description": "A figure: its lead report at the top level, every report under 'reports'.",
            "required": ["id", "key", "labels", "unit", *_REPORT_PROPERTIES, "url", "reports"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "description": "Stable id; also the figure's anchor on the facts page."},
                "key": {"type": "boolean", "description": "Shown among the key figures of the facts page."},
                "labels": {"$ref": "#/$defs/bilingual"},
                "unit": {"enum": _choices(Unit), "description": "The unit of 'value' ('text' for figures in words)."},
                **_REPORT_PROPERTIES,
                "url": {"$ref": "#/$defs/bilingual", "description": "The figure on the facts page, per language."},
                "reports": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/report"}},
            },
        },
        "milestone": {
            "type": "object",
            "required": ["id", "date", "precision", "start", "end", "qualifier", "display", "titles", "summaries",
                         "state", "category", "key", "status", "sources", "url"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "date": {"$ref": "#/$defs/isoPeriodOrNull", "description": "null when not yet known."},
                "precision": {"enum": ["day", "month", "quarter", "half", "year", None]},
                "start": _nullable("string", "First day of the period.", pattern=rf"^{_DAY}$"),
                "end": _nullable("string", "Last day of the period (inclusive).", pattern=rf"^{_DAY}$"),
                "qualifier": {"enum": ["by_end", "before_end", "from", "expected", None],
                              "description": "by the end of, before the end of, from, expected (a planned "
                                             "date); null for the date itself."},
                "display": {"$ref": "#/$defs/bilingualOrNull", "description": "The date as the site writes it."},
                "titles": {"$ref": "#/$defs/bilingual"},
                "summaries": {"$ref": "#/$defs/bilingual"},
                "state": {"enum": ["done", "planned"]},
                "category": {"enum": ["campus", "context"]},
                "key": {"type": "boolean", "description": "Shown among the key dates of the facts page."},
                "status": {"enum": _choices(Status)},
                "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "url": {"$ref": "#/$defs/bilingual", "description": "The milestone on the timeline page."},
            },
        },
        "source": {
            "type": "object",
            "required": ["id", "publisher", "title", "date", "url", "description", "via", "status"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "publisher": _bilingual("Who published it, as readers of each language know it."),
                "title": _bilingual("The publication's title, when known.", nullable=True),
                "date": {"$ref": "#/$defs/isoPeriodOrNull"},
                "url": _nullable("string", "Address of the publication, when known.", pattern="^https://"),
                "description": {"$ref": "#/$defs/bilingual"},
                "via": _nullable("string", "Where the site found it, when not at the publisher."),
                "status": {"enum": _choices(Status)},
            },
        },
    },
}


def facts_schema(site_url: str, schema_path: str) -> dict[str, Any]:
    """The schema with its ``$id``: its own address on the site."""
    return {"$schema": SCHEMA_DIALECT, "$id": absolute_url(site_url, schema_path),
            **{k: v for k, v in SCHEMA.items() if k != "$schema"}}


def facts_schema_json(site_url: str, schema_path: str) -> bytes:
    """The schema file as UTF-8 bytes."""
    return (json.dumps(facts_schema(site_url, schema_path), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
