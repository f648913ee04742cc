"""Split one search index into one per language, each with its own stemmer and separator.

Material's search plugin writes ``search/search_index.json`` for the whole site; a
reader of the French site must only find French pages, stemmed as French. Each
language's page loads its own index (``<lang>/search/search_index.json``, from the
``base`` of the page's configuration), and Material's search worker builds its
tokenizer from that index's ``config``: the separator set here is the one used,
both for the pages' text and for what the reader types.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..formatting.html_typography import french_html
from ..pages.structure import LANGUAGES

FRENCH_SEPARATOR = r"[\s\-'’]+"
"""Material's default (white space and hyphens) plus both apostrophes.

French elides articles and pronouns (l', d', qu', jusqu', lorsqu'...): split at the
apostrophe, "d’électricité" is found by "électricité". English keeps Material's
default, where "don't" stays one word.
"""

LANGUAGE_SEARCH: dict[str, dict] = {"fr": {"separator": FRENCH_SEPARATOR}}
"""What each language's index changes in Material's per-language search settings."""


def split_search_index(site_dir: Path, languages_config: dict[str, dict]) -> dict[str, int]:
    """Write ``<lang>/search/search_index.json`` and remove the combined index.

    ``languages_config`` gives each language's ``lang``/``separator``/``pipeline``
    (Material's per-language defaults), to which :data:`LANGUAGE_SEARCH` is applied.
    French titles and texts get French typography, as the pages do, since search
    results show them. Returns the number of entries per language.
    """
    combined_path = site_dir / "search" / "search_index.json"
    if not combined_path.exists():
        return {}
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for lang in LANGUAGES:
        prefix = f"{lang}/"
        docs = [
            _localised({**doc, "location": doc["location"][len(prefix):]}, lang)
            for doc in combined["docs"]
            if doc["location"].startswith(prefix)
        ]
        config = {**combined["config"], **languages_config.get(lang, {}), **LANGUAGE_SEARCH.get(lang, {})}
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


def _localised(doc: dict, lang: str) -> dict:
    if lang != "fr":
        return doc
    # Titles and texts are HTML fragments (Material keeps inline markup and code).
    return {**doc, **{key: french_html(doc[key], lang) for key in ("title", "text") if isinstance(doc.get(key), str)}}
