"""Checks on the built site's HTML: internal links and fragments, ids, third-party resources.

Reads a built site folder (what ``mkdocs build`` wrote) with the standard library's
``html.parser`` only, so the test suite and ``scripts/site-report`` share it without a
dependency. Each check returns every problem it finds, with the page, line and column.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import LANGUAGES

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

LOADED_LINK_RELS = frozenset(
    {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
     "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender"}
)
"""``<link rel>`` values whose ``href`` the browser fetches (or connects to) by itself."""

RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
"""Elements and attributes whose URLs load without the reader clicking (``<link>`` aside)."""

_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
_NOT_FETCHED = ("data:", "mailto:", "tel:", "javascript:", "about:", "blob:")


@dataclass(frozen=True)
class HtmlProblem:
    """One problem in one built file: where it is and what is wrong."""

    page: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Reference:
    """A URL found in a page: the element and attribute it came from, and where."""

    url: str
    tag: str
    attribute: str
    line: int
    column: int
    loads: bool
    """True when the browser fetches it on its own (scripts, styles, images, icons...)."""


@dataclass
class PageScan:
    """What one HTML page holds: its ids, its URLs, its language and its top-level headings."""

    ids: list[tuple[str, int, int]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    styles: list[tuple[str, int, int]] = field(default_factory=list)
    lang: str | None = None
    h1_count: int = 0


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.scan.ids.append((values["id"], line, column + 1))
        if tag == "a" and values.get("name"):
            self.scan.ids.append((values["name"], line, column + 1))
        if tag == "html":
            self.scan.lang = values.get("lang")
        if tag == "h1":
            self.scan.h1_count += 1
        if tag == "style":
            self._in_style = True
        if values.get("style"):
            self.scan.styles.append((values["style"], line, column + 1))
        loaded = RESOURCE_ATTRIBUTES.get(tag, ())
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            loaded = ("href",) if rels & LOADED_LINK_RELS else ()
        for name in ("href", "src", "srcset", "poster", "data", "xlink:href"):
            if name not in values or not values[name].strip():
                continue
            urls = _srcset_urls(values[name]) if name == "srcset" else [values[name].strip()]
            for url in urls:
                self.scan.references.append(Reference(url, tag, name, line, column + 1, name in loaded))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            line, column = self.getpos()
            self.scan.styles.append((data, line, column + 1))


def scan_html(text: str) -> PageScan:
    """The ids, URLs, language and ``<h1>`` count of one HTML document."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML file of the built site, sorted."""
    return sorted(p for p in Path(site_dir).rglob("*.html") if p.is_file())


def sitemap_paths(site_dir: Path) -> list[str]:
    """The pages listed in ``sitemap.xml``, as paths relative to the site root ("", "fr/"...).

    The sitemap holds absolute production URLs; only their path matters to find the page
    in a local copy, whatever host serves it.
    """
    root = ElementTree.parse(Path(site_dir) / "sitemap.xml").getroot()
    paths = []
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        paths.append(urlsplit((loc.text or "").strip()).path.lstrip("/"))
    return paths


def page_url(site_dir: Path, page: Path) -> str:
    """The URL path a page is served at: ``fr/chiffres-cles/index.html`` -> ``/fr/chiffres-cles/``."""
    relative = page.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def resolve_internal(site_dir: Path, base_url: str, url: str) -> tuple[Path | None, str] | None:
    """The file an internal URL points to (None if missing) and its fragment.

    Returns None for URLs that are not internal: with a scheme or a host, or not fetched at
    all (``mailto:``, ``data:``...). Folder URLs give the folder's ``index.html``.
    """
    if url.lower().startswith(_NOT_FETCHED):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    fragment = unquote(parts.fragment)
    if not parts.path:
        target_url = base_url
    else:
        target_url = posixpath.normpath(posixpath.join(posixpath.dirname(base_url), unquote(parts.path)))
        if parts.path.endswith("/") and not target_url.endswith("/"):
            target_url += "/"
    candidate = Path(site_dir) / target_url.lstrip("/")
    if target_url.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return (candidate if candidate.is_file() else None), fragment


