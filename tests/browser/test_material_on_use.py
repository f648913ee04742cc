"""Material's bundle starts on the reader's first use of the page (material-on-use.js).

A page that is only read never runs it; the first pointer, touch, key, scroll or focus does, and
then Material works as always: a key that started it is handed over ("/" opens search), a link
reached with the keyboard keeps its focus ring, and nothing in the header moves when it starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from campus_ia.site.assembly import SiteAssembly

BUNDLE = "/assets/javascripts/bundle."
HEADER_ITEMS = ".md-header__inner > *, .md-header__button, .md-search, .cia-lang__link"


@pytest.fixture(params=[("home", "fr"), ("facts", "en")], ids=["fr-home", "en-facts"])
def path(request: pytest.FixtureRequest, assembly: SiteAssembly) -> str:
    """A page of the built site, its address from content/site.yml."""
    page_id, lang = request.param
    return assembly.structure.get(page_id, lang).url


@pytest.fixture(params=[(390, 844), (1366, 768)], ids=["phone", "desktop"])
def context(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context
    finally:
        context.close()


def _open(context: Any, url: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, requested


def _started(page: Any) -> bool:
    return page.evaluate("document.documentElement.classList.contains('js')")


def _header_boxes(page: Any) -> list[tuple[float, float, float, float]]:
    return page.evaluate(
        """sel => [...document.querySelectorAll(sel)].map(el => {
             const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })""",
        HEADER_ITEMS,
    )


def test_a_page_only_read_never_runs_the_bundle_and_nothing_moves_when_it_starts(
        context: Any, site_server: str, path: str) -> None:
    page, requested = _open(context, site_server + path)
    page.wait_for_timeout(300)
    assert not [u for u in requested if BUNDLE in u], "the bundle loaded before any use"
    assert not _started(page)
    before = _header_boxes(page)
    search = page.locator(".md-header__button[for='__search']") if page.viewport_size["width"] < 960 \
        else page.locator(".md-search__input")
    assert search.is_visible(), "search is hidden until the bundle starts"

    page.mouse.move(200, 400)
    page.wait_for_function("document.documentElement.classList.contains('js')")
    assert [u for u in requested if BUNDLE in u]
    page.wait_for_timeout(200)
    assert _header_boxes(page) == before, "the header moved when Material's bundle started"


def test_the_key_that_starts_it_is_handed_to_material(browser: Any, site_server: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page, _ = _open(context, site_server + path)
        assert not _started(page)
        page.keyboard.press("/")  # Material's shortcut: open search
        page.wait_for_function("document.documentElement.classList.contains('js')")
        page.wait_for_function("document.getElementById('__search').checked")
        page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    finally:
        context.close()


def test_a_link_reached_with_the_keyboard_keeps_its_focus_ring(browser: Any, site_server: str,
                                                                assembly: SiteAssembly) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page, _ = _open(context, site_server + assembly.structure.get("home", "fr").url)
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        # The element itself is kept: its markup changes when Material marks it (class focus-visible).
        focused = page.evaluate("(window.ciaFocused = document.activeElement).outerHTML.slice(0, 80)")
        ring = """() => { const s = getComputedStyle(document.activeElement);
                          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; }"""
        assert page.evaluate(ring), f"no focus ring before the bundle started on {focused}"
        page.wait_for_function("document.documentElement.classList.contains('js')")
        page.wait_for_timeout(100)
        assert page.evaluate("document.activeElement === window.ciaFocused"), f"focus moved from {focused}"
        assert page.evaluate(ring), f"the focus ring went when the bundle started on {focused}"
    finally:
        context.close()


def test_a_link_to_a_fragment_starts_it_at_once(browser: Any, site_server: str, assembly: SiteAssembly) -> None:
    figure = next(iter(assembly.content.figures))  # each figure's id is its anchor on the facts page
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        page.goto(f"{site_server}{assembly.structure.get('facts', 'en').url}#{figure}")
        assert page.locator(f"[id='{figure}']").count() == 1
        page.wait_for_function("document.documentElement.classList.contains('js')")
    finally:
        context.close()
