"""Accessibility in a real browser: axe-core on every page, in both colour schemes, and the keyboard.

axe runs the WCAG 2.1 A and AA rules (``wcag2a``, ``wcag2aa``, ``wcag21a``, ``wcag21aa``) on
every page of ``sitemap.xml`` (French, English and the language chooser) and on the "not
found" pages, once in the light scheme (``default``) and once in the dark one (``slate``).
The scheme comes from the reader's system setting, as on a first visit: Material picks the
palette whose ``media`` query matches ``prefers-color-scheme``, and the test checks that it
did; the light scheme is also audited at phone width. No rule is disabled: a failure is fixed
in the palette, the CSS or the templates.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from campus_ia.site.html_checks import sitemap_paths
from tests.support.axe import format_violations, run_axe

SCHEMES = {"light": "default", "dark": "slate"}
"""``prefers-color-scheme`` value -> the Material scheme it must select (see mkdocs.yml)."""

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 412, "height": 823}}
AUDITS = [("light", "desktop"), ("dark", "desktop"), ("light", "phone")]
"""Both schemes on a desktop screen; the light one again at phone width, where the layout
changes (drawer navigation, narrow tables that must scroll)."""

SKIP_LINK_TEXT = {"fr": "Aller au contenu", "en": "Skip to content"}


@pytest.fixture(params=AUDITS, ids=[f"{scheme}-{screen}" for scheme, screen in AUDITS])
def scheme_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, str]]:
    """A page with a light or dark system colour scheme, and the Material scheme it must get."""
    scheme, screen = request.param
    phone = screen == "phone"
    context = browser.new_context(
        viewport=SCREENS[screen], color_scheme=scheme, is_mobile=phone, has_touch=phone
    )
    try:
        yield context.new_page(), SCHEMES[scheme]
    finally:
        context.close()


def test_every_page_passes_axe_in_both_colour_schemes(
    scheme_page: tuple[Any, str], site_server: str, built_site: Path
) -> None:
    page, scheme = scheme_page
    paths = sitemap_paths(built_site)
    assert any(p.startswith("fr/") for p in paths) and any(p.startswith("en/") for p in paths)
    paths += [p for p in ("fr/404.html", "en/404.html", "404.html") if (built_site / p).is_file()]
    report = []
    for path in paths:
        page.goto(site_server + path)
        page.wait_for_function(
            "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=scheme
        )
        _render_everything(page)
        violations = run_axe(page)
        if violations:
            report.append(f"/{path} ({scheme}):\n{format_violations(violations)}")
    assert not report, "\n".join(report)


def _render_everything(page: Any) -> None:
    """Lay out the blocks that ``content-visibility: auto`` leaves unrendered off screen.

    That property only skips rendering work (campus-ia.css uses it on long pages); axe needs
    every element laid out to measure its colours, or it reports them as undetermined.
    """
    page.evaluate(
        """() => { for (const el of document.querySelectorAll('*'))
                     if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible'; }"""
    )


@pytest.mark.parametrize("lang, path", [("fr", "fr/"), ("en", "en/"), ("fr", "fr/chiffres-cles/"), ("en", "en/capacity-model/")])
def test_first_tab_reaches_a_visible_skip_link(page: Any, site_server: str, lang: str, path: str) -> None:
    page.goto(site_server + path)
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("el => el.classList.contains('md-skip')"), focused.evaluate("el => el.outerHTML")
    assert focused.evaluate("el => el.textContent.trim()") == SKIP_LINK_TEXT[lang]
    # Material fades it in (opacity and z-index move on :focus): wait for the end of that.
    page.wait_for_function("el => getComputedStyle(el).opacity === '1'", arg=focused)
    box = focused.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                   return {w: r.width, h: r.height, x: r.x, y: r.y, onTop: el === top || el.contains(top),
                           visibility: getComputedStyle(el).visibility}; }"""
    )
    assert box["w"] > 0 and box["h"] > 0 and box["visibility"] == "visible", box
    assert 0 <= box["x"] < 1280 and 0 <= box["y"] < 800, box
    assert box["onTop"], "the skip link is covered by another element while focused"
    # It leads to the content: Enter moves to the page's main heading.
    target = focused.evaluate("el => el.hash.slice(1)")
    page.keyboard.press("Enter")
    page.wait_for_function("id => location.hash === '#' + id", arg=target)
    assert page.evaluate("id => !!document.querySelector('article [id=\"' + id + '\"]')", target)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", ["fr/", "en/facts/"])
def test_keyboard_focus_is_visible_on_every_link(browser: Any, site_server: str, scheme: str, path: str) -> None:
    """Tab through the header, navigation, content and footer: every focused link shows an
    outline or a box-shadow ring, never nothing."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_server + path)
        page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=SCHEMES[scheme])
        links = page.evaluate("document.querySelectorAll('a[href]').length")
        seen, invisible = 0, []
        for _ in range(min(links + 10, 150)):
            page.keyboard.press("Tab")
            state = page.evaluate(
                """() => { const el = document.activeElement;
                           if (!el || el === document.body) return null;
                           const s = getComputedStyle(el);
                           return {tag: el.tagName, html: el.outerHTML.slice(0, 120),
                                   outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                                   shadow: s.boxShadow !== 'none'}; }"""
            )
            if state is None:
                break
            if state["tag"] == "A":
                seen += 1
                if not (state["outline"] or state["shadow"]):
                    invisible.append(state["html"])
        assert seen >= 10, f"only {seen} links reached with Tab"
        assert not invisible, "links without a visible focus indicator:\n" + "\n".join(invisible)
    finally:
        context.close()
