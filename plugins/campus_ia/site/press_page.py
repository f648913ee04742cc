"""The press page: standard descriptions, contact, reuse terms, what is official, every download.

Every sentence is built from ``content/`` (the campus's summary, the key figures with their
status and source, the publisher block of ``site.yml``) and from the downloads table
(``pages.downloads``), so the page stays true when a figure changes and never shows a
contact or a licence that the repository does not give. The same view gives the press
kit's texts (``press_kit.py``), so the page and the ZIP say the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..capacity.page_charts import ChartView
from ..facts.selection import figure_anchor, key_figures
from ..i18n import N_
from ..pages import PageContext
from ..pages.downloads import CHART_DOWNLOADS, PRESS_KIT, SITE_DOWNLOADS, Download
from ..pages.figures import STATUS_LABELS
from ..formatting.locales import number_locale
from .chart_files import capacity_charts

FORMATS = {
    "application/json": "JSON",
    "application/schema+json": "JSON Schema",
    "text/csv": "CSV",
    "text/calendar": "iCalendar",
    "application/atom+xml": "Atom",
    "image/svg+xml": "SVG",
    "image/png": "PNG",
    "application/zip": "ZIP",
}
"""A download's format as readers know it, by media type."""

FEED_TYPE = "application/atom+xml"

DATA_LICENCE = "Licence Ouverte 2.0 (Etalab)"
"""The data licence every page's footer declares (``site.assembly.FOOTER_LICENCE``)."""
CODE_LICENCE = "MIT"
"""The licence ``pyproject.toml`` declares for the site's code."""


@dataclass(frozen=True)
class KeyFigure:
    """A key figure as the long description cites it."""

    label: str
    value: str
    detail: str
    """Its status and source as cited ("Official, Bpifrance, 19 May 2025"), the figure's date added
    when the source's is another; no status where the value already says "not yet known"."""
    link: str


@dataclass(frozen=True)
class DownloadRow:
    """One file of the downloads table, as the press page lists it."""

    name: str
    href: str
    what: str
    format: str
    language: str


@dataclass(frozen=True)
class ContactWay:
    """A way to reach the publisher: what to show and where it leads."""

    text: str
    href: str


@dataclass(frozen=True)
class PressView:
    """Everything ``press.md.j2`` prints, in one language."""

    short: str
    long: tuple[str, ...]
    key_figures: tuple[KeyFigure, ...]
    estimates: str
    publisher: str | None
    contact: tuple[ContactWay, ...]
    no_contact: str | None
    reuse: tuple[str, ...]
    statuses: tuple[str, ...]
    downloads: tuple[DownloadRow, ...]
    kit: DownloadRow


def _key_figures(ctx: PageContext) -> tuple[KeyFigure, ...]:
    view = ctx.figures
    rows = []
    for figure in key_figures(ctx.content):
        lead = figure.lead
        source = view.source_label(ctx.content.sources[lead.source])
        as_of = ctx.fmt.date(ctx.content.partial_date(lead.as_of))
        parts = [] if lead.status == "unknown" else [view.status(lead.status)]
        parts += [source] if as_of in source else [source, as_of]
        rows.append(KeyFigure(
            label=ctx.fmt.typography(figure.label[ctx.lang]),
            value=view.value(figure),
            detail=", ".join(parts),
            link=ctx.url("facts", figure_anchor(figure.id)),
        ))
    return tuple(rows)


def _contact(ctx: PageContext) -> tuple[str | None, tuple[ContactWay, ...], str | None]:
    """Who publishes the site and how to reach them: only what ``site.yml`` sets."""
    site = ctx.content.site
    publisher = site.publisher
    name = None
    if publisher.name is not None:
        name = ctx.gettext(N_("This site is published by %(name)s.")) % {"name": publisher.name[ctx.lang]}
    ways = []
    if publisher.email is not None:
        ways.append(ContactWay(publisher.email, f"mailto:{publisher.email}"))
    if publisher.contact_url is not None:
        ways.append(ContactWay(publisher.contact_url, publisher.contact_url))
    if site.repository is not None:
        # Corrections go where the site's files are kept, which the README tells editors to use.
        ways.append(ContactWay(site.repository, site.repository))
    missing = None
    if not ways:
        missing = ctx.gettext(N_("The site does not publish a contact address yet."))
    return name, tuple(ways), missing


def _reuse(ctx: PageContext) -> tuple[str, ...]:
    _ = ctx.gettext
    site = ctx.fmt.typography(ctx.content.site.title[ctx.lang])
    return tuple(ctx.fmt.typography(text) for text in (
        _("The data files (JSON, CSV, iCalendar, the charts and their data) are open data under the %(licence)s, "
          "as the foot of every page states: they may be reused, commercially too, provided the source (%(site)s) "
          "and the date of the data are given.") % {"licence": DATA_LICENCE, "site": site},
        _("The standard descriptions above are written to be copied as they are."),
        _("The site's code is under the %(licence)s licence. The repository states no other licence for the "
          "texts of the pages: quote them with their source and a link to the page.") % {"licence": CODE_LICENCE},
    ))


