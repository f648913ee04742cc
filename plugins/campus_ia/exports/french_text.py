"""French typography for the French text of the JSON downloads.

The JSON files hold both languages side by side (``{"fr": ..., "en": ...}``);
every string under a ``"fr"`` key is French text a reader sees, and gets the same
rule set as the French pages. Codes, numbers, dates and URLs sit under other keys
and are never touched.
"""

from __future__ import annotations

from typing import Any

from ..formatting.typography import french_typography


def french_strings(document: Any) -> Any:
    """A copy of ``document`` with French typography on every string under a ``"fr"`` key."""
    if isinstance(document, dict):
        return {
            key: french_typography(value) if key == "fr" and isinstance(value, str) else french_strings(value)
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [french_strings(item) for item in document]
    return document


_MACHINE_KEYS = frozenset({"url", "sameAs", "contentUrl", "encodingFormat", "inLanguage", "license", "eventStatus"})


def french_values(graph: Any) -> Any:
    """A copy of a French JSON-LD ``graph`` with French typography on its text values.

    Keywords (``@id``, ``@type``...), addresses and codes are left as they are.
    """
    if isinstance(graph, dict):
        return {
            key: value if key.startswith("@") or key in _MACHINE_KEYS else french_values(value)
            for key, value in graph.items()
        }
    if isinstance(graph, list):
        return [french_values(item) for item in graph]
    if isinstance(graph, str):
        return french_typography(graph)
    return graph
