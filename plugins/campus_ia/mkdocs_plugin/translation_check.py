"""The build's side of translation freshness: name stale pages, or stop, and add their notice."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError

from ..pages.structure import SiteStructure
from ..translations import PagePair, page_pairs, stale_pairs
from ..translations.notice import with_notice

# Not under the 'mkdocs' logger on purpose: `mkdocs build --strict` must not fail on a stale
# translation unless the project asks for it (stale_translations: fail, or the environment).
log = logging.getLogger("campus_ia.translations")
ENVIRONMENT = "CAMPUS_IA_STALE_TRANSLATIONS"


class StaleTranslations:
    """Stale page pairs of the current build, by the translated page's docs path."""

    def __init__(self) -> None:
        self.by_translation: dict[str, PagePair] = {}

    def check(self, structure: SiteStructure, docs_dir: Path, docs_shown: str, mode: str) -> None:
        """Find stale translations; warn about each, or stop the build in ``fail`` mode."""
        stale = stale_pairs(page_pairs(structure, docs_dir))
        self.by_translation = {pair.translation: pair for pair in stale}
        if not stale:
            return
        lines = [pair.describe(docs_shown) for pair in stale]
        hint = ("update the translation, then run 'campus-ia i18n mark-current "
                f"{docs_shown}/<page>.md' (see 'campus-ia i18n status')")
        if os.environ.get(ENVIRONMENT, mode) == "fail":
            raise PluginError("\n".join(["Stale translations:", *(f"  {line}" for line in lines), f"  ({hint})"]))
        for line in lines:
            log.warning("%s; %s", line, hint)

    def notice(self, src_uri: str, markdown: str, gettext: Callable[[str], str]) -> str:
        """The page's Markdown, with the out-of-date notice when it is a stale translation."""
        pair = self.by_translation.get(src_uri)
        if pair is None:
            return markdown
        return with_notice(markdown, pair, gettext, pair.source.split("/", 1)[0])
