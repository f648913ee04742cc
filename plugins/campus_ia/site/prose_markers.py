"""What a prose marker ``{{ kind:ident }}`` stands for: a figure, a source's name, the contact, a block."""

from __future__ import annotations

import datetime as dt

from ..home import HOME_BLOCKS, home_block
from ..pages import PageContext
from ..pages.language import LanguageContext
from .prose_sources import contact_markdown, lead_source_name


def marker_text(language: LanguageContext, kind: str, ident: str) -> str | None:
    """The text of ``{{ kind:ident }}`` in ``language``; None if it names nothing."""
    if kind == "fact":
        return language.figure_text(ident)
    if kind == "source":
        return lead_source_name(language.content, language.lang, ident)
    if kind == "site" and ident == "contact":
        return contact_markdown(language.content, language.lang, language.gettext)
    if kind == "site" and ident in HOME_BLOCKS:
        return ""  # a block of HTML, which the build renders with marker_block() after sanitising
    return None


def marker_block(page: PageContext, ident: str, today: dt.date) -> str | None:
    """The HTML of block ``{{ site:ident }}`` on ``page`` (key figures, map...); None if unknown."""
    if ident not in HOME_BLOCKS:
        return None
    return str(home_block(page, ident, today))
