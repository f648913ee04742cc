"""``campus-ia i18n status`` and ``campus-ia i18n mark-current``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..content import ContentError
from ..content.validation import load_content
from ..pages.structure import SiteStructure
from . import mark_current, page_pairs


def _structure(root: Path) -> SiteStructure | None:
    try:
        content = load_content(root / "content", display_root=root)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return None
    return SiteStructure(content.site)


def status_command(root: Path, *, strict: bool = False) -> int:
    """Print every prose page pair with its state; with ``strict``, exit 1 if one is stale."""
    structure = _structure(root)
    if structure is None:
        return 1
    pairs = page_pairs(structure, root / "docs")
    for pair in pairs:
        print(pair.describe())
    stale = [pair for pair in pairs if pair.state == "stale"]
    if stale:
        print(f"{len(stale)} stale translation(s): update each, then run "
              "'campus-ia i18n mark-current docs/<lang>/<page>.md'.", file=sys.stderr)
    return 1 if stale and strict else 0


def mark_current_command(root: Path, pages: list[Path]) -> int:
    """Record, in each translated page, the hash of its source page as it is now."""
    structure = _structure(root)
    if structure is None:
        return 1
    if not pages:
        print("name the translated page(s), e.g. campus-ia i18n mark-current docs/en/about.md", file=sys.stderr)
        return 1
    docs = (root / "docs").resolve()
    by_src = {p.src_uri: p for p in structure.pages if not p.generated}
    status = 0
    for given in pages:
        path = given if given.is_absolute() else (Path.cwd() / given)
        try:
            rel = path.resolve().relative_to(docs).as_posix()
        except ValueError:
            print(f"{given}: not a page in docs/", file=sys.stderr)
            status = 1
            continue
        page = by_src.get(rel)
        if page is None:
            print(f"{given}: not a prose page listed in content/site.yml", file=sys.stderr)
            status = 1
            continue
        paths = {p.lang: p.src_uri for p in structure.translations(page)}
        source = next(src for lang, src in paths.items() if src != rel)
        digest = mark_current(docs, rel, source)
        print(f"docs/{rel}: marked as translated from the current docs/{source} ({digest[:19]}…)")
    return status
