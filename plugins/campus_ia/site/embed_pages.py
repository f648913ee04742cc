"""Each chart's embed page: ``/<lang>/<capacity page>/embed/<chart>/``, meant for an iframe.

A page of its own, not a page of the theme: the chart, its title, its caption, its source and
a link back to the chart on the full page, with nothing around them (no header, navigation or
footer: the page is shown inside someone else's). It loads one stylesheet of the site and no
script, so the site's Content-Security-Policy applies unchanged, except that
``deploy/nginx/campus-ia.conf`` lets any site frame these addresses and no other
(``csp.EMBED_PATH``). The pages say ``noindex`` and are in neither the sitemap nor the
search index: readers arrive at the capacity page, where the charts are explained.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import jinja2

from ..formatting.html_typography import french_html
from ..i18n import N_
from ..pages import PageContext, relative_url
from ..pages.downloads import embed_page_url
from .chart_files import capacity_charts, source_lines

STYLESHEET = "assets/stylesheets/campus-ia-capacity.css"
"""The stylesheet the capacity page loads already, which holds the embed pages' few rules."""
ICON = "assets/images/favicon.svg"
"""The site's icon (without it, browsers ask for /favicon.ico, which the site does not have)."""

BACK_TEXT = N_("See this chart on %(site)s, with its assumptions and sources")

EMBED_PAGE = re.compile(r"^(fr|en)/[^/]+/embed/[^/]+/(index\.html)?$")
"""A site path that is an embed page (the release checks and nginx recognise them by it)."""


@lru_cache(maxsize=None)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    return env.get_template("chart_embed.html.j2")


def embed_pages(contexts: Mapping[str, PageContext]) -> dict[str, bytes]:
    """Every chart's embed page (site path -> HTML); ``contexts``: the capacity page's context per language."""
    pages: dict[str, bytes] = {}
    for lang, ctx in contexts.items():
        for view in capacity_charts(ctx):
            url = embed_page_url(ctx.page_url, view.key, lang)
            source, _address, estimate = source_lines(ctx, view.key)
            site_title = ctx.fmt.typography(ctx.content.site.title[lang])
            html = _template().render(
                lang=lang,
                title=view.title,
                site_title=site_title,
                stylesheet=relative_url(url, STYLESHEET),
                icon=relative_url(url, ICON),
                svg=view.svg,
                caption=ctx.fmt.typography(view.caption),
                source=f"{source}. {estimate}",
                back=relative_url(url, f"{ctx.page_url}#chart-{view.key}"),
                back_text=ctx.gettext(BACK_TEXT) % {"site": site_title},
            )
            pages[f"{url}index.html"] = french_html(html, lang).encode("utf-8")
    return pages
