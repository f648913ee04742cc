"""Fixtures for the facts sheet tests: the shipped facts page in HTML."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from tests.support.site_markdown import markdown_to_html


@pytest.fixture(scope="session")
def facts_pages(assembly: SiteAssembly) -> dict[str, dict[str, Any]]:
    """The facts page per language: its Markdown source, its HTML and the parsed tree."""
    pages = {}
    for lang in LANGUAGES:
        source = assembly.generated_markdown(assembly.structure.get("facts", lang))
        html = markdown_to_html(source)
        pages[lang] = {"markdown": source, "html": html, "tree": lxml.html.fragment_fromstring(html, create_parent="div")}
    return pages
