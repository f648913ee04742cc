"""Browser fixtures: the built site over HTTP, and Debian's Chromium through Playwright.

Every test under ``tests/browser/`` is marked ``browser``. Without Chromium (or
the Python ``playwright`` package) the tests are skipped on a developer's
machine and fail in CI, where ``scripts/install-test-deps`` must have put it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.support.browser import find_chromium, launch_chromium
from tests.support.server import site_server_factory

HERE = Path(__file__).parent


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str) -> NoReturn:
    """Fail in CI, where a missing browser is a broken setup; skip elsewhere."""
    if os.environ.get("CI", "").lower() not in {"", "0", "false"}:
        pytest.fail(f"{reason} (CI must run scripts/install-test-deps)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL (``http://127.0.0.1:PORT/``) of the built site, with per-language 404 pages."""
    with site_server_factory(built_site) as url:
        yield url


@pytest.fixture
def serve_site() -> Iterator[Callable[..., str]]:
    """Start more servers in a test: ``serve_site(site_dir, extra_headers={...}) -> base URL``.

    For headers the shared ``site_server`` does not send, such as a strict
    Content-Security-Policy. The servers stop when the test ends.
    """
    with ExitStack() as stack:

        def start(
            site_dir: Path, extra_headers: Mapping[str, str] | None = None
        ) -> str:
            return stack.enter_context(site_server_factory(site_dir, extra_headers))

        yield start


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for the session, driven by Playwright."""
    executable = find_chromium()
    if executable is None:
        _unavailable(
            "Chromium not found at /usr/lib/chromium/chromium or /usr/bin/chromium"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable(
            "the Python package playwright is not installed (pip install -e '.[test]')"
        )
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright, executable)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page in its own context (1280×800, no shared cookies or storage), closed after."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        yield context.new_page()
    finally:
        context.close()
