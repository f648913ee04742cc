"""Pages paired across languages by id, with localised addresses.

``content/site.yml`` lists the pages; a generated page exists in both languages by
construction, a prose page must exist as ``docs/<lang>/<slug>.md`` in each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import LANGUAGES
from ..content.model import SiteFile
from ..content.project_files import links_leaving

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@dataclass(frozen=True)
class SitePage:
    """One page in one language."""

    id: str
    lang: str
    slug: str
    title: str
    generated: bool
    order: int
    section: str | None = None
    """The id of the navigation section the page is grouped under, if any."""

    @property
    def src_uri(self) -> str:
        """Path under ``docs/`` (real for prose pages, virtual for generated ones)."""
        return f"{self.lang}/{self.slug or 'index'}.md"

    @property
    def url(self) -> str:
        """Site-relative address, directory style: ``fr/partenaires/``."""
        return f"{self.lang}/{self.slug}/" if self.slug else f"{self.lang}/"


class SiteStructure:
    """Every page in every language, looked up by (id, lang) or by source path."""

    def __init__(self, site: SiteFile) -> None:
        self.site = site
        self.pages: list[SitePage] = [
            SitePage(entry.id, lang, entry.slug[lang], entry.title[lang], entry.generated, order, entry.section)
            for order, entry in enumerate(site.pages)
            for lang in LANGUAGES
        ]
        self._by_key = {(p.id, p.lang): p for p in self.pages}
        self.section_titles: dict[tuple[str, str], str] = {
            (section.id, lang): section.title[lang] for section in site.sections for lang in LANGUAGES
        }
        self._by_src = {p.src_uri: p for p in self.pages}

    def get(self, page_id: str, lang: str) -> SitePage:
        return self._by_key[(page_id, lang)]

    def by_src(self, src_uri: str) -> SitePage | None:
        return self._by_src.get(src_uri)

    def in_language(self, lang: str) -> list[SitePage]:
        return [p for p in self.pages if p.lang == lang]

    def translations(self, page: SitePage) -> list[SitePage]:
        """The page in every language, the page itself included, in LANGUAGES order."""
        return [self._by_key[(page.id, lang)] for lang in LANGUAGES]

    def description(self, page: SitePage) -> str:
        """The page's own description (``content/site.yml`` ``pages``), else the site's."""
        entry = self.site.pages[page.order]
        return (entry.description or self.site.description)[page.lang]

    def generated(self) -> Iterator[SitePage]:
        return (p for p in self.pages if p.generated)

    def urls(self) -> dict[tuple[str, str], str]:
        return {(p.id, p.lang): p.url for p in self.pages}

    def check_prose(self, docs_dir: Path, docs_shown: str = "docs", root: Path | None = None) -> list[str]:
        """Problems with the Markdown pages: a missing translation, a page no one listed, a link out.

        Any file or folder in ``docs_dir`` that is a link leading out of ``root`` (the
        project folder) is refused: MkDocs would publish it, and search would index it.
        """
        root = root or docs_dir.parent
        leaving = list(links_leaving(docs_dir, root, docs_shown))
        problems: list[str] = [str(p) for p in leaving]
        refused = {p.file for p in leaving}
        for page in self.pages:
            if page.generated:
                continue
            path = docs_dir / page.src_uri
            if f"{docs_shown}/{page.src_uri}" in refused:
                continue
            if path.exists():
                # MkDocs would stop on such a file with a bare UnicodeDecodeError traceback.
                problems.extend(_not_utf8(path, f"{docs_shown}/{page.src_uri}"))
            else:
                others = [p for p in self.translations(page) if p.lang != page.lang and (docs_dir / p.src_uri).exists()]
                has = f"; it exists in {', '.join(f'{docs_shown}/{p.src_uri}' for p in others)}" if others else ""
                problems.append(
                    f"{docs_shown}/{page.src_uri}: missing — the page '{page.id}' needs a "
                    f"{LANGUAGE_NAMES[page.lang]} version{has}"
                )
        listed = {p.src_uri for p in self.pages if not p.generated}
        for path in sorted(docs_dir.rglob("*.md")):
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in listed and f"{docs_shown}/{rel}" not in refused:
                problems.append(
                    f"{docs_shown}/{rel}: this page is not listed in content/site.yml "
                    "(add it under 'pages' with its id, its slug and title in both languages — 'fr:' and 'en:' — "
                    "and 'generated: false')"
                )
        return problems


def _not_utf8(path: Path, shown: str) -> list[str]:
    """``docs/en/about.md:3:7: the file is not UTF-8 text ...``, or nothing if it is UTF-8."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return [f"{shown}:{line}:{column}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                "save it as UTF-8 in your editor"]
    return []
