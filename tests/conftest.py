"""Fixtures for the whole suite: the repository root and the shipped site, built once.

``built_site`` is session-scoped: under pytest-xdist each worker builds its own
copy once, in its own temporary folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_REPO_ROOT = Path(__file__).resolve().parents[1]
# Test modules import shared code as ``tests.support``; pytest puts ``tests/``
# on sys.path but not the repository root, so add it here.
if str(_REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(_REPO_ROOT))

from tests.support.build import build  # after the sys.path line above


def pytest_configure(config: pytest.Config) -> None:
    """Declare the suite's markers even if pyproject.toml's list changes."""
    declared = {line.split(":", 1)[0].strip() for line in config.getini("markers")}
    for name, doc in {
        "browser": "drives the built site in headless Chromium",
        "slow": "builds the whole site",
    }.items():
        if name not in declared:
            config.addinivalue_line("markers", f"{name}: {doc}")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (holds ``mkdocs.yml`` and ``pyproject.toml``)."""
    return _REPO_ROOT


@pytest.fixture(scope="session")
def built_site(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site, built by ``mkdocs build --strict`` once per session (per xdist worker)."""
    site_dir = tmp_path_factory.mktemp("built-site")
    result = build(repo_root, site_dir)
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict of the shipped site failed (exit {result.returncode}):\n"
            f"{result.stderr}{result.stdout}",
            pytrace=False,
        )
    return site_dir
