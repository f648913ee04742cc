"""Interface strings in gettext catalogs (``locales/<lang>/LC_MESSAGES/<domain>.po``)."""

from __future__ import annotations

from .catalogs import Catalogs, CatalogError, DOMAINS

__all__ = ["CatalogError", "Catalogs", "DOMAINS"]


def N_(message: str) -> str:
    """Mark a string for extraction where it is translated later (tables of labels)."""
    return message
