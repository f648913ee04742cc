"""Markdown turned into HTML with the extensions and settings ``mkdocs.yml`` gives, as the build does.

Read through the project's own reader (``campus_ia.site.prose_check.markdown_settings``), so a
change of extensions in ``mkdocs.yml`` reaches the tests without editing them.
"""

from __future__ import annotations

import markdown

from campus_ia.site.prose_check import markdown_settings
from tests.support import REPO_ROOT

EXTENSIONS, EXTENSION_CONFIGS = markdown_settings(REPO_ROOT / "mkdocs.yml")


def markdown_to_html(source: str) -> str:
    """The HTML of a page's Markdown (its front matter, if any, removed)."""
    if source.startswith("---\n"):
        source = source.split("\n---\n", 1)[1]
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS).convert(source)
