"""Ready-to-paste citations of the capacity page's results, one per result, each with its anchor.

Each result's row in the results table carries :func:`result_anchor` as its id, so a
citation's address leads to the row. The text holds :data:`ACCESSED_MARK` where the
day it is read goes: the page shows the site's review date there, and the "copy
citation" button (``copy-citation.js``) writes the day of the copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import OUTPUT_KEYS
from .page_text import PageText

if TYPE_CHECKING:
    from ..pages.context import PageContext

ACCESSED_MARK = "@@accessed@@"
"""Where the "accessed" day goes in a citation (the ``citation_block`` macro splits on it)."""


@dataclass(frozen=True)
class ResultCitation:
    """One result's anchor (the id of its table row) and its citation text."""

    anchor: str
    text: str


def result_anchor(key: str) -> str:
    """The id of a result's row on the capacity page (``#result-annual-energy-twh``)."""
    return "result-" + key.replace("_", "-")


def page_permalink(ctx: PageContext) -> str:
    """The page's full address (from the site's root while the site has no address)."""
    return (ctx.content.site.url or "/").rstrip("/") + "/" + ctx.page_url


def page_title(ctx: PageContext) -> str:
    """The page's title in its language, as ``content/site.yml`` names it."""
    return next(p.title[ctx.lang] for p in ctx.content.site.pages if p.id == ctx.page_id)


def result_citations(ctx: PageContext, t: PageText) -> tuple[ResultCitation, ...]:
    """One citation per result of the model, in the order of the results table."""
    _ = t.gettext
    b = t.bounds
    dated = t.fmt.date(ctx.content.partial_date(ctx.content.site.last_reviewed))
    permalink, title = page_permalink(ctx), page_title(ctx)
    citations = []
    for key in OUTPUT_KEYS:
        central = getattr(b.central, key)
        if central is None:
            continue  # the model cannot compute it (an unknown investment): nothing to cite
        low, high = t.output(key, getattr(b.low, key)), t.output(key, getattr(b.high, key))
        parts = {
            "project": ctx.content.campus.campus.name[t.lang],
            "result": t.label(key),
            "value": t.output_with_unit(key, central),
            "range": t.span(low, high),
            "date": dated,
            "site": ctx.content.site.title[t.lang],
            "page": title,
            "url": f"{permalink}#{result_anchor(key)}",
            "accessed": ACCESSED_MARK,
        }
        text = _("%(project)s – %(result)s: %(value)s (range %(range)s; estimate computed by this site, "
                 "%(date)s). Source: %(site)s, “%(page)s”, %(url)s, accessed %(accessed)s.") % parts
        citations.append(ResultCitation(result_anchor(key), t.typography(text)))
    return tuple(citations)
