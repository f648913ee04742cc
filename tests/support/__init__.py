"""Code shared by the test suite: building the site, serving it, driving Chromium, axe.

Import it as ``tests.support``; the root ``tests/conftest.py`` puts the
repository root on ``sys.path`` so that works from any test module.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The repository root (the folder holding ``mkdocs.yml`` and ``pyproject.toml``)."""
