"""The built site works in Chromium under the strict Content-Security-Policy it is deployed with.

Every page is loaded with the policy of ``campus_ia.site.csp`` (the one
``deploy/nginx/campus-ia.conf`` sends); any ``securitypolicyviolation`` event or
console error fails the test. Then the interactive parts are used under the same
policy: the language switch, the palette toggle (whose choice must survive a
reload: the moved ``material-scope.js`` and our ``palette.js`` at work) and
search (a worker, the index request, the results).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from campus_ia.site.csp import CONTENT_SECURITY_POLICY
from campus_ia.site.embed_pages import EMBED_PAGE

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""


@pytest.fixture
def csp_site(built_site: Path, serve_site: Callable[..., str]) -> str:
    """Base URL of the built site, every answer carrying the production policy."""
    return serve_site(built_site, extra_headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


@pytest.fixture
def csp_page(page: Any) -> tuple[Any, list[str]]:
    """A page that records policy violations (event and console) and script errors."""
    problems: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return page, problems


def _pages(site_dir: Path) -> list[str]:
    paths = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


def test_every_page_loads_without_violations(built_site: Path, csp_site: str, csp_page: tuple[Any, list[str]]) -> None:
    page, problems = csp_page
    pages = _pages(built_site)
    assert len(pages) > 20
    for path in pages:
        page.goto(csp_site + path, wait_until="load")
        page.wait_for_function("document.readyState === 'complete'")
        violations = page.evaluate("window.__cspViolations")
        problems.extend(f"/{path}: {v}" for v in violations)
        if EMBED_PAGE.match(path):  # a chart for other sites' frames: no theme, no script at all
            assert page.evaluate("document.scripts.length") == 0, path
            continue
        # Material's bundle ran: it replaced the header title and enabled its components.
        assert page.evaluate("typeof window.__md_get === 'function' && typeof window.__md_scope === 'object'"), path
    assert problems == []


def test_language_switch_works_under_the_policy(csp_site: str, csp_page: tuple[Any, list[str]]) -> None:
    page, problems = csp_page
    page.goto(csp_site + "fr/partenaires/")
    page.click('nav.cia-lang a[hreflang="en"]')
    page.wait_for_url(csp_site + "en/partners/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("window.__cspViolations") == [] and problems == []


def test_palette_toggle_works_and_persists_under_the_policy(csp_site: str, csp_page: tuple[Any, list[str]]) -> None:
    page, problems = csp_page
    page.emulate_media(color_scheme="light")
    page.goto(csp_site + "en/timeline/")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator('.cia-palette label:visible').first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # palette.js restores the stored choice before the first paint of the next page.
    page.goto(csp_site + "en/partners/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    # From the keyboard: Enter on the switch's radio button moves to the next scheme.
    page.locator(".cia-palette input:checked").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.locator(".cia-palette label:visible").count() == 1
    assert page.evaluate("window.__cspViolations") == [] and problems == []


def test_search_works_under_the_policy(csp_site: str, csp_page: tuple[Any, list[str]]) -> None:
    page, problems = csp_page
    page.goto(csp_site + "en/")
    search = page.locator("input.md-search__input")
    search.click()  # opens search; on-demand.js then lets the index request go
    search.press_sequentially("Mistral")  # real keys: Material reads the query on keyup, not on fill()
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() >= 1
    assert page.evaluate("window.__cspViolations") == [] and problems == []
