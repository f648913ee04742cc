"""Look for active content in a built site with lxml, as a browser would find it."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
"""Script types a browser never runs (``__config``, JSON-LD)."""

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")
EMBEDS = ("iframe", "frame", "object", "embed")
_DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.IGNORECASE)


def active_content(site_dir: Path) -> list[str]:
    """Every inline script, event handler, embed and ``javascript:`` address in the site's pages."""
    found: list[str] = []
    for path in sorted(site_dir.rglob("*.html")):
        where = path.relative_to(site_dir).as_posix()
        tree = lxml_html.parse(str(path))
        for script in tree.iter("script"):
            if script.get("src") is None and (script.get("type") or "").strip().lower() not in DATA_SCRIPT_TYPES:
                found.append(f"{where}:{script.sourceline}: inline <script>{(script.text or '')[:60]}")
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue  # comments and processing instructions
            if element.tag in EMBEDS:
                found.append(f"{where}:{element.sourceline}: <{element.tag}>")
            for name, value in element.attrib.items():
                if name.lower().startswith("on"):
                    found.append(f"{where}:{element.sourceline}: {name}= on <{element.tag}>")
                elif name in URL_ATTRIBUTES and _DANGEROUS_URL.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                    found.append(f"{where}:{element.sourceline}: {name}={value!r} on <{element.tag}>")
    return found


def page_text(site_dir: Path, page: str) -> str:
    """The text a reader sees on ``page`` (markup removed, entities decoded), title included."""
    tree = lxml_html.parse(str(site_dir / page))
    return tree.getroot().text_content()
