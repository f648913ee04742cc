"""Fixtures for the download tests: the shipped site's downloads, facts.json parsed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from campus_ia.exports import build_downloads
from campus_ia.site.assembly import SiteAssembly


@pytest.fixture(scope="session")
def downloads(assembly: SiteAssembly) -> dict[str, bytes]:
    """Every download of the shipped site, built once."""
    return build_downloads(assembly.content, assembly.languages)


@pytest.fixture(scope="session")
def facts(downloads: dict[str, bytes]) -> dict[str, Any]:
    """``data/facts.json``, parsed."""
    return json.loads(downloads["data/facts.json"].decode("utf-8"))
