"""Where each download lives on the site, and what it is.

The facts page lists :data:`LISTED_DOWNLOADS` (each with its ``label``, an English
msgid), the JSON-LD ``Dataset`` lists :data:`DATASET_DOWNLOADS` and
:func:`campus_ia.exports.build_downloads` (with the site, for the capacity files)
writes them: one table for all three, so a new file is listed wherever downloads are.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import LANGUAGES
from ..i18n import N_


@dataclass(frozen=True)
class Download:
    """One generated file: its site-relative path, its media type and its language, if any."""

    path: str
    media_type: str
    lang: str | None = None
    label: str | None = None
    """What the file holds, as an English msgid, for lists of downloads."""

    @property
    def name(self) -> str:
        """The file name, as a download is labelled in machine-readable metadata."""
        return self.path.rsplit("/", 1)[-1]


FACTS_JSON = Download("data/facts.json", "application/json", label=N_("Every figure, date and source (JSON)"))
FACTS_SCHEMA = Download("data/facts.schema.json", "application/schema+json",
                        label=N_("The JSON Schema that describes the JSON file"))
FACTS_CSV = {
    "fr": Download("data/facts.fr.csv", "text/csv", "fr", N_("Every report of every figure, in French (CSV)")),
    "en": Download("data/facts.en.csv", "text/csv", "en", N_("Every report of every figure, in English (CSV)")),
}
# For spreadsheets set to French (Excel, LibreOffice): byte-order mark, ';', decimal comma.
FACTS_SPREADSHEET_CSV = Download(
    "data/facts.fr.spreadsheet.csv", "text/csv", "fr",
    N_("The same in French, for a spreadsheet set to French: Excel, LibreOffice (CSV with ';' and decimal comma)"),
)
# The English calendar keeps the plain name that the timeline page already links.
TIMELINE_ICS = {
    "fr": Download("data/timeline.fr.ics", "text/calendar", "fr", N_("The dated milestones, in French (iCalendar)")),
    "en": Download("data/timeline.ics", "text/calendar", "en", N_("The dated milestones, in English (iCalendar)")),
}
UPDATES_FEED = {lang: Download(f"{lang}/feed.xml", "application/atom+xml", lang) for lang in LANGUAGES}


@dataclass(frozen=True)
class DatasetFiles:
    """One data set's files: JSON, its JSON Schema, a CSV per language and the French spreadsheet edition."""

    json: Download
    schema: Download
    csv: dict[str, Download]
    spreadsheet: Download

    @property
    def all(self) -> tuple[Download, ...]:
        """Every file of the data set, in the order lists show them."""
        return (self.json, self.schema, *self.csv.values(), self.spreadsheet)


def _dataset(name: str, json_label: str, csv_labels: dict[str, str]) -> DatasetFiles:
    return DatasetFiles(
        json=Download(f"data/{name}.json", "application/json", label=json_label),
        schema=Download(f"data/{name}.schema.json", "application/schema+json",
                        label=N_("Its JSON Schema")),
        csv={lang: Download(f"data/{name}.{lang}.csv", "text/csv", lang, csv_labels[lang]) for lang in LANGUAGES},
        spreadsheet=Download(f"data/{name}.fr.spreadsheet.csv", "text/csv", "fr",
                             N_("The same, for a spreadsheet set to French (CSV with ';' and decimal comma)")),
    )


MILESTONES = _dataset("milestones", N_("Every milestone, dated or not (JSON)"),
                      {"fr": N_("Every milestone, in French (CSV)"), "en": N_("Every milestone, in English (CSV)")})
PARTNERS = _dataset("partners", N_("The partners and their people (JSON)"),
                    {"fr": N_("The partners, in French (CSV)"), "en": N_("The partners, in English (CSV)")})
CAPACITY_RESULTS = _dataset(
    "capacity-results", N_("The capacity model's results, low, central and high (JSON)"),
    {"fr": N_("The capacity model's results, in French (CSV)"), "en": N_("The capacity model's results, in English (CSV)")},
)

DOWNLOADS: tuple[Download, ...] = (
    FACTS_JSON,
    FACTS_SCHEMA,
    *FACTS_CSV.values(),
    FACTS_SPREADSHEET_CSV,
    *TIMELINE_ICS.values(),
    *UPDATES_FEED.values(),
    *MILESTONES.all,
    *PARTNERS.all,
)
"""Every file :func:`~campus_ia.exports.build_downloads` writes, in a stable order."""

