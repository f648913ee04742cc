"""Generated pages' HTML blocks kept out of the Markdown converter, and put back after.

A generated page is Markdown headings (for the table of contents) around large blocks
of HTML that our templates have already escaped and laid out. Python-Markdown would
tokenize every tag of those blocks only to write them back unchanged; on the facts
sheet that is nine tenths of the page's conversion time. :func:`stash_html_blocks`
swaps each self-contained block for a one-word paragraph, and :func:`restore_html_blocks`
swaps it back in the converted HTML. A block is taken only when Markdown would pass it
through as it is: it stands between blank lines, starts with a block-level element and
ends by closing it, opens and closes that element as often, and asks for no Markdown
inside (``markdown="1"``). Anything else is left to Markdown.
"""

from __future__ import annotations

import re

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure",
    "footer", "header", "hr", "nav", "ol", "p", "section", "table", "ul",
})
_OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_TOKEN = "CIARAWBLOCK{:05d}X"
_TOKEN_RE = re.compile(r"(?:<p>)?(CIARAWBLOCK(\d{5})X)(?:</p>)?")


def stash_html_blocks(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each self-contained HTML block replaced by a token, and the blocks."""
    if "CIARAWBLOCK" in markdown:
        return markdown, []  # never mistake a page's own text for a token
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for index, part in enumerate(parts):
        if _self_contained(part):
            parts[index] = _TOKEN.format(len(blocks))
            blocks.append(part)
    return "\n\n".join(parts), blocks


def restore_html_blocks(html: str, blocks: list[str]) -> str:
    """The converted page with every token replaced by its block."""
    if not blocks:
        return html
    # Markdown writes a raw block followed by a blank line, where a paragraph has none.
    restored = _TOKEN_RE.sub(lambda m: blocks[int(m.group(2))] + ("\n" if m.group(1) != m.group(0) else ""), html)
    return restored.rstrip("\n") if restored.endswith("\n") and not html.endswith("\n") else restored


def _self_contained(part: str) -> bool:
    match = _OPENING.match(part)
    if match is None or match.group(1) not in _BLOCK_TAGS:
        return False
    tag = match.group(1)
    if not part.endswith(f"</{tag}>") or "markdown=" in part:
        return False
    opened = len(re.findall(rf"<{tag}[\s>]", part))
    return opened == part.count(f"</{tag}>")
