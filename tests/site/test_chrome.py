"""The page chrome: one typed object for pages, 404 pages and the root pages, one language switch."""

from __future__ import annotations

import dataclasses

import pytest

from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from campus_ia.site.chrome import Chrome


def test_every_page_switches_to_itself_in_each_language(assembly: SiteAssembly) -> None:
    for page in assembly.structure.pages:
        chrome = assembly.chrome.page(page, "../" * page.url.count("/"))
        assert isinstance(chrome, Chrome) and chrome.lang == page.lang
        assert [link.lang for link in chrome.switch] == list(LANGUAGES)
        assert [link.current for link in chrome.switch] == [lang == page.lang for lang in LANGUAGES]
        for link, other in zip(chrome.switch, assembly.structure.translations(page)):
            # Relative to the page: the same page in the other language, or the page itself.
            assert link.href == ("./" if other is page else "../" * page.url.count("/") + other.url)
        assert not chrome.is_root and not chrome.not_found and chrome.homes == ()


@pytest.mark.parametrize("root_path", ["/", "/campus/"])
def test_a_404_page_links_from_the_site_root_wherever_it_is_served(assembly: SiteAssembly, root_path: str) -> None:
    for lang in LANGUAGES:
        chrome = assembly.chrome.not_found(lang, root_path)
        home = assembly.structure.get("home", lang)
        assert chrome.not_found and chrome.home_url == root_path + home.url
        assert chrome.lang_root == f"{root_path}{lang}/" and chrome.alternates == () and chrome.jsonld == ()
        assert [(link.href, link.current) for link in chrome.switch] == [
            (root_path + assembly.structure.get("home", other).url, other == lang) for other in LANGUAGES]
        assert all(href.startswith(root_path) for href in (chrome.feed, chrome.accessibility_url))


def test_the_root_pages_offer_both_languages_and_are_current_in_none(assembly: SiteAssembly) -> None:
    chrome = assembly.chrome.root(".")
    assert chrome.is_root and chrome.lang == "fr"
    assert [home.lang for home in chrome.homes] == [note.lang for note in chrome.footer_notes] == list(LANGUAGES)
    assert [(link.href, link.current) for link in chrome.switch] == [
        ("./" + assembly.structure.get("home", lang).url, False) for lang in LANGUAGES]
    # hreflang links must be full addresses: the chooser is x-default once the site has one.
    if assembly.languages["fr"].has_address:
        assert chrome.alternates[-1].hreflang == "x-default"
    else:
        assert chrome.alternates == ()


def test_the_chrome_is_frozen(assembly: SiteAssembly) -> None:
    chrome = assembly.chrome.root(".")
    with pytest.raises(dataclasses.FrozenInstanceError):
        chrome.lang = "en"  # type: ignore[misc]
