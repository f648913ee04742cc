"""Render a generated page body (Markdown with HTML blocks) for one language."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from .downloads import LISTED_DOWNLOADS, TIMELINE_ICS
from .context import PageContext
from .environment import page_environment
from .timeline_axis import timeline_entries

GENERATED_PAGES: dict[str, tuple[str, str]] = {
    "facts": ("facts.md.j2", "campus"),
    "partners": ("partners.md.j2", "partners"),
    "investment": ("investment.md.j2", "investment"),
    "timeline": ("timeline.md.j2", "timeline"),
    "education": ("education.md.j2", "education"),
    "quotes": ("quotes.md.j2", "quotes"),
    "capacity": ("capacity.md.j2", "capacity"),
    "sources": ("sources.md.j2", "sources"),
    "glossary": ("glossary.md.j2", "glossary"),
    "press": ("press.md.j2", "site"),
}
"""Page id -> (template, the content file an editor changes for it)."""


def render_page(ctx: PageContext, helpers: Mapping[str, Any] | None = None, today: dt.date | None = None) -> str:
    """The Markdown body of generated page ``ctx.page_id`` in ``ctx.lang``; ``today`` is the build's day.

    ``helpers`` are template functions from the layers above this one (the capacity
    page's ``capacity_view``): the site passes them in, so ``pages`` imports none of them.
    """
    today = today or dt.date.today()
    template_name, content_file = GENERATED_PAGES[ctx.page_id]
    env = page_environment()
    template = env.get_template(template_name)
    return template.render(
        ctx=ctx,
        c=ctx.content,
        fmt=ctx.fmt,
        fig=ctx.figures,
        lang=ctx.lang,
        _=ctx.gettext,
        gettext=ctx.gettext,
        ngettext=ctx.ngettext,
        edit_url=ctx.edit_url(content_file),
        calendar_path=TIMELINE_ICS[ctx.lang].path,
        download_groups=LISTED_DOWNLOADS,
        today=today,
        timeline=timeline_entries(ctx.content, today) if ctx.page_id == "timeline" else [],
        **(helpers or {}),
    )
