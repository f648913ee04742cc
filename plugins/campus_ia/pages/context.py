"""What a generated page's template gets: the content, one language, and its tools."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable, Mapping

from ..content import Content
from ..formatting import Formatter
from .figures import FigureView
from .language import LanguageContext


def relative_url(from_url: str, to_url: str) -> str:
    """Link from a page at ``from_url`` to ``to_url`` (both site-relative, directory style)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def absolute_url(site_url: str, path: str) -> str:
    """``path`` (site-relative, as in ``SitePage.url``) under the site's address ``site_url``."""
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


@dataclass
class PageContext:
    """Everything a page template may use; templates never format figures themselves.

    The language's tools come from its :class:`LanguageContext`, built once per build;
    this object adds only what belongs to one page.
    """

    language: LanguageContext
    page_id: str
    page_url: str

    @property
    def content(self) -> Content:
        return self.language.content

    @property
    def lang(self) -> str:
        return self.language.lang

    @property
    def fmt(self) -> Formatter:
        return self.language.fmt

    @property
    def gettext(self) -> Callable[[str], str]:
        return self.language.gettext

    @property
    def ngettext(self) -> Callable[[str, str, int], str]:
        return self.language.ngettext

    @property
    def page_urls(self) -> Mapping[tuple[str, str], str]:
        return self.language.page_urls

    def url(self, page_id: str, anchor: str = "") -> str:
        """Relative link to another page of the same language."""
        target = self.page_urls[(page_id, self.lang)]
        return relative_url(self.page_url, target + (f"#{anchor}" if anchor else ""))

    def asset(self, path: str) -> str:
        """Relative link to a file at the site root, such as ``data/facts.json``."""
        return relative_url(self.page_url, path)

    def edit_url(self, content_file: str) -> str | None:
        """Where an editor changes the YAML behind this page; None without a repository."""
        base = self.language.edit_base
        if base is None:
            return None
        return f"{base}content/{content_file}.yml"

    @property
    def figures(self) -> FigureView:
        return self.language.figures
