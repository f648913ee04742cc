"""Make ``campus_ia`` importable from the source tree when the package is not installed.

Also the fixtures of the capacity tests: a content copy a test may edit, the page rendered
from any content in either language (as Markdown and as HTML), and a Chromium of their own.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

if importlib.util.find_spec("campus_ia") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "content"
LOCALES_DIR = REPO_ROOT / "locales"
T = TypeVar("T")
MARKDOWN_EXTENSIONS = ["attr_list", "admonition", "md_in_html", "toc", "tables"]
"""The Markdown extensions of mkdocs.yml that generated pages rely on."""


class CapacityCatalogs:
    """A gettext double: the capacity domain's real catalogs, the msgid for anything else.

    Used only when ``Catalogs.load`` refuses the locales because another domain is being
    edited; ``looked_up_elsewhere`` records what the capacity catalogs did not know.
    """

    def __init__(self, locales_dir: Path) -> None:
        from babel.messages.pofile import read_po

        self.messages: dict[str, dict[str, str]] = {}
        for lang in ("fr", "en"):
            with (locales_dir / lang / "LC_MESSAGES" / "capacity.po").open("rb") as handle:
                catalog = read_po(handle)
            self.messages[lang] = {m.id: m.string or m.id for m in catalog if m.id and isinstance(m.id, str)}
        self.looked_up_elsewhere: set[str] = set()

    def gettext(self, lang: str, message: str) -> str:
        if message in self.messages[lang]:
            return self.messages[lang][message]
        self.looked_up_elsewhere.add(message)
        return message

    def ngettext(self, lang: str, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural


def load_catalogs() -> object:
    """The real catalogs, or the capacity-only double while another domain is incomplete."""
    from campus_ia.i18n import CatalogError, Catalogs

    try:
        return Catalogs.load(LOCALES_DIR)
    except CatalogError as exc:
        if any("capacity" in problem for problem in exc.problems):
            raise
        return CapacityCatalogs(LOCALES_DIR)


@pytest.fixture(scope="session")
def shipped_content() -> object:
    """The real ``content/``, loaded once."""
    from campus_ia.content import load_content

    return load_content(CONTENT_DIR, display_root=REPO_ROOT)


@pytest.fixture
def edited_content(tmp_path: Path) -> Callable[..., object]:
    """``edit(("capacity.yml", old, new), ...)`` loads a copy of ``content/`` with text replaced.

    Loaded as the site loads it, with the capacity model's rules joined to the validation.
    """
    from campus_ia.site.assembly import load_site_content

    def edit(*changes: tuple[str, str, str]) -> object:
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


@pytest.fixture(scope="session")
def catalogs() -> object:
    """The interface strings (real, or the capacity-only double; see ``load_catalogs``)."""
    return load_catalogs()


@pytest.fixture
def render_capacity(catalogs: object) -> Callable[[object, str], str]:
    """``render(content, lang)``: the capacity page's Markdown body, as the build renders it."""
    from campus_ia.formatting import Formatter
    from campus_ia.site.assembly import SiteAssembly

    def render(content: object, lang: str) -> str:
        formatters = {code: Formatter(code) for code in ("fr", "en")}
        assembly = SiteAssembly(content, catalogs, REPO_ROOT, formatters)  # type: ignore[arg-type]
        return assembly.page_body(assembly.structure.get("capacity", lang))

    return render


@pytest.fixture
def capacity_html(render_capacity: Callable[[object, str], str]) -> Callable[[object, str], str]:
    """``html(content, lang)``: the page body through Python-Markdown with the site's extensions."""
    import markdown

    def html(content: object, lang: str) -> str:
        return markdown.markdown(render_capacity(content, lang), extensions=MARKDOWN_EXTENSIONS)

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
            from playwright.sync_api import sync_playwright

            from tests.support.browser import launch_chromium

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
    pytest.importorskip("playwright.sync_api")
    from tests.support.browser import find_chromium

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