def check_internal_links(site_dir: Path) -> list[HtmlProblem]:
    """Every relative or root-absolute ``href``/``src`` must name a built file, and every
    ``#fragment`` an id (or ``<a name>``) of the HTML page it points to."""
    site_dir = Path(site_dir)
    scans: dict[Path, PageScan] = {}

    def scanned(path: Path) -> PageScan:
        if path not in scans:
            scans[path] = scan_html(path.read_text(encoding="utf-8"))
        return scans[path]

    problems = []
    for page in html_pages(site_dir):
        shown = page.relative_to(site_dir).as_posix()
        base_url = page_url(site_dir, page)
        for ref in scanned(page).references:
            resolved = resolve_internal(site_dir, base_url, ref.url)
            if resolved is None:
                continue
            target, fragment = resolved
            if target is None:
                problems.append(HtmlProblem(shown, ref.line, ref.column, f"<{ref.tag} {ref.attribute}=\"{ref.url}\">: no such file in the build"))
            elif fragment and target.suffix == ".html":
                ids = {value for value, _, _ in scanned(target).ids}
                if fragment not in ids:
                    where = target.relative_to(site_dir).as_posix()
                    problems.append(HtmlProblem(shown, ref.line, ref.column, f"<{ref.tag} {ref.attribute}=\"{ref.url}\">: no id \"{fragment}\" in {where}"))
    return problems


def check_page_structure(site_dir: Path) -> list[HtmlProblem]:
    """Each page: no id twice, exactly one ``<h1>``, and a ``lang`` on ``<html>`` that is
    the language of its folder (``fr/...`` is French, ``en/...`` English)."""
    site_dir = Path(site_dir)
    problems = []
    for page in html_pages(site_dir):
        shown = page.relative_to(site_dir).as_posix()
        scan = scan_html(page.read_text(encoding="utf-8"))
        counts = Counter(value for value, _, _ in scan.ids)
        reported = set()
        for value, line, column in scan.ids:
            if counts[value] > 1 and value not in reported:
                reported.add(value)
                problems.append(HtmlProblem(shown, line, column, f"id \"{value}\" is used {counts[value]} times"))
        if scan.h1_count != 1:
            problems.append(HtmlProblem(shown, 1, 1, f"{scan.h1_count} <h1> elements (one expected)"))
        folder = shown.split("/", 1)[0] if "/" in shown else ""
        if not scan.lang:
            problems.append(HtmlProblem(shown, 1, 1, "<html> has no lang"))
        elif folder in LANGUAGES and scan.lang != folder:
            problems.append(HtmlProblem(shown, 1, 1, f"<html lang=\"{scan.lang}\"> in the {folder}/ folder"))
    return problems


def third_party_resources(site_dir: Path) -> list[HtmlProblem]:
    """URLs on another host that pages or stylesheets load by themselves.

    Scripts, stylesheets, fonts, images, icons, frames and preloads in HTML (``src``,
    ``srcset``, ``<link rel=stylesheet|icon|preload|...>``), ``url()`` and ``@import`` in CSS
    files, ``<style>`` elements and ``style`` attributes. Ordinary links (``<a href>``) and
    metadata (canonical, hreflang alternates) are not loaded, so they are not reported.
    """
    site_dir = Path(site_dir)
    problems = []
    for page in html_pages(site_dir):
        shown = page.relative_to(site_dir).as_posix()
        scan = scan_html(page.read_text(encoding="utf-8"))
        for ref in scan.references:
            if ref.loads and _is_remote(ref.url):
                problems.append(HtmlProblem(shown, ref.line, ref.column, f"<{ref.tag} {ref.attribute}=\"{ref.url}\"> loads from another host"))
        for css, line, column in scan.styles:
            problems.extend(_remote_css_urls(css, shown, line, column))
    for sheet in sorted(site_dir.rglob("*.css")):
        problems.extend(_remote_css_urls(sheet.read_text(encoding="utf-8"), sheet.relative_to(site_dir).as_posix(), 1, 1))
    return problems


def _remote_css_urls(css: str, shown: str, line: int, column: int) -> list[HtmlProblem]:
    found = []
    for match in _CSS_URL.finditer(css):
        url = (match.group(2) or match.group(4) or "").strip()
        if _is_remote(url):
            at_line = line + css.count("\n", 0, match.start())
            found.append(HtmlProblem(shown, at_line, column if at_line == line else 1, f"CSS loads {url!r} from another host"))
    return found


def _is_remote(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme.lower() in {"http", "https", "ftp", "ws", "wss"}


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]
