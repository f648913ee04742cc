"""``data/capacity-results.*``: the capacity model's results as a data set.

JSON (with its JSON Schema) and CSV (one file per language, and the French
spreadsheet edition, see :mod:`campus_ia.formatting.csv_table`): one record per
result of the model, for the default accelerator, with its raw low, central and high
values (to twelve significant digits, which only drops floating-point noise: rounding is a display decision), the value as the page writes it,
its status (always an estimate of this site), the day the site's figures were last
reviewed, and its address on the capacity page (the anchor of its row).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping

from .. import LANGUAGES
from ..content import Content
from ..formatting.csv_table import csv_table
from ..formatting.typography import french_typography
from ..i18n import N_
from ..pages.downloads import CAPACITY_RESULTS
from ..pages.language import LanguageContext
from .display import OUTPUT_UNITS, output_label, output_text, unit_text
from .from_content import accelerator_entry, capacity_inputs
from .model import OUTPUT_KEYS, compute_bounds
from .page_citations import result_anchor

FORMAT_VERSION = "1.0"
"""Raised on a breaking change to the layout of the file (and of its schema)."""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", N_("Result id")),
    ("label", N_("Result")),
    ("unit", N_("Unit code")),
    ("low", N_("Low")),
    ("central", N_("Central")),
    ("high", N_("High")),
    ("display", N_("Central value as written")),
    ("status", N_("Status code")),
    ("as_of", N_("Estimate as of")),
    ("accelerator", N_("Accelerator")),
    ("site_power_mw", N_("Site power (MW)")),
    ("url", N_("Address on the capacity page")),
)
"""Each column's key (a key of the JSON record, or of the document) and its header msgid."""

NUMBER_KEYS = ("low", "central", "high", "site_power_mw")


def _raw(value: float | None) -> int | float | None:
    """A JSON number: twelve significant digits, which drops floating-point noise
    (1000.0000000000001 -> 1000) and keeps far more than the estimates can carry."""
    if value is None:
        return None
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def capacity_results_document(content: Content, languages: Mapping[str, LanguageContext],
                              generated: dt.date) -> dict[str, Any]:
    """The JSON document: the model's setting (accelerator, site power) and one record per result."""
    inputs = capacity_inputs(content)
    bounds = compute_bounds(inputs)
    accelerator = inputs.accelerator
    as_of = content.partial_date(content.site.last_reviewed)
    records = []
    for key in OUTPUT_KEYS:
        central = getattr(bounds.central, key)
        display = {}
        labels = {}
        urls = {}
        for lang in LANGUAGES:
            language = languages[lang]
            labels[lang] = output_label(key, language.gettext, number_format=accelerator.number_format,
                                        grid=content.capacity.comparison_grid_name[lang])
            unit = unit_text(key, language.gettext)
            text = output_text(language.fmt, key, central)
            display[lang] = f"{text}\u00a0{unit}" if unit and central is not None else text
            page = language.page_url("capacity")
            urls[lang] = f"{(language.site_url or '/').rstrip('/')}/{page.lstrip('/')}#{result_anchor(key)}"
        records.append({
            "key": key,
            "labels": labels,
            "unit": OUTPUT_UNITS[key],
            "low": _raw(getattr(bounds.low, key)),
            "central": _raw(central),
            "high": _raw(getattr(bounds.high, key)),
            "display": display,
            "status": "estimate",
            "as_of": as_of.iso(),
            "url": urls,
        })
    return {
        "version": FORMAT_VERSION,
        "generated": generated.isoformat(),
        "site": content.site.url,
        "accelerator": accelerator_entry(content, accelerator.id).name,
        "site_power_mw": _raw(inputs.site_power_mw.value),
        "results": records,
    }


def capacity_results_json(document: dict[str, Any]) -> bytes:
    """The JSON file, French strings in French typography."""
    for record in document["results"]:
        for field in ("labels", "display"):
            record[field] = {**record[field], "fr": french_typography(record[field]["fr"])}
    return (json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def capacity_results_csv(language: LanguageContext, document: dict[str, Any], *, spreadsheet: bool = False) -> bytes:
    """One row per result, the label and value as written in ``language``."""
    lang = language.lang
    rows = []
    for record in document["results"]:
        cells = {
            **{k: "" if record[k] is None else str(record[k]) for k in ("key", "unit", "low", "central", "high",
                                                                        "status", "as_of")},
            "label": language.fmt.typography(record["labels"][lang]),
            "display": language.fmt.typography(record["display"][lang]),
            "accelerator": document["accelerator"],
            "site_power_mw": str(document["site_power_mw"]),
            "url": record["url"][lang],
        }
        rows.append([cells[k] for k, _h in COLUMNS])
    keys = [k for k, _h in COLUMNS]
    return csv_table([language.gettext(h) for _k, h in COLUMNS], rows, spreadsheet=spreadsheet,
                     number_columns=[keys.index(k) for k in NUMBER_KEYS])


_BILINGUAL = {"type": "object", "required": list(LANGUAGES), "additionalProperties": False,
              "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES}}
_NUMBER = {"type": ["number", "null"], "description": "Raw, not rounded; null when the model cannot compute it."}


def capacity_results_schema(site_url: str) -> bytes:
    """The JSON Schema (draft 2020-12) of ``capacity-results.json``, with its own address as ``$id``."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{site_url.rstrip('/')}/{CAPACITY_RESULTS.schema.path}",
        "title": "Campus IA capacity model: results",
        "description": (
            "Estimates computed by the Campus IA facts site from the announced site power and stated "
            "assumptions (see capacity.json for every input and its source); not figures announced by the "
            "project. 'low' and 'high' are, for each result separately, its lowest and highest value over "
            "the ranges of the assumptions; they are not consistent scenarios."
        ),
        "type": "object",
        "required": ["version", "generated", "site", "accelerator", "site_power_mw", "results"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": FORMAT_VERSION},
            "generated": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "site": {"type": ["string", "null"], "pattern": "^https://"},
            "accelerator": {"type": "string", "description": "The accelerator the results are computed for."},
            "site_power_mw": {"type": "number", "description": "The site power the results are computed for."},
            "results": {"type": "array", "items": {
                "type": "object",
                "required": ["key", "labels", "unit", "low", "central", "high", "display", "status", "as_of", "url"],
                "additionalProperties": False,
                "properties": {
                    "key": {"enum": list(OUTPUT_KEYS)},
                    "labels": _BILINGUAL,
                    "unit": {"type": "string", "description": "Unit code of the values ('ratio': a share of 1)."},
                    "low": _NUMBER, "central": _NUMBER, "high": _NUMBER,
                    "display": _BILINGUAL,
                    "status": {"const": "estimate"},
                    "as_of": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                              "description": "The day the site's figures were last reviewed."},
                    "url": _BILINGUAL,
                },
            }},
        },
    }
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def capacity_results_downloads(content: Content, languages: Mapping[str, LanguageContext],
                               generated: dt.date) -> dict[str, bytes]:
    """Every file of the data set, path -> bytes."""
    document = capacity_results_document(content, languages, generated)
    files = {
        CAPACITY_RESULTS.json.path: capacity_results_json(json.loads(json.dumps(document))),
        CAPACITY_RESULTS.schema.path: capacity_results_schema(content.site.url or "/"),
    }
    for lang, download in CAPACITY_RESULTS.csv.items():
        files[download.path] = capacity_results_csv(languages[lang], document)
    files[CAPACITY_RESULTS.spreadsheet.path] = capacity_results_csv(languages["fr"], document, spreadsheet=True)
    return files
