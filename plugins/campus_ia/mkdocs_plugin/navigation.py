"""One navigation per language, built from the site structure's page order."""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..site import LANGUAGES, SiteStructure


def language_navigations(structure: SiteStructure, files: Files) -> dict[str, Navigation]:
    """Each language's pages only, with previous/next links that stay in that language."""
    navigations: dict[str, Navigation] = {}
    for lang in LANGUAGES:
        pages: list[Page] = []
        for site_page in structure.in_language(lang):
            file = files.get_file_from_path(site_page.src_uri)
            if file is not None and isinstance(file.page, Page):
                pages.append(file.page)
        for index, page in enumerate(pages):
            page.parent = None
            page.previous_page = pages[index - 1] if index > 0 else None
            page.next_page = pages[index + 1] if index + 1 < len(pages) else None
        navigations[lang] = Navigation(list(pages), list(pages))
    return navigations
