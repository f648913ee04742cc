"""Properties every build of the site must have, whichever engine built it (MkDocs or ProperDocs)."""

from __future__ import annotations

from tests.support import SITE_BASE, SITE_HOST

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from lxml import html as lxml_html

from campus_ia.site.embed_pages import EMBED_PAGE

SITE_URL = f"{SITE_BASE}"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def content_pages(site: Path, lang: str) -> list[Path]:
    """Every page of one language, 404 excepted, and the charts' embed pages, which are shown in
    other sites' frames, not read as pages of the site (no translation links, sitemap or search)."""
    return sorted(p for p in (site / lang).rglob("index.html")
                  if "search" not in p.parts and not EMBED_PAGE.match(p.relative_to(site).as_posix()))


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return SITE_URL + rel.removesuffix("index.html")


def alternates_of(page: Path) -> dict[str, str]:
    tree = lxml_html.parse(str(page))
    found = {}
    for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]'):
        assert link.get("hreflang") not in found, f"{page}: duplicate hreflang {link.get('hreflang')}"
        found[link.get("hreflang")] = link.get("href")
    return found


def declared_alternates(page: Path, url: str) -> dict[str, str]:
    """The page's hreflang alternates (language -> absolute address, and x-default).

    hreflang links must be full addresses, so a site without a public address has none; its
    language switch still pairs the pages, and stands in for them here.
    """
    alts = alternates_of(page)
    if SITE_BASE == "/":
        assert alts == {}, f"{page}: hreflang links without a site address: {alts}"
        tree = lxml_html.parse(str(page))
        for link in tree.xpath('//nav[contains(@class,"cia-lang")]//a[@hreflang]'):
            alts[link.get("hreflang")] = urljoin(url, link.get("href"))
        alts["x-default"] = SITE_URL
    assert set(alts) == {"fr", "en", "x-default"}, f"{page}: alternates {alts}"
    return alts


def check_pairs_and_alternates(site: Path) -> dict[str, str]:
    """Each French page has exactly one English counterpart and back; returns fr url -> en url."""
    pairs: dict[str, str] = {}
    seen_en: set[str] = set()
    for lang, other in (("fr", "en"), ("en", "fr")):
        for page in content_pages(site, lang):
            url = url_of(site, page)
            tree = lxml_html.parse(str(page))
            assert tree.getroot().get("lang") == lang, f"{page}: <html lang> is {tree.getroot().get('lang')}"
            alts = declared_alternates(page, url)
            assert alts[lang] == url, f"{page}: self alternate {alts[lang]} != {url}"
            assert alts["x-default"] == SITE_URL
            # Absolute once the site has an address; from the site's root until then.
            assert all(href.startswith(SITE_URL) for href in alts.values())
            target = site / urlsplit(alts[other]).path.lstrip("/") / "index.html"
            assert target.exists(), f"{page}: translation {alts[other]} does not exist"
            back = declared_alternates(target, alts[other])
            assert back == alts, f"{page} and {target} disagree: {alts} vs {back}"
            # The language switch links to this very page in the other language.
            switch = tree.xpath(f'//nav[contains(@class,"cia-lang")]//a[@hreflang="{other}"]')
            assert len(switch) == 1, f"{page}: {len(switch)} switch links to {other}"
            assert urljoin(url, switch[0].get("href")) == alts[other]
            assert switch[0].get("lang") == other
            current = tree.xpath(f'//nav[contains(@class,"cia-lang")]//a[@hreflang="{lang}"]')
            assert current[0].get("aria-current") == "page"
            if lang == "fr":
                pairs[url] = alts["en"]
            else:
                seen_en.add(url)
    assert set(pairs.values()) == seen_en, "French and English pages are not one-to-one"
    assert len(pairs) == len(seen_en) == len(set(pairs.values()))
    return pairs


def check_sitemap(site: Path) -> None:
    """sitemap.xml lists every page with the same alternates as its <head>."""
    tree = ElementTree.parse(site / "sitemap.xml")
    listed = {}
    for url in tree.getroot().findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        listed[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)}
    for lang in ("fr", "en"):
        for page in content_pages(site, lang):
            url = url_of(site, page)
            assert url in listed, f"{url} is not in sitemap.xml"
            assert listed[url] == declared_alternates(page, url), f"{url}: sitemap alternates differ from the page's"


def check_search_indexes(site: Path) -> None:
    """Each language has its own index with only its pages and its own stemmer."""
    assert not (site / "search" / "search_index.json").exists(), "a combined search index is still published"
    for lang in ("fr", "en"):
        index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert locations, f"{lang} index is empty"
        for location in locations:
            target = site / lang / location / "index.html" if location else site / lang / "index.html"
            assert target.exists(), f"{lang} index points at {location!r}, not a {lang} page"
        page_count = len(content_pages(site, lang))
        assert len(locations) == page_count
