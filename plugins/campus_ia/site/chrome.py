"""The page chrome: what the theme templates (``main.html``, the header, the footer, 404) know of a page.

One typed object for every kind of page the site writes: a page in one language, the
"page not found" page of a language, and the bilingual root pages (the language chooser
and the root 404). The language switch is built here once, for all three.

MkDocs' theme environment does not autoescape, so text from ``content/`` is handed over as
escaped ``Markup``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from markupsafe import Markup, escape

from .. import LANGUAGES
from ..exports.jsonld import page_graphs
from ..i18n import N_
from ..pages import absolute_url, relative_url
from ..pages.downloads import UPDATES_FEED
from ..pages.language import LanguageContext
from ..pages.structure import LANGUAGE_NAMES, OG_LOCALES, SitePage, SiteStructure
from ..sharing import ROOT_PREVIEW, preview_image_path
from .alternates import Alternate, alternates, og_locales

FOOTER_ACCESSIBILITY = N_("Accessibility: partially compliant")
FOOTER_LICENCE = N_("Open data: Licence Ouverte 2.0 / Etalab")
"""The footer's two lines (theme/partials/copyright.html), for the bilingual root pages."""
NOT_FOUND = N_("Page not found")


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switch: the same page in another language (or this one)."""

    lang: str
    name: str
    href: str
    current: bool


@dataclass(frozen=True)
class HomeLink:
    """One language's home page, as the bilingual root pages offer it."""

    lang: str
    name: str
    href: str
    title: Markup
    description: Markup
    not_found: Markup


@dataclass(frozen=True)
class FooterNote:
    """The footer's two lines in one language, for the bilingual root pages."""

    lang: str
    href: str
    accessibility: Markup
    licence: Markup


@dataclass(frozen=True)
class Chrome:
    """Everything the theme templates read about a page besides its content and navigation."""

    lang: str
    site_title: Markup
    description: Markup
    is_home: bool
    og_locale: str
    og_alternates: tuple[str, ...]
    og_image: str
    alternates: tuple[Alternate, ...]
    """hreflang links, which must be full addresses (Google, Lighthouse): none until the site has
    an address (the language switch pairs the pages either way), none on a 404 page."""
    switch: tuple[LanguageLink, ...]
    lang_root: str
    """The root of the page's language, Material's ``base`` (search, instant loading)."""
    feed: str | None
    accessibility_url: str
    jsonld: tuple[dict[str, Any], ...] = ()
    is_root: bool = False
    """A bilingual root page: the language chooser or the root 404 page."""
    homes: tuple[HomeLink, ...] = ()
    footer_notes: tuple[FooterNote, ...] = ()
    not_found: bool = False
    home_url: str | None = None
    """Where a 404 page's "Go to the home page" leads."""


class SiteChrome:
    """Builds the :class:`Chrome` of each page from the structure and the language contexts."""

    def __init__(self, structure: SiteStructure, languages: Mapping[str, LanguageContext]) -> None:
        self.structure = structure
        self.languages = languages

    def page(self, page: SitePage, base_url: str) -> Chrome:
        """A page in one language; ``base_url`` is the site root relative to the page (MkDocs' ``base_url``)."""
        return self._language_page(page, lambda path: relative_url(page.url, path), base_url,
                                   jsonld=tuple(page_graphs(self.languages[page.lang], page)))

    def not_found(self, lang: str, root_path: str) -> Chrome:
        """The "page not found" page of ``lang``, served at any depth: links absolute from ``root_path``."""
        home = self.structure.get("home", lang)
        root = root_path.rstrip("/") + "/"
        return self._language_page(home, lambda path: _join(root, path), root, hreflang=False,
                                   not_found=True, home_url=_join(root, home.url))

    def root(self, base_url: str) -> Chrome:
        """The language chooser at ``/`` and the root 404 page: French chrome, both languages' homes."""
        site, fr = self.structure.site, self.languages["fr"]
        base = fr.site_url.rstrip("/") + "/"
        homes = [self.structure.get("home", lang) for lang in LANGUAGES]
        return Chrome(
            lang="fr",
            site_title=escape(site.title["fr"]),
            description=escape(site.description["fr"]),
            is_home=True,
            og_locale=OG_LOCALES["fr"],
            og_alternates=(OG_LOCALES["en"],),
            og_image=(base + ROOT_PREVIEW) if fr.has_address else _join(base_url, ROOT_PREVIEW),
            alternates=(
                *(Alternate(p.lang, base + p.url, p.lang, LANGUAGE_NAMES[p.lang], False) for p in homes),
                Alternate("x-default", base, "", "", True),
            ) if fr.has_address else (),
            switch=language_switch(homes, lambda path: _join(base_url, path), current=None),
            lang_root=_join(base_url, "fr/"),
            feed=None,
            accessibility_url=_join(base_url, self.structure.get("accessibility", "fr").url),
            is_root=True,
            homes=tuple(
                HomeLink(p.lang, LANGUAGE_NAMES[p.lang], _join(base_url, p.url), escape(site.title[p.lang]),
                         escape(site.description[p.lang]), escape(self.languages[p.lang].gettext(NOT_FOUND)))
                for p in homes
            ),
            # The page is in both languages: each footer line in each, with its own lang.
            footer_notes=tuple(
                FooterNote(lang, _join(base_url, self.structure.get("accessibility", lang).url),
                           escape(self.languages[lang].gettext(FOOTER_ACCESSIBILITY)),
                           escape(self.languages[lang].gettext(FOOTER_LICENCE)))
                for lang in LANGUAGES
            ),
        )

    def _language_page(self, page: SitePage, href: Callable[[str], str], base_url: str, *,
                       hreflang: bool = True, **extra: Any) -> Chrome:
        """The chrome shared by a page and its language's 404 page; ``href`` links to a site path."""
        language = self.languages[page.lang]
        og_locale, og_alternates = og_locales(page)
        return Chrome(
            lang=page.lang,
            site_title=escape(self.structure.site.title[page.lang]),
            description=escape(language.fmt.typography(self.structure.description(page))),
            is_home=page.slug == "",
            og_locale=og_locale,
            og_alternates=tuple(og_alternates),
            og_image=self._preview_url(page, href),
            alternates=tuple(alternates(self.structure, page, language.site_url)) if hreflang and language.has_address else (),
            switch=language_switch(self.structure.translations(page), href, current=page.lang),
            lang_root=_join(base_url, f"{page.lang}/"),
            feed=_join(base_url, UPDATES_FEED[page.lang].path),
            accessibility_url=href(self.structure.get("accessibility", page.lang).url),
            **extra,
        )

    def _preview_url(self, page: SitePage, href: Callable[[str], str]) -> str:
        """The preview image's address: absolute once the site has one (as Open Graph wants), else
        as the page links the site (``href``: relative to a page, from the root on a 404 page served
        at any depth), which is all that can be said without a public address."""
        language, path = self.languages[page.lang], preview_image_path(page.lang, page.id)
        if language.has_address:
            return absolute_url(language.site_url, path)
        return href(path)


def language_switch(pages: list[SitePage], href: Callable[[str], str], *, current: str | None) -> tuple[LanguageLink, ...]:
    """The header's language switch: ``pages`` (one per language), each linked by ``href``."""
    return tuple(LanguageLink(p.lang, LANGUAGE_NAMES[p.lang], href(p.url), p.lang == current) for p in pages)


def _join(base_url: str, path: str) -> str:
    return posixpath.join(base_url, path) if path else base_url
