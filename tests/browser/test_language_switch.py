"""In a real browser, the language switch keeps the reader on the same page."""

from __future__ import annotations

from typing import Any


def test_switch_by_mouse_lands_on_the_translation(page: Any, site_server: str) -> None:
    page.goto(site_server + "fr/partenaires/")
    page.click('nav.cia-lang a[hreflang="en"]')
    page.wait_for_url(site_server + "en/partners/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").first.inner_text() == "Partners"
    page.click('nav.cia-lang a[hreflang="fr"]')
    page.wait_for_url(site_server + "fr/partenaires/")
    assert page.locator("h1").first.inner_text() == "Partenaires"


def test_switch_by_keyboard_lands_on_the_translation(page: Any, site_server: str) -> None:
    page.goto(site_server + "en/timeline/")
    target = page.locator('nav.cia-lang a[hreflang="fr"]')
    for _ in range(40):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the French link of the language switch cannot be reached with Tab")
    # The focused link is visibly marked.
    outline = target.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(site_server + "fr/calendrier/")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_current_language_is_marked(page: Any, site_server: str) -> None:
    page.goto(site_server + "en/facts/")
    assert page.get_attribute('nav.cia-lang a[hreflang="en"]', "aria-current") == "page"
    assert page.get_attribute('nav.cia-lang a[hreflang="fr"]', "aria-current") is None
