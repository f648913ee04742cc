"""Split one search index into one per language, each with its own stemmer.

Material's search plugin writes ``search/search_index.json`` for the whole site; a
reader of the French site must only find French pages, stemmed as French.
"""

from __future__ import annotations

import json
from pathlib import Path

from .structure import LANGUAGES


def split_search_index(site_dir: Path, languages_config: dict[str, dict]) -> dict[str, int]:
    """Write ``<lang>/search/search_index.json`` and remove the combined index.

    ``languages_config`` gives each language's ``lang``/``separator``/``pipeline``
    (Material's per-language defaults). Returns the number of entries per language.
    """
    combined_path = site_dir / "search" / "search_index.json"
    if not combined_path.exists():
        return {}
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for lang in LANGUAGES:
        prefix = f"{lang}/"
        docs = [
            {**doc, "location": doc["location"][len(prefix):]}
            for doc in combined["docs"]
            if doc["location"].startswith(prefix)
        ]
        config = {**combined["config"], **languages_config.get(lang, {})}
        target = site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[lang] = len(docs)
    combined_path.unlink()
    try:
        combined_path.parent.rmdir()
    except OSError:
        pass
    return counts
