"""Blocks the site writes into prose pages (``{{ site:key-figures }}``...), kept out of the sanitiser.

Prose goes through an allow-list sanitiser that rightly drops SVG and keeps only a few
attributes; the home page's map and figure cards are the site's own escaped HTML, not the
author's. The marker is replaced by a one-word token before Markdown runs, and the token by
the block once the page's own HTML is sanitised.
"""

from __future__ import annotations

import re
from typing import Callable

_TOKEN = "CIASITEBLOCK{:03d}X"
_TOKEN_RE = re.compile(r"(?:<p>\s*)?CIASITEBLOCK(\d{3})X(?:\s*</p>)?")


class SiteBlocks:
    """The blocks of the pages being built: a token per block, per page."""

    def __init__(self) -> None:
        self._blocks: dict[str, list[str]] = {}

    def reset(self) -> None:
        self._blocks = {}

    def token(self, page_key: str, html: str) -> str:
        """A token for ``html`` on page ``page_key``, to put where the marker was."""
        blocks = self._blocks.setdefault(page_key, [])
        blocks.append(html)
        return _TOKEN.format(len(blocks) - 1)

    def restore(self, page_key: str, html: str) -> str:
        """``html`` with this page's tokens replaced by their blocks (each a block of its own)."""
        blocks = self._blocks.pop(page_key, [])
        if not blocks:
            return html
        return _TOKEN_RE.sub(lambda m: blocks[int(m.group(1))], html)


def with_blocks(
    render: Callable[[str, str], str | None], block: Callable[[str], str | None], tokens: Callable[[str], str]
) -> Callable[[str, str], str | None]:
    """A marker renderer that hands ``site:`` blocks to ``block`` and stands a token in their place."""

    def rendered(kind: str, ident: str) -> str | None:
        if kind == "site":
            html = block(ident)
            if html is not None:
                return tokens(html)
        return render(kind, ident)

    return rendered
