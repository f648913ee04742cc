"""Sharing: every page has its own description and a 1200 x 630 preview image that exists."""

from __future__ import annotations

import struct
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from campus_ia.content import load_content
from campus_ia.site.embed_pages import EMBED_PAGE
from tests.support import REPO_ROOT


def _pages(site: Path) -> list[Path]:
    # A chart's embed page is shown in another site's frame, never shared as a page: no preview.
    return sorted(p for p in site.rglob("index.html")
                  if "search" not in p.parts and not EMBED_PAGE.match(p.relative_to(site).as_posix()))


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_a_preview_image_and_its_own_description(built_site: Path) -> None:
    descriptions: dict[str, str] = {}
    for page in _pages(built_site):
        tree = lxml_html.fromstring(page.read_bytes())
        image = tree.xpath('//meta[@property="og:image"]/@content')
        assert len(image) == 1, f"{page}: no og:image"
        address = "/" + page.relative_to(built_site).parent.as_posix() + "/"
        target = urlsplit(urljoin(address.replace("/./", "/"), image[0])).path.lstrip("/")
        assert _png_size(built_site / target) == (1200, 630), page
        description = tree.xpath('//meta[@property="og:description"]/@content')
        meta = tree.xpath('//meta[@name="description"]/@content')
        assert len(description) == 1 and description == meta, page
        assert description[0] not in descriptions, f"{page} shares its description with {descriptions.get(description[0])}"
        descriptions[description[0]] = str(page)


def test_page_descriptions_come_from_content(built_site: Path) -> None:
    content = load_content(REPO_ROOT / "content")
    facts = next(p for p in content.site.pages if p.id == "facts")
    assert facts.description is not None
    tree = lxml_html.fromstring((built_site / "en" / facts.slug.en / "index.html").read_bytes())
    assert tree.xpath('//meta[@name="description"]/@content') == [facts.description.en]


def test_no_placeholder_address_reaches_a_reader(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".ics"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "example.org" not in text and "example.com" not in text, path


def test_not_found_pages_link_their_preview_image_from_any_depth(built_site: Path) -> None:
    """A 404 page is served at whatever address was asked for: its image must not depend on it."""
    pages = sorted(built_site.glob("**/404.html"))
    assert len(pages) >= 3  # the root's and each language's
    for page in pages:
        [image] = lxml_html.fromstring(page.read_bytes()).xpath('//meta[@property="og:image"]/@content')
        folder = "/" + page.relative_to(built_site).parent.as_posix().strip(".") + "/"
        targets = {urlsplit(urljoin((folder + deep).replace("//", "/"), image)).path.lstrip("/")
                   for deep in ("", "missing/", "a/b/c/")}
        assert len(targets) == 1, f"{page}: og:image {image} points to {sorted(targets)} depending on the address"
        assert _png_size(built_site / targets.pop()) == (1200, 630), page
