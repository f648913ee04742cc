"""One navigation per language, built from the site structure's page order.

A page with a ``section`` (``content/site.yml``) is grouped under that section, which
takes the place of the section's first page in the order; the others follow it there.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..site import LANGUAGES, SiteStructure


def language_navigations(structure: SiteStructure, files: Files) -> dict[str, Navigation]:
    """Each language's pages only, with previous/next links that stay in that language."""
    navigations: dict[str, Navigation] = {}
    for lang in LANGUAGES:
        items: list[Page | Section] = []
        sections: dict[str, Section] = {}
        pages: list[Page] = []
        for site_page in structure.in_language(lang):
            file = files.get_file_from_path(site_page.src_uri)
            if file is None or not isinstance(file.page, Page):
                continue
            page = file.page
            page.parent = None
            if site_page.section is None:
                items.append(page)
            else:
                section = sections.get(site_page.section)
                if section is None:
                    title = structure.section_titles[(site_page.section, lang)]
                    section = sections[site_page.section] = Section(title, [])
                    items.append(section)
                section.children.append(page)
                page.parent = section
        for item in items:  # reading order: a section's pages where the section stands
            pages.extend(item.children if isinstance(item, Section) else [item])  # type: ignore[arg-type]
        for index, page in enumerate(pages):
            page.previous_page = pages[index - 1] if index > 0 else None
            page.next_page = pages[index + 1] if index + 1 < len(pages) else None
        navigations[lang] = Navigation(items, pages)
    return navigations
