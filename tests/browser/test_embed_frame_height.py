"""Each chart's embed page fits in the frame height of the code the capacity page offers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from campus_ia.capacity.embed_code import EMBED_HEIGHT
from campus_ia.site.embed_pages import EMBED_PAGE


@pytest.mark.parametrize("width", [320, 390, 640, 1000])
def test_every_embed_page_fits_its_frame(browser: Any, site_server: str, built_site: Path, width: int) -> None:
    pages = sorted(p.relative_to(built_site).parent.as_posix() + "/" for p in built_site.glob("*/*/embed/*/index.html")
                   if EMBED_PAGE.match(p.relative_to(built_site).as_posix()))
    assert pages, "no embed page built"
    context = browser.new_context(viewport={"width": width, "height": EMBED_HEIGHT})
    try:
        page = context.new_page()
        too_tall = {}
        for path in pages:
            page.goto(site_server + path)
            height = page.evaluate("document.documentElement.scrollHeight")
            if height > EMBED_HEIGHT:
                too_tall[path] = height
        assert not too_tall, f"taller than the {EMBED_HEIGHT} px frame at {width} px wide: {too_tall}"
    finally:
        context.close()
