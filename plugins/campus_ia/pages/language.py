"""``LanguageContext``: one language of the site, built once per build and handed down.

Pages, downloads and the prose markers all write figures, dates and interface text
in one language; they get this object instead of reaching back up into the site
assembly for a formatter, a translator or a page's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Mapping

from ..content import Content
from ..formatting import Formatter
from .figures import FigureView


@dataclass(frozen=True)
class LanguageContext:
    """The content and the tools that write it in ``lang``."""

    content: Content
    lang: str
    fmt: Formatter
    gettext: Callable[[str], str]
    """Translations of interface strings, French ones in French typography."""
    ngettext: Callable[[str, str, int], str]
    page_urls: Mapping[tuple[str, str], str]
    """(page id, language) -> the page's site-relative address, directory style."""
    site_url: str

    @cached_property
    def figures(self) -> FigureView:
        """How a reader sees each figure in this language (one view, its caches shared)."""
        return FigureView(self.content, self.lang, self.fmt, self.gettext)

    def page_url(self, page_id: str) -> str:
        """The site-relative address of page ``page_id`` in this language."""
        return self.page_urls[(page_id, self.lang)]
