"""Every page's social preview image, and the language chooser's, drawn from the content."""

from __future__ import annotations

from typing import Callable, Mapping, TypeVar

from ..i18n import N_
from ..pages.language import LanguageContext
from ..pages.structure import SiteStructure
from .preview_image import preview_image_path, preview_png

T = TypeVar("T")

PREVIEW_FOOTER = N_("Sourced figures, dates and open data, in French and English")
"""The last line of every social preview image."""
ROOT_PREVIEW = "assets/previews/root.png"
"""The language chooser's preview image."""


def preview_images(structure: SiteStructure, languages: Mapping[str, LanguageContext],
                   draw: Callable[[str, str, str, str], T] = preview_png) -> dict[str, T]:  # type: ignore[assignment]
    """Every page's preview image (site path -> PNG), drawn by ``draw`` from its title and description
    (or what ``draw`` gives for them: a kept file, for one)."""
    images: dict[str, T] = {}
    site = structure.site
    for page in structure.pages:
        language = languages[page.lang]
        typography = language.fmt.typography
        images[preview_image_path(page.lang, page.id)] = draw(
            typography(site.title[page.lang]),
            typography(page.title),
            typography(structure.description(page)),
            language.gettext(PREVIEW_FOOTER),
        )
    images[ROOT_PREVIEW] = draw(  # the language chooser, in both languages
        "Campus IA", f"{site.title.fr} · {site.title.en}", languages["fr"].fmt.typography(site.description.fr),
        languages["en"].fmt.typography(site.description.en))
    return images
