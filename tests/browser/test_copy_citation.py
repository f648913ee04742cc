""""Copy citation" in a real browser: the clipboard holds the site, the page, the
figure's permalink, its date and the day of the copy; without JavaScript the text is
in the page and no dead button shows.

Expected values come from ``content/`` through the project's loader and formatter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from campus_ia.capacity.model import OUTPUT_KEYS
from campus_ia.capacity.page_citations import result_anchor
from campus_ia.content import PartialDate
from campus_ia.facts import key_figures
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGS = ("fr", "en")
ACCESSED = {"fr": "consulté le ", "en": "accessed "}


@pytest.fixture(scope="module")
def assembly() -> SiteAssembly:
    return SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def _page_url(assembly: SiteAssembly, page_id: str, lang: str) -> str:
    return assembly.structure.get(page_id, lang).url


def _page_title(assembly: SiteAssembly, page_id: str, lang: str) -> str:
    return next(p.title[lang] for p in assembly.content.site.pages if p.id == page_id)


def _copy(browser: Any, url: str, anchor: str) -> tuple[str, str]:
    """Open ``url``, open the citation of the item at ``#anchor``, click its button: clipboard and page text."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(url)
        return _click_copy(page, anchor)
    finally:
        context.close()


def _click_copy(page: Any, anchor: str) -> tuple[str, str]:
    quote = page.locator(f'.cia-citation:has(.cia-citation__text:text-matches("#{anchor},"))').first
    button = quote.locator("button.cia-citation__copy")
    assert button.is_hidden(), "the button shows before its citation is opened"
    page.locator("details", has=quote).first.locator("summary").first.click()
    button.wait_for(state="visible")
    before = button.inner_text()
    button.click()
    page.wait_for_function("([b, t]) => b.textContent !== t", arg=[button.element_handle(), before])
    return page.evaluate("navigator.clipboard.readText()"), quote.locator(".cia-citation__text").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_copied_figure_citation(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    content, fmt = assembly.content, assembly.languages[lang].fmt
    figure = key_figures(content)[0]
    page_url = _page_url(assembly, "facts", lang)
    copied, _shown = _copy(browser, site_server.rstrip("/") + "/" + page_url, figure.id)
    words = _words(copied)
    assert _words(content.site.title[lang]) in words
    assert _words(fmt.typography(_page_title(assembly, "facts", lang))) in words
    url = re.search(r"\S+#" + re.escape(figure.id) + r"(?=,)", copied)
    assert url and url.group(0).endswith(f"/{page_url}#{figure.id}"), copied
    assert _words(fmt.date(PartialDate.parse(figure.lead.as_of))) in words, "the figure's date is missing"
    assert words.endswith(ACCESSED[lang] + _words(fmt.date(dt.date.today())) + "."), copied
    if lang == "fr":  # French typography survives the copy
        assert "\u00a0:" in copied or "\u202f:" in copied


@pytest.mark.parametrize("lang", LANGS)
def test_copied_capacity_result_citation(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    content, fmt = assembly.content, assembly.languages[lang].fmt
    anchor = result_anchor(OUTPUT_KEYS[0])
    page_url = _page_url(assembly, "capacity", lang)
    copied, _shown = _copy(browser, site_server.rstrip("/") + "/" + page_url, anchor)
    words = _words(copied)
    assert _words(content.site.title[lang]) in words
    assert _words(fmt.typography(_page_title(assembly, "capacity", lang))) in words
    assert re.search(r"/" + re.escape(page_url) + "#" + re.escape(anchor) + ",", copied), copied
    reviewed = PartialDate.parse(content.site.last_reviewed)
    assert _words(fmt.date(reviewed)) in words, "the estimate's date is missing"
    assert words.endswith(ACCESSED[lang] + _words(fmt.date(dt.date.today())) + "."), copied


@pytest.mark.parametrize("lang", LANGS)
def test_anchors_lead_to_the_cited_items(browser: Any, site_server: str, assembly: SiteAssembly, lang: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_server.rstrip("/") + "/" + _page_url(assembly, "capacity", lang))
        for key in OUTPUT_KEYS:
            assert page.locator(f"tr#{result_anchor(key)}").count() == 1, key
        page.goto(site_server.rstrip("/") + "/" + _page_url(assembly, "facts", lang))
        for figure in assembly.content.figures.values():
            assert page.locator(f"article#{figure.id}").count() == 1, figure.id
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_text_is_there_and_no_button(
    browser: Any, site_server: str, assembly: SiteAssembly, lang: str
) -> None:
    figure = key_figures(assembly.content)[0]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.rstrip("/") + "/" + _page_url(assembly, "facts", lang) + "#" + figure.id)
        article = page.locator(f"article#{figure.id}")
        article.locator("summary").first.click()
        text = article.locator(".cia-citation__text")
        text.wait_for(state="visible")
        assert f"#{figure.id}," in text.inner_text()
        assert article.locator("button.cia-citation__copy").is_hidden()
        # Selectable: a triple click selects the citation's text.
        text.click(click_count=3)
        selected = page.evaluate("window.getSelection().toString()")
        assert f"#{figure.id}" in selected
    finally:
        context.close()
