"""What a generated page's template gets: the content, one language, and its tools."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable

from ..content import Content
from ..formatting import Formatter
from .figures import FigureView


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


@dataclass
class PageContext:
    """Everything a page template may use; templates never format figures themselves."""

    content: Content
    lang: str
    page_id: str
    page_url: str
    fmt: Formatter
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    page_urls: dict[tuple[str, str], str]
    edit_base: str | None

    def url(self, page_id: str, anchor: str = "") -> str:
        """Relative link to another page of the same language."""
        target = self.page_urls[(page_id, self.lang)]
        return relative_url(self.page_url, target + (f"#{anchor}" if anchor else ""))

    def asset(self, path: str) -> str:
        """Relative link to a file at the site root, such as ``data/facts.json``."""
        return relative_url(self.page_url, path)

    def edit_url(self, content_file: str) -> str | None:
        """Where an editor changes the YAML behind this page; None without a repository."""
        if self.edit_base is None:
            return None
        return f"{self.edit_base}content/{content_file}.yml"

    @property
    def figures(self) -> FigureView:
        return FigureView(self.content, self.lang, self.fmt, self.gettext)
