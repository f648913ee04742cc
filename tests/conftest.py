"""Fixtures for the whole suite: the repository root and the shipped site, built once.

``built_site`` is session-scoped: under pytest-xdist each worker builds its own
copy once, in its own temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT
from tests.support.build import build


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
    return REPO_ROOT


@pytest.fixture(scope="session")
def assembly() -> SiteAssembly:
    """The shipped ``content/`` and ``locales/``, loaded and checked as the build loads them, once."""
    return SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)


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
