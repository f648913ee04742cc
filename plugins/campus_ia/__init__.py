"""Campus IA public-information site: content model, validation, formatting and generators.

The core modules (``content``, ``formatting``, ``capacity``, ``pages``, ``exports``)
never import MkDocs; only ``campus_ia.mkdocs_plugin`` does.
"""

from __future__ import annotations

__version__ = "0.1.0"
LANGUAGES: tuple[str, ...] = ("fr", "en")
"""The site's languages, in the order pages and downloads list them: the one definition."""
