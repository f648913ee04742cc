"""``SiteAssembly``: the content, its catalogs and its structure, ready to produce pages.

This is the core a build engine drives: the MkDocs plugin is one such engine, the
``campus-ia`` command another. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import escape

from .. import LANGUAGES
from ..capacity.checks import capacity_problems
from ..capacity.document import capacity_document
from ..capacity.page_view import TEMPLATE_GLOBALS as CAPACITY_TEMPLATE_HELPERS
from ..capacity.results_dataset import capacity_results_downloads
from ..content import Content, load_content
from ..content.validation import ContentRule
from ..exports import build_downloads
from ..exports.french_text import french_strings
from ..exports.machine_text import review_date
from ..exports.record import TEMPLATE_GLOBALS as RECORD_TEMPLATE_HELPERS
from ..i18n import Catalogs
from ..pages import PageContext, render_page
from ..pages.downloads import CAPACITY_JSON, PRESS_KIT
from ..pages.environment import markdown_safe
from ..pages.language import LanguageContext
from ..pages.structure import SitePage, SiteStructure
from .chart_files import chart_downloads
from .chrome import SiteChrome
from .derived_cache import DerivedCache
from .embed_pages import embed_pages
from .press_kit import press_kit_zip
from .press_page import TEMPLATE_GLOBALS as PRESS_TEMPLATE_HELPERS

CONTENT_RULES: tuple[ContentRule, ...] = (capacity_problems,)
"""The rules of the layers above ``content`` that every load applies (the build and ``campus-ia check``)."""


def load_site_content(content_dir: Path, *, display_root: Path | None = None) -> Content:
    """``load_content`` with :data:`CONTENT_RULES`: the content as the site accepts it."""
    return load_content(content_dir, display_root=display_root, rules=CONTENT_RULES)


# The last site loaded with a kept-bundles folder, by its inputs' digest: a rebuild of
# `mkdocs serve` (or the work made ahead of one) whose content, catalogs and code did not
# change gets it again, with what its language contexts already formatted.
_LAST_LOADED: dict[str, tuple[tuple[object, ...], SiteAssembly]] = {}
_LAST_LOADED_LOCK = threading.Lock()


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
    """The site loaded and checked once per build, and what a build asks of it.

    It holds the content, the catalogs, the structure and one :class:`LanguageContext`
    per language; the layers below get a language context (or the structure), never
    this object. It answers the build's three requests: generated pages, downloads
    and the page chrome.
    """

    content: Content
    catalogs: Catalogs
    root: Path
    derived: DerivedCache | None = field(default=None, compare=False)
    """Where downloads and generated pages made by an earlier build are kept (None: made every time)."""

    @classmethod
    def load(cls, content_dir: Path, locales_dir: Path, *, root: Path | None = None,
             keep_derived_in: Path | None = None) -> SiteAssembly:
        """Load and validate; raises ``ContentError`` or ``CatalogError`` with every problem.

        ``keep_derived_in``: a folder where downloads and generated pages are kept
        between builds (:class:`DerivedCache`; None: made every time).
        """
        root = root or content_dir.parent
        if keep_derived_in is None:
            return cls(load_site_content(content_dir, display_root=root), Catalogs.load(locales_dir, root=root), root)
        derived = DerivedCache(keep_derived_in, [content_dir, locales_dir])
        # The digest before reading: what is kept is keyed on the files as they were read.
        key = (content_dir.resolve(), locales_dir.resolve(), root.resolve(), derived.folder, derived.digest())
        with _LAST_LOADED_LOCK:
            last = _LAST_LOADED.get("last")
        if last is not None and last[0] == key:
            last[1].catalogs.reset_missing()
            return last[1]
        content = load_site_content(content_dir, display_root=root)
        catalogs = Catalogs.load(locales_dir, root=root)
        assembly = cls(content, catalogs, root, derived)
        if derived.inputs_unchanged():
            with _LAST_LOADED_LOCK:
                _LAST_LOADED["last"] = (key, assembly)
        return assembly

    @cached_property
    def structure(self) -> SiteStructure:
        return SiteStructure(self.content.site)

    @cached_property
    def languages(self) -> dict[str, LanguageContext]:
        """One :class:`LanguageContext` per language, built once and handed down to pages and downloads."""
        urls = self.structure.urls()
        return {lang: LanguageContext.build(self.content, self.catalogs, lang, urls) for lang in LANGUAGES}

    @cached_property
    def chrome(self) -> SiteChrome:
        """The page chrome of every page the theme renders (pages, 404 pages, the language chooser)."""
        return SiteChrome(self.structure, self.languages)

    def page_context(self, page: SitePage) -> PageContext:
        return PageContext(self.languages[page.lang], page_id=page.id, page_url=page.url)

    def page_body(self, page: SitePage, today: dt.date | None = None) -> str:
        """The Markdown body of a generated page, with the template helpers of the layers above ``pages``."""
        return render_page(self.page_context(page),
                           {**CAPACITY_TEMPLATE_HELPERS, **RECORD_TEMPLATE_HELPERS, **PRESS_TEMPLATE_HELPERS},
                           today)

    def generated_sources(self, today: dt.date) -> dict[str, str]:
        """Every generated page's Markdown source by its ``src_uri``, as of ``today`` (the build's day)."""
        pages = list(self.structure.generated())

        def make() -> dict[str, bytes]:
            return {page.src_uri: self.generated_markdown(page, today).encode("utf-8") for page in pages}

        made = make() if self.derived is None else self.derived.bundle("pages", make, also=today.isoformat())
        return {page.src_uri: made[page.src_uri].decode("utf-8") for page in pages}

    def generated_markdown(self, page: SitePage, today: dt.date | None = None) -> str:
        """The Markdown source of a generated page: front matter, title and body."""
        body = self.page_body(page, today)
        # MkDocs treats a page title as HTML and the theme prints it unescaped: escape it here.
        return f"---\ntitle: {_yaml_text(escape(page.title))}\n---\n\n# {markdown_safe(page.title)}\n\n{body}"

    def downloads(self) -> dict[str, bytes]:
        """Every download (site path -> bytes), generated from the same content as the pages.

        Content is validated so that no writer (icalendar, lxml, csv, json) can fail on
        it; if one still does, that is a defect of the site, reported as ``DownloadError``
        in one plain sentence rather than as a library's traceback.
        """
        if self.derived is not None:
            return self.derived.bundle("downloads", self._make_downloads)
        return self._make_downloads()

    def _make_downloads(self) -> dict[str, bytes]:
        try:
            files = dict(build_downloads(self.content, self.languages))
            # Serialised as capacity_json() does, with the French strings set in French typography.
            document = french_strings(capacity_document(self.content))
            text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
            files[CAPACITY_JSON.path] = (text + "\n").encode("utf-8")
            files.update(capacity_results_downloads(self.content, self.languages,
                                                    review_date(self.content.site.last_reviewed)))
            files.update(chart_downloads(self.page_contexts("capacity")))
            files[PRESS_KIT.path] = press_kit_zip(self.page_contexts("press"), files)  # last: it holds the others
        except Exception as exc:  # noqa: BLE001 - any writer's failure, named for a person
            raise DownloadError(exc) from None
        return files

    def page_contexts(self, page_id: str) -> dict[str, PageContext]:
        """Page ``page_id``'s context in each language."""
        return {lang: self.page_context(self.structure.get(page_id, lang)) for lang in LANGUAGES}

    def embed_pages(self) -> dict[str, bytes]:
        """Each chart's embed page (site path -> HTML), for an iframe on another site."""
        return embed_pages(self.page_contexts("capacity"))


def _yaml_text(text: str) -> str:
    # Titles go into front matter: quote them as a JSON string, which is valid YAML.
    return json.dumps(text, ensure_ascii=False)
