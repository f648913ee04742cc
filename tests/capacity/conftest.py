"""Fixtures of the capacity tests: a content copy a test may edit, the page rendered from any
content in either language (as Markdown and as HTML), and a Chromium of their own.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import sync_playwright

from campus_ia.content import Content
from campus_ia.site.assembly import SiteAssembly, load_site_content
from tests.support import REPO_ROOT
from tests.support.browser import find_chromium, launch_chromium
from tests.support.site_markdown import markdown_to_html

CONTENT_DIR = REPO_ROOT / "content"
T = TypeVar("T")


@pytest.fixture(scope="session")
def shipped_content(assembly: SiteAssembly) -> Content:
    """The real ``content/``, loaded once (the suite's one assembly holds it)."""
    return assembly.content


@pytest.fixture
def edited_content(tmp_path: Path) -> Callable[..., Content]:
    """``edit(("capacity.yml", old, new), ...)`` loads a copy of ``content/`` with text replaced.

    Loaded as the site loads it, with the capacity model's rules joined to the validation.
    """

    def edit(*changes: tuple[str, str, str]) -> Content:
        target = tmp_path / "content"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(CONTENT_DIR, target)
        for file_name, old, new in changes:
            path = target / file_name
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{old!r} must occur once in {file_name}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        return load_site_content(target, display_root=tmp_path)

    return edit


@pytest.fixture
def render_capacity(assembly: SiteAssembly) -> Callable[[Content, str], str]:
    """``render(content, lang)``: the capacity page's Markdown body, as the build renders it."""

    def render(content: Content, lang: str) -> str:
        site = dataclasses.replace(assembly, content=content)  # the shipped catalogs, this content
        return site.page_body(site.structure.get("capacity", lang))

    return render


@pytest.fixture
def capacity_html(render_capacity: Callable[[Content, str], str]) -> Callable[[Content, str], str]:
    """``html(content, lang)``: the page body through Python-Markdown with mkdocs.yml's extensions."""

    def html(content: Content, lang: str) -> str:
        return markdown_to_html(render_capacity(content, lang))

    return html


class BrowserThread:
    """Chromium driven from a thread of its own.

    Playwright's sync API allows one instance per thread, and ``tests/browser`` keeps one
    open in the main thread for the whole session; under pytest-xdist both kinds of test
    can share a worker. Everything that touches the browser runs through :meth:`run`.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="capacity-chromium")
        self._playwright: Any = None
        self._browser: Any = None

    def start(self, executable: Path) -> None:
        def launch() -> None:
            self._playwright = sync_playwright().start()
            self._browser = launch_chromium(self._playwright, executable)

        self._executor.submit(launch).result()

    def run(self, action: Callable[[Any], T]) -> T:
        """``action(browser)`` in the browser's thread; its result, or its exception, comes back."""
        return self._executor.submit(action, self._browser).result()

    def close(self) -> None:
        def stop() -> None:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()

        self._executor.submit(stop).result()
        self._executor.shutdown()


@pytest.fixture(scope="session")
def browser_thread() -> Iterator[BrowserThread]:
    """Debian's Chromium for the capacity tests (skipped where it is missing or cannot start)."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("no chromium executable")
    thread = BrowserThread()
    try:
        thread.start(executable)
    except Exception as exc:  # a sandbox without a usable browser is not a page bug
        thread.close()
        pytest.skip(f"chromium does not start: {exc}")
    yield thread
    thread.close()
