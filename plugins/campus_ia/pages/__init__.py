"""Pages generated from ``content/``: one Jinja template per page, rendered per language."""

from __future__ import annotations

from .context import PageContext, absolute_url, relative_url
from .render import GENERATED_PAGES, render_page

__all__ = ["GENERATED_PAGES", "PageContext", "absolute_url", "relative_url", "render_page"]