def _statuses(ctx: PageContext) -> tuple[str, ...]:
    _ = ctx.gettext
    counts = Counter(figure.lead.status for figure in ctx.content.figures.values())
    shown = "; ".join(
        _("%(label)s: %(value)s") % {"label": ctx.figures.status(code).lower(), "value": ctx.fmt.number(counts[code])}
        for code in STATUS_LABELS if counts[code]
    )
    return tuple(ctx.fmt.typography(text) for text in (
        _("Every figure on this site shows its status: official (a press release, an official website or public "
          "statistics), press report (reported by the press, not confirmed), estimate (an analyst's or this "
          "site's arithmetic, with its assumptions) or not yet known."),
        _("The site's %(count)s figures, by the status of the value it shows first: %(statuses)s.") % {
            "count": ctx.fmt.number(sum(counts.values())), "statuses": shown},
        _("The capacity model (computing power, electricity use, emissions) and its charts are estimates "
          "computed by this site from stated assumptions, each with its source: not announcements."),
    ))


def _what(ctx: PageContext, download: Download, names: dict[str, str]) -> str:
    """What a download holds, in words; ``names``: each chart's title by its key."""
    _ = ctx.gettext
    path = download.path
    if path == PRESS_KIT.path:
        return _("Press kit: these texts, the data and the charts")
    if path.startswith("data/charts/"):
        chart = path.split("/")[-1].split(".")[0]
        kind = _("chart data for spreadsheets set to French") if ".spreadsheet." in path else (
            _("chart data") if download.media_type == "text/csv" else _("chart"))
        return f"{names.get(chart, chart)} ({kind})"
    if path.endswith(".schema.json"):
        return _("JSON Schema of %(file)s") % {"file": path.removesuffix(".schema.json").rsplit("/", 1)[-1] + ".json"}
    if ".spreadsheet." in path:
        return _("%(file)s for a spreadsheet set to French (';' and decimal comma)") % {
            "file": path.rsplit("/", 1)[-1].replace(".spreadsheet", "")}
    if download.label:  # the words of the one downloads table, as the facts page shows them
        return _(download.label)
    if path.startswith("data/facts"):
        return _("Facts sheet: every figure with its source")
    if download.media_type == "text/calendar":
        return _("Timeline as a calendar")
    if download.media_type == FEED_TYPE:
        return _("Updates feed")
    if path.startswith("data/capacity"):
        return _("Capacity model: assumptions and results")
    return download.name


def _row(ctx: PageContext, download: Download, names: dict[str, str]) -> DownloadRow:
    if download.lang:  # the language's name in the page's language: "anglais" on a French page
        name = number_locale(ctx.lang).languages.get(download.lang, download.lang)
        language = name[:1].upper() + name[1:]
    else:
        language = ctx.gettext(N_("French and English"))
    # The path, not the bare name: the French and English feeds are both feed.xml.
    return DownloadRow(download.path, ctx.asset(download.path), _what(ctx, download, names),
                       FORMATS.get(download.media_type, download.media_type), language)


def chart_files_written(ctx: PageContext) -> tuple[Download, ...]:
    """The files of the charts the content draws (no electricity chart without phases)."""
    return tuple(f for view in capacity_charts(ctx) for f in CHART_DOWNLOADS[view.key].files)


def kit_downloads(ctx: PageContext) -> tuple[Download, ...]:
    """The files the press kit holds besides its texts: every download but the feeds (news, not data),
    and the charts."""
    return (*(d for d in SITE_DOWNLOADS if d.media_type != FEED_TYPE), *chart_files_written(ctx))


def press_view(ctx: PageContext) -> PressView:
    """The press page of ``ctx.lang``, from ``ctx.content`` and the downloads table."""
    _ = ctx.gettext
    campus = ctx.content.campus.campus
    publisher, contact, no_contact = _contact(ctx)
    charts = capacity_charts(ctx)
    names = {view.key: view.title for view in charts}
    downloads = (*SITE_DOWNLOADS, *(f for view in charts for f in CHART_DOWNLOADS[view.key].files))
    return PressView(
        short=ctx.fmt.typography(_("%(name)s. %(tagline)s.") % {
            "name": campus.name[ctx.lang], "tagline": campus.tagline[ctx.lang]}),
        long=(ctx.fmt.typography(" ".join(campus.summary[ctx.lang].split())),),
        key_figures=_key_figures(ctx),
        estimates=_statuses(ctx)[2],
        publisher=publisher,
        contact=contact,
        no_contact=no_contact,
        reuse=_reuse(ctx),
        statuses=_statuses(ctx)[:2],
        downloads=tuple(_row(ctx, d, names) for d in downloads),
        kit=_row(ctx, PRESS_KIT, names),
    )


def press_text(ctx: PageContext) -> str:
    """The press page's texts as plain text (Markdown), for the press kit."""
    _ = ctx.gettext
    view = press_view(ctx)
    site = ctx.content.site
    lines = [f"# {ctx.fmt.typography(site.title[ctx.lang])}", "", f"## {_('Short description')}", "", view.short, "",
             f"## {_('Long description')}", "", *view.long, ""]
    lines += ["- " + _("%(label)s: %(value)s") % {"label": f.label, "value": f"{f.value} ({f.detail})"}
              for f in view.key_figures]
    lines += ["", view.estimates, "", f"## {_('What is official and what is estimated')}", "", *view.statuses, "",
              f"## {_('Reusing texts and data')}", "", *view.reuse, "", f"## {_('Contact')}", ""]
    lines += [text for text in (view.publisher, view.no_contact) if text] + [w.text for w in view.contact]
    return "\n".join(lines).rstrip() + "\n"


TEMPLATE_GLOBALS = {"press_view": press_view}
"""What ``press.md.j2`` needs from the page environment (passed to ``render_page`` by the assembly)."""
