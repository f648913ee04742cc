"""The downloads: facts as JSON (with its schema) and CSV, the timeline as iCalendar,
the updates as Atom, and the schema.org JSON-LD the pages embed.

Every figure and date goes through the same functions as the pages
(:class:`~campus_ia.pages.figures.FigureView` for what a reader sees,
:mod:`.machine_text` for raw values), so no two downloads can disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..content import Content
from ..pages.downloads import (
    DATASET_DOWNLOADS,
    DOWNLOADS,
    FACTS_CSV,
    FACTS_JSON,
    FACTS_SCHEMA,
    FACTS_SPREADSHEET_CSV,
    TIMELINE_ICS,
    UPDATES_FEED,
    Download,
)
from ..pages.language import LanguageContext
from .datasets import dataset_downloads
from .facts_csv import CSV_COLUMNS, facts_csv
from .facts_json import FORMAT_VERSION, facts_document, facts_json
from .facts_schema import SCHEMA, facts_schema, facts_schema_json
from .jsonld import dataset_graph, events_graph, organisation_graph
from .machine_text import review_date
from .timeline_calendar import milestone_uid, timeline_calendar
from .updates_feed import updates_feed


__all__ = [
    "CSV_COLUMNS",
    "DATASET_DOWNLOADS",
    "DOWNLOADS",
    "Download",
    "FORMAT_VERSION",
    "SCHEMA",
    "build_downloads",
    "dataset_graph",
    "events_graph",
    "facts_csv",
    "facts_document",
    "facts_json",
    "facts_schema",
    "facts_schema_json",
    "milestone_uid",
    "organisation_graph",
    "timeline_calendar",
    "updates_feed",
]


def build_downloads(
    content: Content, languages: Mapping[str, LanguageContext], *, build_date: dt.date | None = None
) -> dict[str, bytes]:
    """Every download as site-relative path -> bytes, in the order of :data:`DOWNLOADS`.

    ``build_date`` is written as ``generated`` in facts.json; by default it is the
    site's ``last_reviewed`` date, so that two builds of the same content give
    byte-identical files. Nothing else in the files depends on when they are built.
    """
    generated = build_date or review_date(content.site.last_reviewed)
    files: dict[str, bytes] = {
        FACTS_JSON.path: facts_json(content, languages, generated),
        FACTS_SCHEMA.path: facts_schema_json(content.site.url or "/", FACTS_SCHEMA.path),
    }
    for lang, download in FACTS_CSV.items():
        files[download.path] = facts_csv(languages[lang])
    files[FACTS_SPREADSHEET_CSV.path] = facts_csv(languages["fr"], spreadsheet=True)
    for lang, download in TIMELINE_ICS.items():
        files[download.path] = timeline_calendar(languages[lang])
    for lang, download in UPDATES_FEED.items():
        files[download.path] = updates_feed(languages[lang])
    files.update(dataset_downloads(content, languages, generated))
    return {d.path: files[d.path] for d in DOWNLOADS}
