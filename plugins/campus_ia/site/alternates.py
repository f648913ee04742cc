"""hreflang alternates: each page, its translation and the x-default language chooser."""

from __future__ import annotations

from dataclasses import dataclass

from ..pages.structure import LANGUAGE_NAMES, OG_LOCALES, SitePage, SiteStructure


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str
    lang: str
    name: str
    current: bool


def alternates(structure: SiteStructure, page: SitePage, site_url: str) -> list[Alternate]:
    """Absolute alternates for ``page``: one per language, then ``x-default`` (the root chooser).

    Every page of a pair lists the same set, so the annotations agree both ways.
    """
    base = site_url.rstrip("/") + "/"
    found = [
        Alternate(p.lang, base + p.url, p.lang, LANGUAGE_NAMES[p.lang], p.lang == page.lang)
        for p in structure.translations(page)
    ]
    found.append(Alternate("x-default", base, "", "", False))
    return found


def og_locales(page: SitePage) -> tuple[str, list[str]]:
    """Open Graph ``og:locale`` and ``og:locale:alternate`` values."""
    return OG_LOCALES[page.lang], [loc for lang, loc in OG_LOCALES.items() if lang != page.lang]


def sitemap_entries(structure: SiteStructure, site_url: str) -> list[dict]:
    """Every page with its hreflang alternates, for ``sitemap.xml``; the root chooser first."""
    # Without the site's address the entries are root-relative: the sitemap protocol wants
    # absolute ones, so 'campus-ia check-site --release' blocks publishing until 'url' is set.
    base = site_url.rstrip("/") + "/"
    entries = [{"loc": base, "alternates": []}]
    for page in structure.pages:
        entries.append({"loc": base + page.url,
                        "alternates": [(a.hreflang, a.href) for a in alternates(structure, page, site_url)]})
    return entries
