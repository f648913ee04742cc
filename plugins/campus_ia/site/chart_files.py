"""The capacity page's charts as files: SVG and PNG in each language, and the CSV of their data.

Each chart is drawn from the same ``ChartView`` as the page (``capacity.page_charts``), so the
files, the page and its tables cannot disagree. The SVG travels without the site's stylesheet:
its colours are attributes, and its title and source are written inside it. The PNG is that
SVG drawn with Pillow (``sharing.chart_png``). The data come in the editions of the facts CSV:
``<chart>.<lang>.csv`` (UTF-8, comma, '.' decimal mark: RFC 4180) and
``<chart>.fr.spreadsheet.csv`` for spreadsheets set to French (byte-order mark, ``;``,
decimal comma). Every text cell that a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

from typing import Mapping

from ..capacity.charts import standalone_chart
from ..capacity.page_charts import ChartView, chart_views
from ..capacity.page_text import PageText
from ..exports.machine_text import raw_number_text
from ..formatting.csv_table import csv_table
from ..i18n import N_
from ..pages import PageContext, absolute_url
from ..pages.downloads import CHART_DOWNLOADS
from ..sharing import cached_chart_pngs

PNG_SCALE = 3
"""Pixels per unit of the chart's 350-unit-wide viewBox: a 1050-pixel-wide PNG, sharp on a slide."""

SIGNIFICANT_DIGITS = 6
"""The CSV's raw numbers keep six significant digits: far more than an estimate's precision,
without the binary noise of floating point (``10.512000000000002``)."""

SOURCE_LINE = N_("Source: %(site)s, %(page)s")
ESTIMATE_LINE = N_("Estimates computed by the site from stated assumptions, not announcements; "
                   "reviewed on %(date)s.")


def capacity_charts(ctx: PageContext) -> tuple[ChartView, ...]:
    """The charts of the capacity page in ``ctx`` (the capacity page of one language)."""
    return chart_views(PageText.from_context(ctx))


def chart_address(ctx: PageContext, key: str) -> str:
    """Where chart ``key`` is on its page: absolute once the site has an address, else from the root."""
    path = f"{ctx.page_urls[('capacity', ctx.lang)]}#chart-{key}"
    site_url = ctx.language.site_url
    return absolute_url(site_url, path) if site_url != "/" else f"/{path}"


def source_lines(ctx: PageContext, key: str) -> tuple[str, str, str]:
    """The lines under a chart that travels alone: who, where, and that it is an estimate."""
    site = ctx.content.site
    date = ctx.fmt.date(ctx.content.partial_date(site.last_reviewed))
    return (
        ctx.gettext(SOURCE_LINE) % {
            "site": ctx.fmt.typography(site.title[ctx.lang]),
            "page": ctx.fmt.typography(site.pages[_capacity_order(ctx)].title[ctx.lang]),
        },
        chart_address(ctx, key),
        ctx.gettext(ESTIMATE_LINE) % {"date": date},
    )


def _capacity_order(ctx: PageContext) -> int:
    return next(i for i, page in enumerate(ctx.content.site.pages) if page.id == "capacity")


def chart_svg(ctx: PageContext, view: ChartView) -> str:
    """The chart as a standalone SVG file, in ``ctx``'s language."""
    return standalone_chart(
        view.title, view.description, view.bars, unit_label=ctx.fmt.typography(view.unit_label),
        source=source_lines(ctx, view.key),
    )


def _number(value: float) -> str:
    return raw_number_text(float(f"{value:.{SIGNIFICANT_DIGITS}g}"))


def chart_csv(ctx: PageContext, view: ChartView, *, spreadsheet: bool = False) -> bytes:
    """The chart's numbers as CSV in ``ctx``'s language; ``spreadsheet``: the French spreadsheet edition."""
    rows = [[ctx.fmt.typography(cell) if isinstance(cell, str) else _number(cell) for cell in row]
            for row in view.data.rows]
    numbers = {i for row in view.data.rows for i, cell in enumerate(row) if not isinstance(cell, str)}
    return csv_table(view.data.headers, rows, spreadsheet=spreadsheet, number_columns=numbers)


def chart_downloads(contexts: Mapping[str, PageContext]) -> dict[str, bytes]:
    """Every chart file (site path -> bytes); ``contexts``: the capacity page's context in each language."""
    files: dict[str, bytes] = {}
    drawn: dict[str, str] = {}  # PNG path -> its SVG, drawn together at the end
    for lang, ctx in contexts.items():
        for view in capacity_charts(ctx):
            paths = CHART_DOWNLOADS[view.key]
            svg = chart_svg(ctx, view)
            files[paths.svg[lang].path] = svg.encode("utf-8")
            files[paths.png[lang].path] = b""
            drawn[paths.png[lang].path] = svg
            files[paths.csv[lang].path] = chart_csv(ctx, view)
            if lang == paths.spreadsheet_csv.lang:
                files[paths.spreadsheet_csv.path] = chart_csv(ctx, view, spreadsheet=True)
    files.update(zip(drawn, cached_chart_pngs(list(drawn.values()), scale=PNG_SCALE)))
    return files
