"""Fixtures for the French-quality tests: the shipped content, loaded by the project's loader."""

from __future__ import annotations

import pytest

from campus_ia.content import Content, load_content
from campus_ia.formatting.units import UNITS
from tests.support import REPO_ROOT


@pytest.fixture(scope="session")
def shipped_content() -> Content:
    """``content/`` as the build reads it."""
    return load_content(REPO_ROOT / "content", display_root=REPO_ROOT)


@pytest.fixture(scope="session")
def quantity_units(shipped_content: Content) -> list[str]:
    """How the content's units are written after a number (symbols, and %)."""
    symbols = {UNITS[f.unit].symbol for f in shipped_content.figures.values() if f.unit in UNITS}
    return sorted(symbols | {"%"})
