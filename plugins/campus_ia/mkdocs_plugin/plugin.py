"""The ``campus-ia`` MkDocs plugin: a thin adapter between MkDocs events and the core.

One build produces the French site under ``/fr/``, the English site under ``/en/`` and
a language chooser at ``/``. Shared work (configuration, theme, static assets,
content loading) is done once; each page is rendered once with its own language's
navigation, interface strings and search index. No nested builds, no patching of
MkDocs, no reading of ``sys.argv``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import posixpath
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..content import ContentError, Problem
from ..content.project_files import OUTSIDE_MESSAGE, InsideCheck
from ..formatting import Formatter
from ..formatting.html_typography import french_html
from ..i18n import CatalogError, Catalogs
from ..pages.bytecode_cache import CACHE_FOLDER, compiled_templates
from ..pages.raw_blocks import restore_html_blocks, stash_html_blocks
from ..sharing import CHART_CACHE_FOLDER, PREVIEW_CACHE_FOLDER, kept_charts, kept_previews, preview_images
from ..site import LANGUAGES
from ..site.alternates import sitemap_entries
from ..site.assembly import DownloadError, SiteAssembly
from ..site.glossary_terms import GlossaryNotes
from ..site.prose_blocks import SiteBlocks, with_blocks
from ..site.prose_figures import insert_figures
from ..site.prose_html import sanitise_prose
from ..site.prose_links import broken_links, resolve
from ..site.prose_markers import marker_block, marker_text
from ..site.derived_cache import DERIVED_CACHE_FOLDER
from ..site.kept_typography import TYPOGRAPHY_CACHE_FOLDER, KeptTypography
from ..site.made_ahead import make_ahead
from ..site.precompress import GZIP_CACHE_FOLDER, precompress_site
from ..site.release_blockers import address_blockers
from ..site.release_checks import release_report
from ..site.search_split import split_search_index
from .ahead_of_rebuild import AheadOfRebuild
from .atomic_output import AtomicOutput, OutputError, strict_build_will_abort
from .config import CampusConfig
from .gc_tuning import FewerCollections
from .linked_files import LinkedFile
from .nav_cache import NavigationCache
from .navigation import language_navigations
from .not_found import write_language_404s
from .serve_failure import RebuildFailure
from .theme_text import ThemeText
from .translation_check import StaleTranslations

log = logging.getLogger("mkdocs.plugins.campus_ia")

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
ROOT_PAGE = "index.md"


class CampusPlugin(BasePlugin[CampusConfig]):
    """Generates the bilingual Campus IA site from ``content/``."""

    def __init__(self) -> None:
        self.assembly: SiteAssembly | None = None
        self.glossary: GlossaryNotes | None = None  # this build's glossary tooltips, written out once
        self.navigations: dict[str, Navigation] = {}
        self.prose_problems: list[Problem] = []
        self.site_urls: set[str] | None = None  # addresses of this build's files, for prose links
        self.sources: dict[str, str] = {}  # prose page -> its file's text, from on_page_markdown to on_page_content
        self.typography = KeptTypography(None)  # pages in French typography, kept between builds
        self.project_dir = Path(".")
        self.staged_output = False
        self.output: AtomicOutput | None = None
        self.serving = False
        self.env: Any = None  # this build's theme environment (templates compiled once), from on_env
        self.nav_cache = NavigationCache()
        self.raw_blocks: dict[str, list[str]] = {}  # generated page -> HTML kept out of Markdown
        self.site_blocks = SiteBlocks()  # prose page -> the site's blocks (key figures, map), after sanitising
        self.docs_shown = "docs"  # docs_dir as the editor sees it, for error messages
        self.collections = FewerCollections()  # garbage-collector thresholds raised during a build
        self.theme_text = ThemeText()
        self.last_catalogs: Catalogs | None = None  # of the last build that loaded them: serve's failure page
        self.stale = StaleTranslations()
        self.ahead: AheadOfRebuild | None = None  # serve: a content edit's pages and downloads made early

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # build and serve write through a staging folder (atomic_output.py); --dirty updates in place.
        self.staged_output = not dirty
        self.serving = command == "serve"

    # -- configuration ------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        # Plugins live across `mkdocs serve` rebuilds: start each build from a clean slate.
        self.assembly, self.navigations, self.prose_problems, self.env = None, {}, [], None
        self.site_urls = None
        self.sources = {}
        self.nav_cache.reset(self.config.reuse_navigation)
        self.raw_blocks = {}
        self.site_blocks.reset()
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.typography = KeptTypography(self.project_dir / TYPOGRAPHY_CACHE_FOLDER)
        self.collections.start()  # until on_post_build, on_build_error or on_shutdown
        compiled_templates().keep_in(self.project_dir / CACHE_FOLDER)
        kept_previews().keep_in(self.project_dir / PREVIEW_CACHE_FOLDER)
        kept_charts().keep_in(self.project_dir / CHART_CACHE_FOLDER)
        try:
            self.assembly = self._load_assembly()
        except (ContentError, CatalogError) as exc:
            self.collections.stop()
            raise PluginError(str(exc)) from None
        self.last_catalogs = self.assembly.catalogs
        self.glossary = GlossaryNotes(self.assembly.languages)
        site = self.assembly.content.site
        if not config.site_url:
            config.site_url = site.url
        # Our templates sit between a project's custom_dir and Material's own.
        position = 1 if config.theme.custom_dir else 0
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(position, str(THEME_DIR))
        # A non-empty list makes Material include partials/alternate.html (our switcher).
        config.extra["alternate"] = [{"lang": lang, "link": f"{lang}/"} for lang in LANGUAGES]
        for stylesheet in (
            "assets/stylesheets/campus-ia.css",
            "assets/stylesheets/campus-ia-face.css",
            "assets/stylesheets/campus-ia-capacity.css",
        ):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        if self.staged_output:
            try:
                self.output = AtomicOutput.begin(config.site_dir)
            except OutputError as exc:
                raise PluginError(str(exc)) from None
            config.site_dir = str(self.output.staging)
        return config

    def _load_assembly(self) -> SiteAssembly:
        """The site as the project's files hold it now, its bundles kept in the project's cache."""
        return SiteAssembly.load(self.project_dir / self.config.content_dir, self.project_dir / self.config.locales_dir,
                                 root=self.project_dir, keep_derived_in=self.project_dir / DERIVED_CACHE_FOLDER)

    # -- files and navigation -------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.assembly is None:
            return None
        structure = self.assembly.structure
        self.docs_shown = _shown(Path(config.docs_dir), self.project_dir)  # once: it resolves paths
        problems = structure.check_prose(Path(config.docs_dir), self.docs_shown, self.project_dir)
        problems.extend(_files_leaving_project(files, Path(config.docs_dir), self.project_dir, self.docs_shown))
        problems = list(dict.fromkeys(problems))  # a link is named once, though both checks see it
        if problems:
            raise PluginError("\n".join(["Problems with the pages in docs/:", *(f"  {p}" for p in problems)]))
        self.stale.check(structure, Path(config.docs_dir), self.docs_shown, self.config.stale_translations)
        for src_uri, markdown in self.assembly.generated_sources(dt.date.today()).items():
            files.append(File.generated(config, src_uri, content=markdown))
        files.append(File.generated(config, ROOT_PAGE, content=_root_markdown(self.assembly)))
        try:
            downloads = self.assembly.downloads()
        except DownloadError as exc:
            raise PluginError(str(exc)) from None
        for path, data in downloads.items():
            files.append(File.generated(config, path, content=data))
        # Kept preview images go in the site as second names of the kept files (linked_files.py).
        for path, image in preview_images(structure, self.assembly.languages, kept_previews().kept_file).items():
            if isinstance(image, Path):
                files.append(LinkedFile.generated(config, path, abs_src_path=str(image)))
            else:
                files.append(File.generated(config, path, content=image))
        for path, data in self.assembly.embed_pages().items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.assembly is None:
            return None
        self.navigations = language_navigations(self.assembly.structure, files)
        for lang, navigation in self.navigations.items():
            home = self.assembly.structure.get("home", lang)
            home_file = files.get_file_from_path(home.src_uri)
            navigation.homepage = home_file.page if home_file else None  # type: ignore[assignment]
        root = files.get_file_from_path(ROOT_PAGE)
        pages = [root.page] if root and root.page else []
        for navigation in self.navigations.values():
            pages.extend(navigation.pages)
        return Navigation(list(pages), list(pages))

    # -- pages ----------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.assembly is None:
            return None
        site_page = self.assembly.structure.by_src(page.file.src_uri)
        if site_page is None:
            return markdown
        # No page.meta["description"] default: main.html falls back to campus.description (the same
        # text, escaped). A non-empty meta on every page costs Material four failed look-ups
        # (meta.icon, .subtitle, .status...) per nav item on every page: O(pages²).
        if site_page.generated:
            markdown, self.raw_blocks[page.file.src_uri] = stash_html_blocks(markdown)
            return markdown
        shown = f"{self.docs_shown}/{page.file.src_uri}"
        source = self.sources[page.file.src_uri] = page.file.content_string  # read once, used again below
        offset = source.count("\n", 0, max(source.find(markdown.strip()[:80]), 0)) if markdown.strip() else 0
        language, context, key = self.assembly.languages[site_page.lang], self.assembly.page_context(site_page), page.file.src_uri
        render = with_blocks(
            lambda kind, ident: marker_text(language, kind, ident),
            lambda ident: marker_block(context, ident, dt.date.today()),  # "today" is the build's day
            lambda html: self.site_blocks.token(key, html),
        )
        result, problems = insert_figures(markdown, render, shown)
        self.prose_problems.extend(
            Problem(p.file, p.line + offset, p.column, p.where, p.message) for p in problems
        )
        result = self.stale.notice(page.file.src_uri, result, language.gettext)
        # French typography is applied to the finished page (on_post_page), code blocks spared.
        return result

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.assembly is None:
            return None
        site_page = self.assembly.structure.by_src(page.file.src_uri)
        if site_page is None:
            return html
        if site_page.generated:  # generated pages escape their text when rendering it
            html = restore_html_blocks(html, self.raw_blocks.pop(page.file.src_uri, []))
            return self.glossary.explain(site_page, html)  # type: ignore[union-attr]
        shown = f"{self.docs_shown}/{page.file.src_uri}"
        source = self.sources.pop(page.file.src_uri, None) or page.file.content_string
        clean, problems = sanitise_prose(html, source, shown)
        self.prose_problems.extend(problems)
        clean = self.site_blocks.restore(page.file.src_uri, clean)
        if self.site_urls is None:  # every address MkDocs will write, once per build
            self.site_urls = {f.url.rstrip("/") for f in files} | {f.dest_uri for f in files}
        known, base = self.site_urls, page.url if page.url.endswith("/") else posixpath.dirname(page.url)
        self.prose_problems.extend(
            broken_links(html, source, shown, lambda path: resolve(base, path) in known)
        )
        return self.glossary.explain(site_page, clean)  # type: ignore[union-attr]

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self.env = env
        env.globals["campus_nav_item"] = self.nav_cache.render
        self.theme_text.reset(env)
        env.globals["campus_theme_text"] = self.theme_text
        if env.bytecode_cache is None:  # Material's templates compiled once, not on every build
            env.bytecode_cache = compiled_templates()
        if self.prose_problems:
            problems, self.prose_problems = self.prose_problems, []
            raise PluginError(str(ContentError(problems)))
        return env

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
        if self.assembly is None:
            return None
        site_page = self.assembly.structure.by_src(page.file.src_uri)
        if site_page is None:  # the root language chooser
            context["campus"] = self.assembly.chrome.root(context.get("base_url") or ".")
            context["nav"] = Navigation([], [])
            # The chooser is a French document (<html lang="fr">) whose two halves carry
            # their own lang: its chrome (labels such as "Langue") is French.
            context["gettext"] = self.assembly.languages["fr"].gettext
            # No "next page" in one language below a chooser offering both.
            page.previous_page = page.next_page = None
            return context
        context["nav"] = self.navigations[site_page.lang]
        context["campus"] = self.assembly.chrome.page(site_page, context.get("base_url") or ".")
        context["gettext"] = self.assembly.languages[site_page.lang].gettext
        return context

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict | None:
        if self.assembly is None:
            return None
        if template_name == "sitemap.xml":
            context["campus_sitemap"] = sitemap_entries(self.assembly.structure, self.assembly.languages["fr"].site_url)
        elif template_name == "404.html":
            # Like the chooser: French chrome, both languages' home pages, no one language's menu.
            context["campus"] = self.assembly.chrome.root(context.get("base_url") or ".")
            context["nav"] = Navigation([], [])
            context["gettext"] = self.assembly.languages["fr"].gettext
        return context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
        if self.assembly is None or template_name != "404.html":
            return output_content
        return french_html(output_content, "fr")  # the root 404 page: its French half

    @event_priority(-1000)  # last: the site is complete (search, other plugins) before the swap
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.assembly is None:
            return
        site_dir = Path(config.site_dir)
        split_search_index(site_dir, _search_languages(self.env or config.theme.get_env()))
        write_language_404s(self.assembly, self.env or config.theme.get_env(), self.navigations, config)
        missing = self.assembly.catalogs.missing()
        self.assembly.catalogs.reset_missing()
        if missing:
            raise PluginError(
                "Interface strings used by the templates are missing from locales/ "
                "(run 'campus-ia i18n extract' and 'campus-ia i18n update', then translate):\n  "
                + "\n  ".join(missing)
            )
        self.typography.forget_the_rest()
        if not self.serving:  # the preview does not need compressed copies
            precompress_site(site_dir, cache=self.project_dir / GZIP_CACHE_FOLDER)
        self._put_output_in_place(config)
        self.collections.stop()

    @event_priority(-1000)  # last: French typography on the page exactly as MkDocs will write it
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if self.assembly is not None:
            # One place for every French text node of the page: prose, generated text,
            # titles, navigation, footer; English text (lang="en") is left as it is.
            site_page = self.assembly.structure.by_src(page.file.src_uri)
            output = self.typography.page(output, site_page.lang if site_page else "fr")
        return output

    def on_build_error(self, error: Exception) -> None:
        self.collections.stop()
        self._discard_output()

    def on_shutdown(self) -> None:
        if self.ahead is not None:
            self.ahead.stop()
            self.ahead = None
        self.collections.stop()
        self._discard_output()  # e.g. after Ctrl-C, which skips build_error

    def _put_output_in_place(self, config: MkDocsConfig) -> None:
        if self.output is None or strict_build_will_abort(config.strict):
            return  # MkDocs aborts right after this event; on_build_error discards the staging folder
        if config.strict and not self.serving:  # a release build: check the new site before it goes live
            self._check_release(self.output)
        output, self.output = self.output, None
        try:
            output.commit()
        except OutputError as exc:
            raise PluginError(str(exc)) from None
        config.site_dir = str(output.target)  # gh-deploy and serve read it after the build

    def _check_release(self, output: AtomicOutput) -> None:
        """The release checks (``campus-ia check-site``) on the staged site; a failure keeps the old site."""
        started = time.monotonic()
        report = release_report(output.staging, heading=(
            f"The new build is not ready to publish; the site in {output.target} was left as it is:"))
        if report:
            raise PluginError(report)  # on_build_error removes the staging folder
        log.info("Release checks passed in %.1f seconds", time.monotonic() - started)
        for blocker in address_blockers(self.assembly.content):  # type: ignore[union-attr]
            # Not a warning: previews and tests build the shipped content, which has no public address
            # yet. 'campus-ia check-site --release' is the gate that refuses it.
            log.info("Not ready for a public release: %s", blocker)

    def _discard_output(self) -> None:
        if self.output is not None:
            self.output.abort()
            self.output = None

    @event_priority(-1000)  # last: plugins that pass `builder` to server.watch() see the original
    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # The server's own watch(): MkDocs then polls these folders as it polls docs/.
        for folder in (self.config.content_dir, self.config.locales_dir):
            server.watch(str(self.project_dir / folder))
        self.ahead = AheadOfRebuild(lambda: make_ahead(self._load_assembly))
        self.ahead.start([self.project_dir / folder for folder in (self.config.content_dir, self.config.locales_dir)])
        if hasattr(server, "builder") and hasattr(server, "get_app") and hasattr(server, "set_app"):
            failure = RebuildFailure(
                Path(config.site_dir), urlsplit(config.site_url or "/").path or "/", LANGUAGES, self._translate_last_good
            )
            server.builder = failure.wrap_builder(server.builder)
            server.set_app(failure.wrap_app(server.get_app()))
        return server

    def _translate_last_good(self, lang: str, message: str) -> str:
        """An interface string from the last catalogs that loaded (the current ones may be what broke)."""
        text = self.last_catalogs.gettext(lang, message) if self.last_catalogs is not None else message
        return Formatter(lang).typography(text)


def _search_languages(env: Any) -> dict[str, dict]:
    """Material's own search settings for each language (stemmer, separator, pipeline)."""
    found: dict[str, dict] = {}
    for lang in LANGUAGES:
        module = env.get_template(f"partials/languages/{lang}.html").module
        fallback = env.get_template("partials/languages/en.html").module
        pick = lambda key: str(module.t(key) or fallback.t(key))  # noqa: E731
        found[lang] = {
            "lang": [pick("search.config.lang")],
            "separator": pick("search.config.separator"),
            "pipeline": [p.strip() for p in pick("search.config.pipeline").split(",") if p.strip()],
        }
    return found


def _root_markdown(assembly: SiteAssembly) -> str:
    title = json.dumps(str(escape(f"{assembly.content.site.title.fr} · {assembly.content.site.title.en}")), ensure_ascii=False)
    return f"---\ntemplate: campus-root.html\ntitle: {title}\nsearch:\n  exclude: true\n---\n"


def _files_leaving_project(files: Files, docs_dir: Path, root: Path, docs_shown: str) -> list[str]:
    """Documentation files whose real place is outside the project (reached through a link).

    ``check_prose`` reports the links themselves; this is the last guard on what MkDocs
    actually collected, so nothing outside the project is ever published or indexed.
    """
    problems: list[str] = []
    inside = InsideCheck(docs_dir, root)
    for file in files:
        if file.generated_by or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        if path.is_relative_to(docs_dir) and not inside(path):
            problems.append(f"{docs_shown}/{file.src_uri}:1:1: {OUTSIDE_MESSAGE}")
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
