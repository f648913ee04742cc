"""The public face in a real browser: what a reader sees first, on a phone and on a laptop.

Expected values come from ``content/`` through the project's own loader and formatter, so a
routine content edit does not break these tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from campus_ia.facts import context_figures, key_figures, key_milestones
from campus_ia.home import HOME_FIGURES
from campus_ia.site.assembly import SiteAssembly

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGS = ("fr", "en")
SCREENS = {"phone": (390, 844), "laptop": (1366, 768)}
FIRST_SCREEN = ("site-power", "first-tranche", "commissioning")
"""What the home page's first screen must show: capacity, first investment, commissioning year."""


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def _url(assembly: SiteAssembly, base: str, page_id: str, lang: str) -> str:
    return base.rstrip("/") + "/" + assembly.structure.get(page_id, lang).url


def _open(browser: Any, size: tuple[int, int]) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    return context, context.new_page()


def _in_first_screen(page: Any, selector: str, height: int) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("lang", LANGS)
def test_home_first_screen_shows_capacity_investment_and_commissioning(
    browser: Any, site_server: str, assembly: SiteAssembly, lang: str, screen: str
) -> None:
    assert set(FIRST_SCREEN) <= set(HOME_FIGURES)
    width, height = SCREENS[screen]
    context, page = _open(browser, (width, height))
    try:
        page.goto(_url(assembly, site_server, "home", lang))
        for ident in FIRST_SCREEN:
            card = f"#home-{ident}"
            value = _words(page.locator(f"{card} .cia-keyfig__value").inner_text())
            assert value == _words(assembly.languages[lang].figure_text(ident) or ""), (lang, ident)
            assert _in_first_screen(page, f"{card} .cia-keyfig__value", height), f"{ident} not in the first screen"
            status = page.locator(f"{card} .cia-status")
            assert status.count() == 1 and _words(status.inner_text()), f"{ident} shows no status"
            assert _in_first_screen(page, f"{card} .cia-status", height), f"{ident}'s status not in the first screen"
        commissioning = assembly.content.milestones_by_id["commissioning"]
        year = str(assembly.content.partial_date(commissioning.date).start.year)
        assert year in page.locator("#home-commissioning .cia-keyfig__value").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_home_cards_link_to_their_facts_sheet_entries(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    context, page = _open(browser, SCREENS["laptop"])
    try:
        page.goto(_url(assembly, site_server, "home", lang))
        for ident in HOME_FIGURES:
            page.goto(_url(assembly, site_server, "home", lang))
            href = page.locator(f"#home-{ident} .cia-keyfig__label a").get_attribute("href")
            with page.expect_navigation():
                page.click(f"#home-{ident} .cia-keyfig__label a")
            page.wait_for_load_state("domcontentloaded")
            anchor = href.split("#", 1)[1]
            assert page.url.endswith("#" + anchor)
            assert page.locator(f"[id='{anchor}']").count() == 1, (page.url, href)
        # The map is drawn in the page (inline SVG), with the campus marked.
        page.goto(_url(assembly, site_server, "home", lang))
        assert page.locator("figure.cia-map svg .cia-map__site").count() == 1
        assert page.locator(".cia-strip__item--today").count() == 1
    finally:
        context.close()


def _force_visible(page: Any) -> None:
    page.add_style_tag(content="* { content-visibility: visible !important; }")


@pytest.mark.parametrize("lang", LANGS)
def test_facts_sheet_is_short_and_leads_with_figures(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    context, page = _open(browser, SCREENS["laptop"])
    try:
        page.goto(_url(assembly, site_server, "facts", lang))
        _force_visible(page)
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 8000, f"facts sheet is {height} px tall at 1366 px"
        values = page.locator(".cia-fact .cia-fact__value")
        shown = [i for i in range(values.count()) if _in_first_screen(page, f".cia-fact >> nth={i} >> .cia-fact__value", 768)]
        assert len(shown) >= 4, f"only {len(shown)} figure values in the first screen"
        # Per-figure anchors kept; older reports folded.
        for figure in assembly.content.campus.figures:
            if figure.key:
                assert page.locator(f"article#{figure.id}").count() == 1
                if len(figure.reports) > 1:
                    assert page.locator(f"article#{figure.id} details .cia-fact__others").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_facts_sheet_prints_as_a_fact_sheet_on_at_most_two_a4_pages(
    browser: Any, site_server: str, assembly: SiteAssembly, lang: str
) -> None:
    """Printed (Chromium's own PDF, A4): figures, their sources and dates, the page's address; no chrome."""
    context, page = _open(browser, SCREENS["laptop"])
    try:
        page.goto(_url(assembly, site_server, "facts", lang))
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert 1 <= pages <= 2, f"the facts sheet prints on {pages} A4 pages"
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", "button"):
            shown = [i for i in range(page.locator(selector).count()) if page.locator(selector).nth(i).is_visible()]
            assert not shown, f"{selector} is printed"
        for figure in key_figures(assembly.content) + context_figures(assembly.content):
            article = page.locator(f"article#{figure.id}")
            assert article.locator(".cia-fact__value").is_visible(), figure.id
            meta = article.locator(".cia-fact__meta").first
            assert meta.locator("time, .cia-date").first.is_visible(), f"{figure.id}: no date printed"
            source = assembly.content.sources[figure.lead.source]
            publisher = assembly.languages[lang].fmt.typography(source.publisher_in(lang))
            assert _words(publisher) in _words(meta.inner_text()), f"{figure.id}: no source printed"
        for milestone in key_milestones(assembly.content):
            assert page.locator(f"article#date-{milestone.id} .cia-fact__value").is_visible(), milestone.id
        cite = page.locator("#cite-page")
        assert cite.is_visible()
        assert "/" + assembly.structure.get("facts", lang).url in cite.inner_text(), "the page's address is not printed"
    finally:
        context.close()


@pytest.mark.parametrize("page_id", ["home", "facts", "timeline", "glossary"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_sideways_scrolling_on_a_phone(browser: Any, site_server: str, assembly: SiteAssembly, lang: str, page_id: str) -> None:
    context, page = _open(browser, SCREENS["phone"])
    try:
        page.goto(_url(assembly, site_server, page_id, lang))
        _force_visible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        too_wide = page.evaluate("""() => [...document.querySelectorAll('article table, .md-content table')]
            .filter(t => t.getBoundingClientRect().width > t.parentElement.getBoundingClientRect().width + 1)
            .map(t => t.outerHTML.slice(0, 80))""")
        assert not too_wide, too_wide
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_is_an_ordered_list_with_today(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    context, page = _open(browser, SCREENS["laptop"])
    try:
        page.goto(_url(assembly, site_server, "timeline", lang))
        items = page.locator("ol.cia-timeline > li")
        assert items.count() == len(assembly.content.milestones) + 1
        today = page.locator("ol.cia-timeline > li.cia-timeline__today time")
        assert today.count() == 1
        # The axis is drawn by CSS on the list itself.
        assert page.evaluate("getComputedStyle(document.querySelector('ol.cia-timeline')).borderLeftStyle") == "solid"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_are_explained_where_they_appear(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    context, page = _open(browser, SCREENS["laptop"])
    try:
        page.goto(_url(assembly, site_server, "glossary", lang))
        for term in assembly.content.glossary.terms:
            assert page.locator(f"dt#{term.id} dfn").inner_text() == assembly.languages[lang].fmt.typography(term.term[lang])
        page.goto(_url(assembly, site_server, "capacity", lang))
        titles = page.evaluate("[...document.querySelectorAll('.md-content abbr[title]')].map(a => a.textContent)")
        assert "PUE" in titles
    finally:
        context.close()


def test_first_load_of_a_text_page_is_light(browser: Any, site_server: str, built_site: Path, assembly: SiteAssembly) -> None:
    """What a first visit to a text page transfers, as the server sends it (pre-compressed when it can)."""
    context, page = _open(browser, SCREENS["phone"])
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(_url(assembly, site_server, "about", "en"), wait_until="networkidle")
        assert all(url.startswith(site_server.rstrip("/")) for url in requested), requested
        total = 0
        for url in requested:
            path = built_site / url[len(site_server.rstrip("/")) + 1:].split("#")[0].split("?")[0]
            if path.is_dir():
                path = path / "index.html"
            gz = path.with_name(path.name + ".gz")
            total += (gz if gz.is_file() else path).stat().st_size
        assert total < 120 * 1024, f"first load transfers {total / 1024:.0f} KiB"
    finally:
        context.close()
