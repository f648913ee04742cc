"""French typography of finished pages, kept between builds by the digest of the page.

:func:`~campus_ia.formatting.html_typography.french_html` walks every page MkDocs
writes; most pages come out of one build exactly as they came out of the last (one
prose page edited changes one page, not four hundred). Each result is kept in
:data:`TYPOGRAPHY_CACHE_FOLDER` under a BLAKE2 digest of the page as the theme wrote
it, its language and this package's code (any change to the rules gives new names);
a page seen before is read back instead of walked again. The folder holds the last
build's pages and nothing else, is written whole file by whole file, and may be
deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path, PurePosixPath

from ..content.project_files import write_whole
from ..formatting.html_typography import french_html
from .derived_cache import code_digest
from .kept_folder import KeptFolder

log = logging.getLogger("mkdocs.plugins.campus_ia.kept_typography")

TYPOGRAPHY_CACHE_FOLDER = PurePosixPath(".cache/plugin/campus-ia/typography")
"""Under the project's folder: the last build's pages in French typography, by digest."""


class KeptTypography(KeptFolder):
    """``french_html`` of whole pages, read back from the folder when the same page was seen."""

    def __init__(self, folder: Path | None) -> None:
        super().__init__(folder)
        self._key = bytes.fromhex(code_digest())[:32] if self.folder is not None else b""

    def page(self, html: str, lang: str) -> str:
        """``french_html(html, lang)``, read back if an earlier build wrote it."""
        if self.folder is None:
            return french_html(html, lang)
        data = html.encode("utf-8", "surrogatepass")
        name = hashlib.blake2b(data, digest_size=20, key=self._key, person=lang.encode()[:16]).hexdigest()
        self.used.add(name)
        if name in self.held:
            try:
                return (self.folder / name).read_bytes().decode("utf-8", "surrogatepass")
            except (OSError, UnicodeDecodeError):
                pass  # removed or damaged since: walked again
        result = french_html(html, lang)
        try:
            write_whole(self.folder / name, result.encode("utf-8", "surrogatepass"))
            self.held.add(name)
        except OSError as exc:
            log.debug("Cannot keep a page in %s: %s", self.folder, exc)
        return result
