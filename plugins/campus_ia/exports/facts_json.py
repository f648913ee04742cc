"""``data/facts.json``: every figure, milestone and source, raw and as the site writes them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping

from ..pages import absolute_url
from ..content import Content, PartialDate
from ..content.model import Bilingual, Figure, Milestone, Report, Source
from ..facts.selection import figure_anchor, key_figures
from ..pages.figures import FigureView
from ..pages.language import LanguageContext
from .. import LANGUAGES
from .french_text import french_strings
from .machine_text import iso_period, iso_period_text, raw_number

FORMAT_VERSION = "2.0"
"""Raised on a breaking change to the layout of ``facts.json`` (and of its schema)."""


def facts_document(content: Content, languages: Mapping[str, LanguageContext], generated: dt.date) -> dict[str, Any]:
    """The content of ``facts.json`` as plain JSON values."""
    views = {lang: languages[lang].figures for lang in LANGUAGES}
    facts_urls = {lang: absolute_url(languages[lang].site_url, languages[lang].page_url("facts")) for lang in LANGUAGES}
    timeline_urls = {lang: absolute_url(languages[lang].site_url, languages[lang].page_url("timeline"))
                     for lang in LANGUAGES}
    on_sheet = {f.id for f in key_figures(content)}
    return {
        "version": FORMAT_VERSION,
        "generated": generated.isoformat(),
        "site": content.site.url,
        "campus": campus_record(content),
        "figures": [
            figure_record(content, figure, views, facts_urls, key=figure.id in on_sheet)
            for figure in content.figures.values()
        ],
        "milestones": [milestone_record(content, m, views, timeline_urls) for m in content.milestones],
        "sources": [source_record(s) for s in content.sources.values()],
    }


def facts_json(content: Content, languages: Mapping[str, LanguageContext], generated: dt.date) -> bytes:
    """``facts.json`` as UTF-8 bytes, indented, with a final newline (stable across builds)."""
    document = french_strings(facts_document(content, languages, generated))
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def campus_record(content: Content) -> dict[str, Any]:
    """What the campus is: its names, summary, components, purpose, sectors and their sources."""
    campus = content.campus.campus
    return {
        "names": _bilingual(campus.name),
        "tagline": _bilingual(campus.tagline),
        "summary": _bilingual(campus.summary),
        "components": [_bilingual(item) for item in campus.components],
        "lifecycle": _bilingual(campus.lifecycle),
        "sectors": [_bilingual(item) for item in campus.sectors],
        "sources": list(campus.sources),
    }


def figure_record(
    content: Content,
    figure: Figure,
    views: dict[str, FigureView],
    facts_urls: dict[str, str],
    *,
    key: bool,
) -> dict[str, Any]:
    """One figure: its lead report at the top level, every report under ``reports``."""
    lead = report_record(content, figure, figure.lead, views)
    del lead["standing"]
    return {
        "id": figure.id,
        "key": key,
        "labels": _bilingual(figure.label),
        "unit": figure.unit,
        **lead,
        "url": {lang: f"{facts_urls[lang]}#{figure_anchor(figure.id)}" for lang in LANGUAGES},
        "reports": [report_record(content, figure, r, views) for r in _lead_first(figure)],
    }


def report_record(content: Content, figure: Figure, report: Report, views: dict[str, FigureView]) -> dict[str, Any]:
    """One report of a figure: raw value (or text), qualifier, status, source, date, display."""
    return {
        "value": raw_number(report.value) if report.value is not None else None,
        "text": _bilingual(report.text),
        "qualifier": report.qualifier,
        "status": report.status,
        "standing": report.standing,
        "as_of": iso_period_text(report.as_of),
        "source": report.source,
        "source_details": source_details(content.sources[report.source]),
        "display": {lang: views[lang].value(figure, report) for lang in LANGUAGES},
        "note": _bilingual(report.note),
    }


def milestone_record(
    content: Content, milestone: Milestone, views: dict[str, FigureView], timeline_urls: dict[str, str]
) -> dict[str, Any]:
    """One milestone, its date in ISO 8601 (an interval for a quarter or a half-year)."""
    date = PartialDate.parse(milestone.date) if milestone.date else None
    return {
        "id": milestone.id,
        "date": iso_period(date) if date else None,
        "precision": date.precision if date else None,
        "start": date.start.isoformat() if date else None,
        "end": date.end.isoformat() if date else None,
        "qualifier": milestone.date_qualifier,
        "display": {
            lang: views[lang].fmt.date(date, milestone.date_qualifier) if date else None for lang in LANGUAGES
        },
        "titles": _bilingual(milestone.title),
        "summaries": _bilingual(milestone.summary),
        "state": milestone.state,
        "category": milestone.category,
        "key": milestone.key,
        "status": milestone.status,
        "sources": list(milestone.sources),
        "url": {lang: f"{timeline_urls[lang]}#{milestone.id}" for lang in LANGUAGES},
    }


def source_details(source: Source) -> dict[str, Any]:
    """What a reader needs to find a source again, embedded in each report."""
    return {
        "publisher": {lang: source.publisher_in(lang) for lang in LANGUAGES},
        "title": _bilingual(source.title),
        "date": iso_period_text(source.date),
        "url": source.url,
    }


def source_record(source: Source) -> dict[str, Any]:
    """One entry of the top-level ``sources`` list."""
    return {
        "id": source.id,
        **source_details(source),
        "description": _bilingual(source.description),
        "via": source.via,
        "status": source.status,
    }


def _lead_first(figure: Figure) -> list[Report]:
    return sorted(figure.reports, key=lambda r: r.standing != "lead")


def _bilingual(text: Bilingual | None) -> dict[str, str] | None:
    return {lang: text[lang] for lang in LANGUAGES} if text is not None else None

