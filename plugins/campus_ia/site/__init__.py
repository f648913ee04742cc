"""The bilingual site's structure: which pages exist, their addresses and translations."""

from __future__ import annotations

from ..pages.structure import LANGUAGES, SitePage, SiteStructure

__all__ = ["LANGUAGES", "SitePage", "SiteStructure"]
