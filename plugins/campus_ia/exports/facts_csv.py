"""``data/facts.<lang>.csv``: one row per report of every figure, for spreadsheets.

Written by :func:`campus_ia.formatting.csv_table.csv_table`, like every CSV of the
site: plain RFC 4180 (UTF-8, comma, CRLF), and for spreadsheets set to French the
edition ``data/facts.fr.spreadsheet.csv`` (byte-order mark, ``;``, decimal comma);
a text cell that a spreadsheet would run as a formula starts with ``'``.
The header and the text columns are in the file's language, French text in French
typography; the raw value uses '.' as decimal mark in both canonical files so that
they read the same in any program, and the code columns (unit, qualifier, status,
standing) keep the codes of facts.json, for programs. The last three columns give the
unit, status and standing in words of the file's language, for readers ("Officiel",
"accélérateurs"); the qualifier is already in "Value as written".
"""

from __future__ import annotations

from typing import Callable

from ..content import Content
from ..content.model import Figure, Report
from ..i18n import N_
from ..formatting.csv_table import csv_table
from ..formatting.units import UNITS
from ..pages.figures import FigureView
from ..pages.language import LanguageContext
from .machine_text import iso_period_text, raw_number_text


CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("figure_id", N_("Figure id")),
    ("label", N_("Figure label")),
    ("value", N_("Raw value")),
    ("display", N_("Value as written")),
    ("unit", N_("Unit code")),
    ("qualifier", N_("Qualifier code")),
    ("status", N_("Status code")),
    ("standing", N_("Standing code")),
    ("source_id", N_("Source id")),
    ("source_publisher", N_("Source publisher")),
    ("source_title", N_("Source title")),
    ("source_date", N_("Source date")),
    ("source_url", N_("Source address")),
    ("as_of", N_("Figure as of")),
    ("note", N_("Note on the figure")),
    # Added after the first release: at the end, so that columns keep their positions.
    ("unit_label", N_("Unit")),
    ("status_label", N_("Status")),
    ("standing_label", N_("Standing")),
)
"""Each column's key (used in tests and docs) and its header, an English msgid."""


STANDING_LABELS = {
    "lead": N_("Value the site leads with"),
    "alternative": N_("Also reported"),
    "superseded": N_("Superseded value"),
}
"""The reader's words for each standing code (the facts page uses the same)."""

MONEY_UNIT_LABELS = {"EUR": N_("euros"), "USD": N_("US dollars"), "EUR/MW": N_("euros per MW")}
OTHER_UNIT_LABELS = {"text": N_("in words"), "ratio": N_("ratio (no unit)")}

TEXT_COLUMNS = ("label", "display", "source_publisher", "source_title", "note")
"""Columns of text a reader reads: French ones get French typography."""


def unit_label(code: str, lang: str, gettext: Callable[[str], str]) -> str:
    """How the unit ``code`` reads in ``lang``: its symbol, its plural noun or its name."""
    unit = UNITS.get(code)
    if unit is None:
        return gettext(OTHER_UNIT_LABELS[code]) if code in OTHER_UNIT_LABELS else code
    if unit.kind == "symbol":
        return unit.symbol
    if unit.kind == "count":
        return unit.words[lang]["other"]
    if unit.kind == "percent":
        return "%"
    return gettext(MONEY_UNIT_LABELS[code])


def facts_csv(language: LanguageContext, *, spreadsheet: bool = False) -> bytes:
    """The CSV file of ``language`` as UTF-8 bytes; ``spreadsheet``: the edition for French spreadsheets."""
    lang, gettext, fmt, view = language.lang, language.gettext, language.fmt, language.figures
    rows = []
    for row in csv_rows(language.content, lang, view):
        row.update(
            unit_label=unit_label(row["unit"], lang, gettext),
            status_label=view.status(row["status"]),
            standing_label=gettext(STANDING_LABELS[row["standing"]]),
            **{key: fmt.typography(row[key]) for key in TEXT_COLUMNS},
        )
        rows.append([row[key] for key, _header in CSV_COLUMNS])
    keys = [key for key, _header in CSV_COLUMNS]
    return csv_table([gettext(header) for _key, header in CSV_COLUMNS], rows,
                     spreadsheet=spreadsheet, number_columns=[keys.index("value")])


def csv_rows(content: Content, lang: str, view: FigureView) -> list[dict[str, str]]:
    """Every report of every figure, the lead first within a figure, keyed by column key."""
    rows: list[dict[str, str]] = []
    for figure in content.figures.values():
        for report in sorted(figure.reports, key=lambda r: r.standing != "lead"):
            rows.append(_row(content, lang, view.value, figure, report))
    return rows


def _row(
    content: Content, lang: str, display: Callable[[Figure, Report], str], figure: Figure, report: Report
) -> dict[str, str]:
    source = content.sources[report.source]
    return {
        "figure_id": figure.id,
        "label": figure.label[lang],
        "value": raw_number_text(report.value),
        "display": display(figure, report),
        "unit": figure.unit,
        "qualifier": report.qualifier,
        "status": report.status,
        "standing": report.standing,
        "source_id": source.id,
        "source_publisher": source.publisher_in(lang),
        "source_title": source.title[lang] if source.title else "",
        "source_date": iso_period_text(source.date) or "",
        "source_url": source.url or "",
        "as_of": iso_period_text(report.as_of) or "",
        "note": report.note[lang] if report.note else "",
    }
