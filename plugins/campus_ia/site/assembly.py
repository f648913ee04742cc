"""``SiteAssembly``: the content, its catalogs and its structure, ready to produce pages.

This is the core a build engine drives: the MkDocs plugin is one such engine, the
``campus-ia`` command another. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from markupsafe import escape

from ..capacity.checks import capacity_problems
from ..capacity.document import capacity_document
from ..capacity.page_view import TEMPLATE_GLOBALS as CAPACITY_TEMPLATE_HELPERS
from ..content import Content, load_content
from ..content.validation import ContentRule
from ..formatting import Formatter
from ..home import HOME_BLOCKS, home_block
from ..exports import build_downloads, jsonld
from ..exports.french_text import french_strings, french_values
from ..i18n import N_, Catalogs
from ..pages import PageContext, relative_url, render_page
from ..pages.environment import markdown_safe
from ..pages.downloads import CAPACITY_JSON, PRESS_KIT
from ..pages.language import LanguageContext
from ..sharing import preview_image_path, preview_png
from .alternates import Alternate, alternates, og_locales
from .chart_files import chart_downloads
from .embed_pages import embed_pages
from .press_kit import press_kit_zip
from .press_page import TEMPLATE_GLOBALS as PRESS_TEMPLATE_HELPERS
from .glossary_terms import TermNote, explain_terms
from .prose_sources import contact_markdown, lead_source_name
from ..pages.structure import LANGUAGES, LANGUAGE_NAMES, OG_LOCALES, SitePage, SiteStructure

FOOTER_ACCESSIBILITY = N_("Accessibility: partially compliant")
FOOTER_LICENCE = N_("Open data: Licence Ouverte 2.0 / Etalab")
PREVIEW_FOOTER = N_("Sourced figures, dates and open data, in French and English")
"""The last line of every social preview image."""
ROOT_PREVIEW = "assets/previews/root.png"
"""The language chooser's preview image."""
"""The footer's two lines (theme/partials/copyright.html), for the bilingual root pages."""


CONTENT_RULES: tuple[ContentRule, ...] = (capacity_problems,)
"""The rules of the layers above ``content`` that every load applies (the build and ``campus-ia check``)."""


def load_site_content(content_dir: Path, *, display_root: Path | None = None) -> Content:
    """``load_content`` with :data:`CONTENT_RULES`: the content as the site accepts it."""
    return load_content(content_dir, display_root=display_root, rules=CONTENT_RULES)


class DownloadError(Exception):
    """A download could not be written: an internal error, said plainly (the content was valid)."""

    def __init__(self, cause: Exception) -> None:
        self.cause = cause
        super().__init__(
            "internal error: the downloads (data/*.json, *.csv, *.ics, feed.xml) could not be written "
            f"({type(cause).__name__}: {cause}). The content passed validation, so this is a defect of "
            "the site's code: please report it with the last change made to content/."
        )


