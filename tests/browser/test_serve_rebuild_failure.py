"""``mkdocs serve`` in a browser: a broken content file shows the build's errors in the open
pages, in each page's language, and the pages come back by themselves once it is fixed.

The preview runs on a copy of the project; the pages are those of the home page in each
language (from ``content/site.yml``), the expected texts come from the project's catalogs.
Waits are bounded: each step polls the page until the text is there or the time is up.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from campus_ia.content import load_content
from campus_ia.formatting import Formatter
from campus_ia.i18n import Catalogs
from campus_ia.site import SiteStructure
from campus_ia.site.rebuild_failure_page import LEAD, TITLE
from tests.support.build import copy_project
from tests.support.serve import serving

START_SECONDS = 120
REBUILD_MS = 60_000
BROKEN = "\n: [this line is not YAML\n"


@pytest.fixture
def preview(tmp_path: Path) -> Any:
    """(project folder, base URL) of ``mkdocs serve`` on a copy of the project; stopped after the test."""
    project = copy_project(tmp_path / "project")
    with serving(project, tmp_path / "serve.log", start_seconds=START_SECONDS) as preview:
        yield project, preview.url


def test_a_failed_rebuild_shows_in_the_page_and_the_page_recovers(preview: Any, browser: Any) -> None:
    from playwright.sync_api import expect

    project, base = preview
    structure = SiteStructure(load_content(project / "content").site)
    catalogs = Catalogs.load(project / "locales")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        pages: dict[str, tuple[Any, str]] = {}
        for lang in ("fr", "en"):
            page = context.new_page()
            page.goto(base + structure.get("home", lang).url)
            pages[lang] = (page, page.locator("h1").first.inner_text())

        broken = project / "content" / "quotes.yml"
        original = broken.read_text(encoding="utf-8")
        broken.write_text(original + BROKEN, encoding="utf-8")
        for lang, (page, _) in pages.items():
            typography = Formatter(lang).typography
            expect(page.locator("h1")).to_have_text(typography(catalogs.gettext(lang, TITLE)), timeout=REBUILD_MS)
            assert page.evaluate("document.documentElement.lang") == lang
            assert typography(catalogs.gettext(lang, LEAD)) in page.locator("main").inner_text()
            problems = page.locator(".cia-rebuild-failure__problem")
            expect(problems.first).to_contain_text("content/quotes.yml:")
            # The stylesheet is a file of the preview, not inline: it applies under a strict policy too.
            assert page.evaluate("getComputedStyle(document.querySelector('pre')).whiteSpace") == "pre-wrap"

        broken.write_text(original, encoding="utf-8")
        for page, heading in pages.values():
            expect(page.locator("h1").first).to_have_text(heading, timeout=REBUILD_MS)
            assert page.locator(".cia-rebuild-failure").count() == 0
    finally:
        context.close()
