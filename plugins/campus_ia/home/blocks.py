"""Render the home page's blocks from ``content/`` for one language."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..pages.context import PageContext
from ..pages.environment import page_environment
from ..pages.timeline_axis import timeline_entries
from .locator_map import locator_map

HOME_FIGURES = ("site-power", "first-tranche", "commissioning", "location", "expansion-power")
"""The key-figure cards, in order: ids of figures or milestones. Each links to its facts-sheet entry."""

HOME_BLOCKS = ("key-figures", "timeline-strip", "locator-map", "publisher")
"""The ``{{ site:... }}`` blocks a prose page may ask for (besides ``contact``)."""


def home_block(ctx: PageContext, block: str, today: dt.date) -> Markup:
    """The HTML of one home block (``HOME_BLOCKS``) for the page ``ctx`` describes."""
    content = ctx.content
    coordinates = content.campus.campus.coordinates
    template = page_environment().get_template("home_blocks.html.j2")
    html = template.render(
        block=block,
        ctx=ctx,
        c=content,
        fmt=ctx.fmt,
        fig=ctx.figures,
        lang=ctx.lang,
        _=ctx.gettext,
        gettext=ctx.gettext,
        ngettext=ctx.ngettext,
        home_figures=HOME_FIGURES,
        today=today,
        strip=timeline_entries(content, today, campus_only=True),
        map=locator_map(coordinates.latitude, coordinates.longitude) if coordinates else None,
        coordinates=coordinates,
    )
    # One line: a block must not end its Markdown paragraph or be read as indented code.
    return Markup(" ".join(line.strip() for line in html.splitlines() if line.strip()))