@dataclass
class SiteAssembly:
    """Everything loaded and checked once per build, shared by both languages."""

    content: Content
    catalogs: Catalogs
    root: Path
    formatters: dict[str, Formatter] = field(default_factory=dict)
    _figure_texts: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)
    _translated: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, content_dir: Path, locales_dir: Path, *, root: Path | None = None) -> SiteAssembly:
        """Load and validate; raises ``ContentError`` or ``CatalogError`` with every problem."""
        root = root or content_dir.parent
        content = load_site_content(content_dir, display_root=root)
        catalogs = Catalogs.load(locales_dir, root=root)
        return cls(content, catalogs, root, {lang: Formatter(lang) for lang in LANGUAGES})

    @cached_property
    def structure(self) -> SiteStructure:
        return SiteStructure(self.content.site)

    @property
    def site_url(self) -> str:
        """The site's public address; "/" while unset, so that addresses stay root-relative."""
        return self.content.site.url or "/"

    @property
    def has_address(self) -> bool:
        """Whether content/site.yml gives the site's public address (canonical links, sitemap)."""
        return self.content.site.url is not None

    def translator(self, lang: str) -> Callable[[str], str]:
        """gettext for ``lang``; French translations get French typography (no-break spaces)."""
        typography, gettext = self.formatters[lang].typography, self.catalogs.gettext
        translated = self._translated.setdefault(lang, {})  # templates ask for the same strings on every page

        def translate(message: str) -> str:
            text = translated.get(message)
            if text is None:
                text = translated[message] = typography(gettext(lang, message))
            return text

        return translate

    def ngettext(self, lang: str) -> Callable[[str, str, int], str]:
        return lambda singular, plural, n: self.catalogs.ngettext(lang, singular, plural, n)

    @cached_property
    def languages(self) -> dict[str, LanguageContext]:
        """One :class:`LanguageContext` per language, built once and handed down to pages and downloads."""
        urls = self.structure.urls()
        return {
            lang: LanguageContext(self.content, lang, self.formatters[lang], self.translator(lang),
                                  self.ngettext(lang), urls, self.site_url)
            for lang in LANGUAGES
        }

    def edit_base(self) -> str | None:
        """Where 'Edit this data' links lead; None while no repository is configured (no link)."""
        site = self.content.site
        if site.repository is None:
            return None
        return f"{site.repository.rstrip('/')}/edit/{site.edit_branch}/"

    def page_context(self, page: SitePage) -> PageContext:
        return PageContext(self.languages[page.lang], page_id=page.id, page_url=page.url, edit_base=self.edit_base())

    def page_body(self, page: SitePage) -> str:
        """The Markdown body of a generated page, with the template helpers of the layers above ``pages``."""
        return render_page(self.page_context(page), {**CAPACITY_TEMPLATE_HELPERS, **PRESS_TEMPLATE_HELPERS})

    def generated_markdown(self, page: SitePage) -> str:
        """The Markdown source of a generated page: front matter, title and body."""
        body = self.page_body(page)
        title = self.content.site.pages[page.order].title[page.lang]
        # MkDocs treats a page title as HTML and the theme prints it unescaped: escape it here.
        return f"---\ntitle: {_yaml_text(escape(title))}\n---\n\n# {markdown_safe(title)}\n\n{body}"

    def figure_text(self, lang: str, figure_id: str) -> str | None:
        """A figure's lead value (or a milestone's date) written out in ``lang``, for prose.

        None if no figure or milestone has that id.
        """
        key = (lang, figure_id)
        if key not in self._figure_texts:  # prose pages repeat the same few figures
            self._figure_texts[key] = self._figure_text(lang, figure_id)
        return self._figure_texts[key]

    def prose_text(self, lang: str, kind: str, ident: str) -> str | None:
        """What a prose marker ``{{ kind:ident }}`` stands for in ``lang``; None if it names nothing."""
        if kind == "fact":
            return self.figure_text(lang, ident)
        if kind == "source":
            return lead_source_name(self.content, lang, ident)
        if kind == "site" and ident == "contact":
            return contact_markdown(self.content, lang, self.translator(lang))
        if kind == "site" and ident in HOME_BLOCKS:
            return ""  # a block of HTML, which the build renders with site_block() after sanitising
        return None

    def site_block(self, page: SitePage, ident: str, today: dt.date) -> str | None:
        """The HTML of block ``{{ site:ident }}`` on ``page`` (key figures, map...); None if unknown."""
        if ident not in HOME_BLOCKS:
            return None
        return str(home_block(self.page_context(page), ident, today))

    def explain_terms(self, page: SitePage, html: str) -> str:
        """A page's content with the glossary's terms explained where they first appear."""
        if page.id == "glossary":  # the page that explains them all
            return html
        return explain_terms(html, self._term_notes[page.lang])

    @cached_property
    def _term_notes(self) -> dict[str, list[TermNote]]:
        notes: dict[str, list[TermNote]] = {}
        for lang in LANGUAGES:
            typography = self.formatters[lang].typography
            notes[lang] = [
                TermNote(t.term[lang], typography(
                    f"{t.expansion[lang]}. {t.definition[lang]}" if t.expansion else t.definition[lang]))
                for t in self.content.glossary.terms
            ]
        return notes

    def _figure_text(self, lang: str, figure_id: str) -> str | None:
        milestone = self.content.milestones_by_id.get(figure_id)
        if milestone is not None:
            if milestone.date is None:
                return self.catalogs.gettext(lang, N_("date not yet known"))
            return self.formatters[lang].date(self.content.partial_date(milestone.date), milestone.date_qualifier)
        figure = self.content.figures.get(figure_id)
        if figure is None:
            return None
        return self.languages[lang].figures.value(figure)

    def page_description(self, page: SitePage) -> str:
        """The page's own description (content/site.yml ``pages``), else the site's."""
        entry = self.content.site.pages[page.order]
        return (entry.description or self.content.site.description)[page.lang]

    def preview_images(self) -> dict[str, bytes]:
        """Every page's social preview image (site path -> PNG), drawn from its title and description."""
        images: dict[str, bytes] = {}
        for page in self.structure.pages:
            typography = self.formatters[page.lang].typography
            images[preview_image_path(page.lang, page.id)] = preview_png(
                typography(self.content.site.title[page.lang]),
                typography(self.content.site.pages[page.order].title[page.lang]),
                typography(self.page_description(page)),
                self.translator(page.lang)(PREVIEW_FOOTER),
            )
        site = self.content.site
        images[ROOT_PREVIEW] = preview_png(  # the language chooser, in both languages
            "Campus IA", f"{site.title.fr} · {site.title.en}", self.formatters["fr"].typography(site.description.fr),
            self.formatters["en"].typography(site.description.en))
        return images

    def page_chrome(self, page: SitePage) -> dict:
        """What the theme templates need to know about a page's language and translations.

        MkDocs' theme environment does not autoescape, so text from ``content/`` is
        handed over as escaped ``Markup``.
        """
        og_locale, og_alternates = og_locales(page)
        return {
            "lang": page.lang,
            "page_id": page.id,
            "language_name": LANGUAGE_NAMES[page.lang],
            "alternates": alternates(self.structure, page, self.site_url),
            "translations": self.structure.translations(page),
            "og_locale": og_locale,
            "og_alternates": og_alternates,
            "site_title": escape(self.content.site.title[page.lang]),
            "description": escape(self.formatters[page.lang].typography(self.page_description(page))),
            "is_home": page.slug == "",
            "og_image": self._preview_url(page),
        }

    def _preview_url(self, page: SitePage) -> str:
        """The preview image's address: absolute once the site has one (as Open Graph wants), else
        relative to the page, which is all that can be said without a public address."""
        path = preview_image_path(page.lang, page.id)
        if self.has_address:
            return self.site_url.rstrip("/") + "/" + path
        return relative_url(page.url, path)


    def root_chrome(self, base_url: str) -> dict:
        """Chrome of the root language chooser (and of the root 404 page)."""
        base = self.site_url.rstrip("/") + "/"
        homes = [self.structure.get("home", lang) for lang in LANGUAGES]
        return {
            "lang": "fr",
            "page_id": None,
            "alternates": [
                *(Alternate(p.lang, base + p.url, p.lang, LANGUAGE_NAMES[p.lang], False) for p in homes),
                Alternate("x-default", base, "", "", True),
            ],
            "switch": [
                {"lang": p.lang, "name": LANGUAGE_NAMES[p.lang], "href": _join(base_url, p.url), "current": False}
                for p in homes
            ],
            "homes": [
                {"lang": p.lang, "href": _join(base_url, p.url), "title": escape(self.content.site.title[p.lang]),
                 "description": escape(self.content.site.description[p.lang]), "name": LANGUAGE_NAMES[p.lang],
                 "not_found": escape(self.translator(p.lang)(N_("Page not found")))}
                for p in homes
            ],
            "og_locale": OG_LOCALES["fr"],
            "og_alternates": [OG_LOCALES["en"]],
            "site_title": escape(self.content.site.title["fr"]),
            "description": escape(self.content.site.description["fr"]),
            "is_home": True,
            "is_root": True,
            "og_image": (self.site_url.rstrip("/") + "/" + ROOT_PREVIEW) if self.has_address else _join(base_url, ROOT_PREVIEW),
            "lang_root": _join(base_url, "fr/"),
            "feed": None,
            "accessibility_url": _join(base_url, self.structure.get("accessibility", "fr").url),
            # The page is in both languages: each footer line in each, with its own lang.
            "footer_notes": [
                {"lang": lang, "href": _join(base_url, self.structure.get("accessibility", lang).url),
                 "accessibility": escape(self.translator(lang)(FOOTER_ACCESSIBILITY)),
                 "licence": escape(self.translator(lang)(FOOTER_LICENCE))}
                for lang in LANGUAGES
            ],
            "jsonld": [],
        }

    def sitemap_entries(self) -> list[dict]:
        """Every page with its hreflang alternates, for ``sitemap.xml``."""
        # Without the site's address the entries are root-relative: the sitemap protocol wants
        # absolute ones, so 'campus-ia check-site --release' blocks publishing until 'url' is set.
        base = self.site_url.rstrip("/") + "/"
        entries = [{"loc": base, "alternates": []}]
        for page in self.structure.pages:
            entries.append({"loc": base + page.url,
                            "alternates": [(a.hreflang, a.href) for a in alternates(self.structure, page, self.site_url)]})
        return entries

    def downloads(self) -> dict[str, bytes]:
        """Every download (site path -> bytes), generated from the same content as the pages.

        Content is validated so that no writer (icalendar, lxml, csv, json) can fail on
        it; if one still does, that is a defect of the site, reported as ``DownloadError``
        in one plain sentence rather than as a library's traceback.
        """
        try:
            files = dict(build_downloads(self.content, self.languages))
            # Serialised as capacity_json() does, with the French strings set in French typography.
            document = french_strings(capacity_document(self.content))
            text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
            files[CAPACITY_JSON.path] = (text + "\n").encode("utf-8")
            files.update(chart_downloads(self.page_contexts("capacity")))
            files[PRESS_KIT.path] = press_kit_zip(self.page_contexts("press"), files)
        except Exception as exc:  # noqa: BLE001 - any writer's failure, named for a person
            raise DownloadError(exc) from None
        return files

    def page_contexts(self, page_id: str) -> dict[str, PageContext]:
        """Page ``page_id``'s context in each language."""
        return {lang: self.page_context(self.structure.get(page_id, lang)) for lang in LANGUAGES}

    def embed_pages(self) -> dict[str, bytes]:
        """Each chart's embed page (site path -> HTML), for an iframe on another site."""
        return embed_pages(self.page_contexts("capacity"))

    def page_jsonld(self, page: SitePage) -> list[dict]:
        """Structured data for a page: organisations, milestones as events, the dataset."""
        base = self.site_url.rstrip("/") + "/"
        graphs: list[dict] = []
        if page.id in ("home", "partners"):
            graphs.append(jsonld.organisation_graph(self.content, page.lang))
        if page.id == "timeline":
            graphs.append(jsonld.events_graph(self.content, page.lang, base + page.url))
        if page.id == "facts":
            graphs.append(jsonld.dataset_graph(self.content, page.lang, self.site_url))
        if page.lang == "fr":  # the page's text filter does not read inside <script>
            graphs = [french_values(graph) for graph in graphs]
        return graphs


def _join(base_url: str, path: str) -> str:
    return posixpath.join(base_url, path) if path else base_url


def _yaml_text(text: str) -> str:
    # Titles go into front matter: quote them as a JSON string, which is valid YAML.
    return json.dumps(text, ensure_ascii=False)
