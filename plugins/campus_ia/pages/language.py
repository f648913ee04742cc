"""``LanguageContext``: one language of the site, built once per build and handed down.

Pages, downloads, the prose markers and the page chrome all write figures, dates and
interface text in one language; they get this object instead of reaching back up into
the site assembly for a formatter, a translator or a page's address.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Mapping

from ..content import Content
from ..formatting import Formatter
from ..i18n import N_, Catalogs
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
    """The site's public address; "/" while ``content/site.yml`` gives none."""
    _figure_texts: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, content: Content, catalogs: Catalogs, lang: str, page_urls: Mapping[tuple[str, str], str]) -> LanguageContext:
        """The context of ``lang``: its formatter, and its catalogs with French typography applied."""
        fmt = Formatter(lang)
        return cls(content, lang, fmt, _translator(catalogs, lang, fmt.typography),
                   lambda singular, plural, n: catalogs.ngettext(lang, singular, plural, n),
                   page_urls, content.site.url or "/")

    @cached_property
    def figures(self) -> FigureView:
        """How a reader sees each figure in this language (one view, its caches shared)."""
        return FigureView(self.content, self.lang, self.fmt, self.gettext)

    @property
    def has_address(self) -> bool:
        """Whether content/site.yml gives the site's public address (canonical links, sitemap)."""
        return self.content.site.url is not None

    @cached_property
    def edit_base(self) -> str | None:
        """Where 'Edit this data' links lead; None while no repository is configured (no link)."""
        site = self.content.site
        if site.repository is None:
            return None
        return f"{site.repository.rstrip('/')}/edit/{site.edit_branch}/"

    def page_url(self, page_id: str) -> str:
        """The site-relative address of page ``page_id`` in this language."""
        return self.page_urls[(page_id, self.lang)]

    def figure_text(self, figure_id: str) -> str | None:
        """A figure's lead value (or a milestone's date) written out in this language, for prose.

        None if no figure or milestone has that id.
        """
        if figure_id not in self._figure_texts:  # prose pages repeat the same few figures
            self._figure_texts[figure_id] = self._figure_text(figure_id)
        return self._figure_texts[figure_id]

    def _figure_text(self, figure_id: str) -> str | None:
        milestone = self.content.milestones_by_id.get(figure_id)
        if milestone is not None:
            if milestone.date is None:
                return self.gettext(N_("date not yet known"))
            return self.fmt.date(self.content.partial_date(milestone.date), milestone.date_qualifier)
        figure = self.content.figures.get(figure_id)
        if figure is None:
            return None
        return self.figures.value(figure)


def _translator(catalogs: Catalogs, lang: str, typography: Callable[[str], str]) -> Callable[[str], str]:
    """gettext for ``lang``, each string finished with ``typography`` once (templates ask on every page)."""
    translated: dict[str, str] = {}

    def translate(message: str) -> str:
        text = translated.get(message)
        if text is None:
            text = translated[message] = typography(catalogs.gettext(lang, message))
        return text

    return translate
