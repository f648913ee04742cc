"""The ``<iframe>`` a journalist pastes into another site to show one of the capacity charts.

It frames the chart's embed page (``site/embed_pages.py``), which nginx lets other sites
frame. It needs the site's public address: without one (``url`` in ``content/site.yml``)
no code is offered, since an address from this site's root means nothing on another site.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..pages import absolute_url
from ..pages.downloads import embed_page_url

if TYPE_CHECKING:
    from ..pages import PageContext
    from .page_charts import ChartView

EMBED_HEIGHT = 560
"""The frame's height in CSS pixels: each embed page is 410 to 545 px tall from 360 to 900 px wide
(the chart keeps its proportions up to its largest size, the text wraps below it)."""


def embed_code(ctx: PageContext, view: ChartView) -> str | None:
    """The ``<iframe>`` for ``view`` on the capacity page of ``ctx``, or None while the site has no address."""
    language = ctx.language
    if not language.has_address:
        return None
    src = absolute_url(language.site_url, embed_page_url(ctx.page_url, view.key, ctx.lang))
    return (f'<iframe src="{escape(src)}" title="{escape(str(view.title))}" width="100%" '
            f'height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>')
