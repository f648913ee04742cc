"""The language switch keeps the reader's place: both languages of a page share their anchors."""

from __future__ import annotations

from typing import Any

import pytest

from campus_ia.content import load_content
from tests.support import REPO_ROOT

FACTS = {"fr": "fr/chiffres-cles/", "en": "en/facts/"}
OTHER = {"fr": "en", "en": "fr"}


def _figure_anchor() -> str:
    """The facts sheet's anchor for the site power: a figure's id, as on the page."""
    content = load_content(REPO_ROOT / "content")
    assert "site-power" in content.figures
    return "site-power"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_switch_keeps_the_anchor(page: Any, site_server: str, lang: str) -> None:
    anchor = _figure_anchor()
    page.goto(f"{site_server}{FACTS[lang]}#{anchor}")
    other = OTHER[lang]
    page.click(f'nav.cia-lang a[hreflang="{other}"]')
    page.wait_for_url(f"{site_server}{FACTS[other]}#{anchor}")
    assert page.evaluate("document.documentElement.lang") == other
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_switch_follows_an_anchor_reached_after_load(page: Any, site_server: str) -> None:
    anchor = _figure_anchor()
    page.goto(site_server + FACTS["en"])
    page.evaluate(f"location.hash = '#{anchor}'")
    page.click('nav.cia-lang a[hreflang="fr"]')
    page.wait_for_url(f"{site_server}{FACTS['fr']}#{anchor}")


def test_without_an_anchor_the_switch_leads_to_the_page(page: Any, site_server: str) -> None:
    page.goto(site_server + FACTS["fr"])
    page.click('nav.cia-lang a[hreflang="en"]')
    page.wait_for_url(site_server + FACTS["en"])
