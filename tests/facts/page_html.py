"""A generated page's Markdown turned into HTML the way the site's MkDocs configuration does."""

from __future__ import annotations

import markdown

MARKDOWN_EXTENSIONS = ["attr_list", "toc", "md_in_html"]
"""The extensions of mkdocs.yml that the facts page relies on: heading ids and raw HTML blocks."""


def markdown_to_html(source: str) -> str:
    """The HTML of a generated page body (front matter removed, if any)."""
    if source.startswith("---\n"):
        source = source.split("\n---\n", 1)[1]
    return markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS)
