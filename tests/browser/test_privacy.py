"""Privacy in a real browser: a reader's visit reaches no one but the site itself.

Every page of ``sitemap.xml`` is loaded with JavaScript on, and every request the browser
makes is recorded (pages, styles, scripts, web workers, XHR): any host other than the local
server fails the test. Requests elsewhere are aborted, never sent: the test machine has no
network, and a reader's browser should not have tried either.

The search index is the biggest file a page could fetch; it is only downloaded when the
reader opens search, with Material's search worker, and only for the page's language
(``theme/assets/javascripts/on-demand.js``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from campus_ia.site.html_checks import sitemap_paths, third_party_resources

SEARCH_WORD = {"fr": "capacité", "en": "capacity"}


class RequestLog:
    """Every request of a browser context; those leaving ``origin`` are aborted and kept apart."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []
        self.elsewhere: list[str] = []
        context.route("**/*", self._route)
        context.on("request", lambda request: self.urls.append(request.url))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if _origin(url) == self.origin:
            route.continue_()
        else:
            self.elsewhere.append(url)
            route.abort("blockedbyclient")

    def clear(self) -> None:
        self.urls.clear()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def logged_page(browser: Any, site_server: str) -> Iterator[tuple[Any, RequestLog]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    log = RequestLog(context, _origin(site_server))
    try:
        yield context.new_page(), log
    finally:
        context.close()


def test_static_html_and_css_load_nothing_from_other_hosts(built_site: Path) -> None:
    problems = third_party_resources(built_site)
    assert not problems, "\n".join(map(str, problems))


def test_no_page_makes_a_request_to_another_host(
    logged_page: tuple[Any, RequestLog], site_server: str, built_site: Path
) -> None:
    page, log = logged_page
    paths = sitemap_paths(built_site)
    assert any(p.startswith("fr/") for p in paths) and any(p.startswith("en/") for p in paths)
    for path in paths:
        page.goto(site_server + path, wait_until="networkidle")
    # Search too: the index, Material's search worker and the stemmers it loads.
    for lang in ("fr", "en"):
        page.goto(f"{site_server}{lang}/", wait_until="networkidle")
        _search(page, SEARCH_WORD[lang])
    assert len(log.urls) > len(paths)
    assert not log.elsewhere, "requests to other hosts:\n" + "\n".join(sorted(set(log.elsewhere)))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("opener", ["click", "keyboard shortcut", "phone search button"])
def test_search_index_is_downloaded_only_when_search_opens(
    browser: Any, site_server: str, lang: str, opener: str
) -> None:
    phone = opener == "phone search button"
    viewport = {"width": 412, "height": 823} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    log = RequestLog(context, _origin(site_server))
    try:
        page = context.new_page()
        page.goto(f"{site_server}{lang}/chiffres-cles/" if lang == "fr" else f"{site_server}en/facts/",
                  wait_until="networkidle")
        page.wait_for_timeout(300)  # anything Material would start after load has started by now
        at_load = list(log.urls)
        assert not [u for u in at_load if "search_index" in u or "/workers/search." in u], at_load
        # Nor the sitemaps Material's alternate-language integration would fetch: no XHR at all.
        assert not [u for u in at_load if u.endswith("sitemap.xml")], at_load

        if opener == "click":
            page.click("input.md-search__input")
        elif opener == "keyboard shortcut":
            page.keyboard.press("/")
        else:
            page.click("label.md-header__button[for=__search]")
        _search(page, SEARCH_WORD[lang])

        indexes = [urlsplit(u).path for u in log.urls if "search_index" in u]
        assert indexes == [f"/{lang}/search/search_index.json"]
        assert [u for u in log.urls if "/workers/search." in u], "the search worker never started"
        for href in page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)"):
            assert urlsplit(href).path.startswith(f"/{lang}/"), href
        assert not log.elsewhere, log.elsewhere
    finally:
        context.close()


def _search(page: Any, word: str) -> None:
    """Type ``word`` in the search field, key by key as a reader does, and wait for results.

    Material reads the field on ``keyup`` (and once when its index is ready), so ``fill()``,
    which sends no key events, would race with the index download.
    """
    page.locator("input.md-search__input").press_sequentially(word)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
