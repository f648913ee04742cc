"""The notice a stale translated page shows its readers, in the page's own language."""

from __future__ import annotations

import posixpath
from typing import Callable

from ..i18n import N_
from .freshness import PagePair

NOTICE_TITLE = N_("This translation may be out of date")
NOTICE_TEXT = N_("The original page has changed since this page was translated.")
NOTICE_LINK = N_("Read the up-to-date original page")


def with_notice(markdown: str, pair: PagePair, gettext: Callable[[str], str], source_lang: str) -> str:
    """``markdown`` with a warning admonition after its first heading, linking to the source page."""
    link = posixpath.relpath(pair.source, posixpath.dirname(pair.translation))
    notice = (
        f'!!! warning "{gettext(NOTICE_TITLE)}"\n\n'
        f"    {gettext(NOTICE_TEXT)} [{gettext(NOTICE_LINK)}]({link}){{ hreflang={source_lang} }}\n"
    )
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", notice, *lines[index + 1:]])
    return notice + "\n" + markdown