DATASET_DOWNLOADS: tuple[Download, ...] = (
    FACTS_JSON,
    FACTS_SCHEMA,
    *FACTS_CSV.values(),
    FACTS_SPREADSHEET_CSV,
    *TIMELINE_ICS.values(),
    *MILESTONES.all,
    *PARTNERS.all,
    *CAPACITY_RESULTS.all,
)
"""The downloads that make up the facts data set (the feeds are news, not data)."""

CAPACITY_JSON = Download("data/capacity.json", "application/json",
                         label=N_("The whole capacity model: inputs with their sources, results, caveats (JSON)"))
"""The capacity model's inputs, results and caveats (``campus_ia.capacity.document``), which the site
writes beside the :data:`DOWNLOADS` of ``campus_ia.exports``."""

CAPACITY_DOWNLOADS: tuple[Download, ...] = (CAPACITY_JSON, *CAPACITY_RESULTS.all)
"""The files of the capacity model, which the site writes (``campus_ia.capacity`` builds them)."""

SITE_DOWNLOADS: tuple[Download, ...] = (*DOWNLOADS, *CAPACITY_DOWNLOADS)
"""Every download the site publishes, in the order the build writes them."""

LISTED_DOWNLOADS: tuple[tuple[str, tuple[Download, ...]], ...] = (
    (N_("Figures"), (FACTS_JSON, FACTS_SCHEMA, *FACTS_CSV.values(), FACTS_SPREADSHEET_CSV)),
    (N_("Milestones"), (*MILESTONES.all, *TIMELINE_ICS.values())),
    (N_("Partners"), PARTNERS.all),
    (N_("Capacity model (estimates)"), (*CAPACITY_RESULTS.all, CAPACITY_JSON)),
)
"""The downloads a page lists for readers, in groups (a heading msgid and its files, each with a label)."""

# -- The capacity page's charts: each as SVG, PNG and the CSV of its data, and an embed page --

CHART_KEYS: tuple[str, ...] = ("electricity", "emissions")
"""The capacity page's charts, by the key their files are named after (``campus_ia.capacity.page_charts``)."""

EMBED_SLUGS: dict[str, dict[str, str]] = {
    "electricity": {"fr": "electricite", "en": "electricity"},
    "emissions": {"fr": "emissions", "en": "emissions"},
}
"""Each chart's embed page address below its language's capacity page: ``embed/<slug>/``."""


@dataclass(frozen=True)
class ChartDownloads:
    """One chart's files: the picture in each language (SVG, PNG) and its data (CSV, both editions)."""

    key: str
    svg: dict[str, Download]
    png: dict[str, Download]
    csv: dict[str, Download]
    spreadsheet_csv: Download

    @property
    def files(self) -> tuple[Download, ...]:
        """Every file of the chart, in a stable order."""
        return (*self.svg.values(), *self.png.values(), *self.csv.values(), self.spreadsheet_csv)


def _chart_downloads(key: str) -> ChartDownloads:
    base = f"data/charts/{key}"
    return ChartDownloads(
        key,
        svg={lang: Download(f"{base}.{lang}.svg", "image/svg+xml", lang) for lang in LANGUAGES},
        png={lang: Download(f"{base}.{lang}.png", "image/png", lang) for lang in LANGUAGES},
        csv={lang: Download(f"{base}.{lang}.csv", "text/csv", lang) for lang in LANGUAGES},
        spreadsheet_csv=Download(f"{base}.fr.spreadsheet.csv", "text/csv", "fr"),
    )


CHART_DOWNLOADS: dict[str, ChartDownloads] = {key: _chart_downloads(key) for key in CHART_KEYS}
"""Each chart's files; a chart the content leaves out (no phases: no electricity chart) has none written."""


def embed_page_url(capacity_url: str, key: str, lang: str) -> str:
    """The site-relative address of chart ``key``'s embed page below the capacity page at ``capacity_url``."""
    return f"{capacity_url}embed/{EMBED_SLUGS[key][lang]}/"


PRESS_KIT = Download("data/campus-ia-press-kit.zip", "application/zip")
"""The press kit: the press texts in both languages, the data files and the charts, in one ZIP."""
