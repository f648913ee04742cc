"""Where each download lives on the site, and what it is.

The facts page links these addresses, the JSON-LD ``Dataset`` lists them and
:func:`campus_ia.exports.build_downloads` writes them: one table for all three.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import LANGUAGES


@dataclass(frozen=True)
class Download:
    """One generated file: its site-relative path, its media type and its language, if any."""

    path: str
    media_type: str
    lang: str | None = None

    @property
    def name(self) -> str:
        """The file name, as a download is labelled in machine-readable metadata."""
        return self.path.rsplit("/", 1)[-1]


FACTS_JSON = Download("data/facts.json", "application/json")
FACTS_SCHEMA = Download("data/facts.schema.json", "application/schema+json")
FACTS_CSV = {lang: Download(f"data/facts.{lang}.csv", "text/csv", lang) for lang in LANGUAGES}
# For spreadsheets set to French (Excel, LibreOffice): byte-order mark, ';', decimal comma.
FACTS_SPREADSHEET_CSV = Download("data/facts.fr.spreadsheet.csv", "text/csv", "fr")
# The English calendar keeps the plain name that the timeline page already links.
TIMELINE_ICS = {
    "fr": Download("data/timeline.fr.ics", "text/calendar", "fr"),
    "en": Download("data/timeline.ics", "text/calendar", "en"),
}
UPDATES_FEED = {lang: Download(f"{lang}/feed.xml", "application/atom+xml", lang) for lang in LANGUAGES}

DOWNLOADS: tuple[Download, ...] = (
    FACTS_JSON,
    FACTS_SCHEMA,
    *FACTS_CSV.values(),
    FACTS_SPREADSHEET_CSV,
    *TIMELINE_ICS.values(),
    *UPDATES_FEED.values(),
)
"""Every file :func:`~campus_ia.exports.build_downloads` writes, in a stable order."""

DATASET_DOWNLOADS: tuple[Download, ...] = (
    FACTS_JSON,
    FACTS_SCHEMA,
    *FACTS_CSV.values(),
    FACTS_SPREADSHEET_CSV,
    *TIMELINE_ICS.values(),
)
"""The downloads that make up the facts data set (the feeds are news, not data)."""

CAPACITY_JSON = Download("data/capacity.json", "application/json")
"""The capacity model's inputs, results and caveats (``campus_ia.capacity.document``), which the site
writes beside the :data:`DOWNLOADS` of ``campus_ia.exports``."""

SITE_DOWNLOADS: tuple[Download, ...] = (*DOWNLOADS, CAPACITY_JSON)
"""Every download the site publishes, in the order the build writes them."""


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
