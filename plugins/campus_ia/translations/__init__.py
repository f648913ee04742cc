"""Prose translations kept in step: which page was translated from which version of its counterpart."""

from __future__ import annotations

from pathlib import Path

from ..pages.structure import SiteStructure
from .freshness import PagePair, body_hash, mark_current, pair_state, recorded_hash, stale_pairs

__all__ = ["PagePair", "body_hash", "mark_current", "page_pairs", "recorded_hash", "stale_pairs"]


def page_pairs(structure: SiteStructure, docs_dir: Path) -> list[PagePair]:
    """Every prose page pair listed in ``content/site.yml``, with its translation state, in site order."""
    pairs: list[PagePair] = []
    seen: set[str] = set()
    for page in structure.pages:
        if page.generated or page.id in seen:
            continue
        seen.add(page.id)
        paths = {p.lang: p.src_uri for p in structure.translations(page)}
        pairs.append(pair_state(docs_dir, page.id, paths))
    return pairs
