"""Each chart's embed page and the chart links of the capacity page, on the real build.

What to expect comes from the content through the project's own loader and the capacity
page's own chart views: which charts exist, their titles, the pages' addresses.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from lxml import html as lxml_html

from campus_ia.capacity.page_charts import chart_views
from campus_ia.capacity.page_text import PageText
from campus_ia.pages.downloads import CHART_DOWNLOADS, embed_page_url
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT

ASSEMBLY = SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)
CONTEXTS = ASSEMBLY.page_contexts("capacity")
CHARTS = [(lang, view) for lang in LANGUAGES for view in chart_views(PageText.from_context(CONTEXTS[lang]))]


def page_tree(site: Path, url: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


def target(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file a relative ``href`` on the page at ``page_url`` leads to, and its fragment."""
    path, _, fragment = href.partition("#")
    resolved = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    file = site / resolved
    return (file / "index.html" if file.is_dir() else file), fragment


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.mark.parametrize(("lang", "view"), CHARTS, ids=[f"{lang}-{view.key}" for lang, view in CHARTS])
def test_embed_page_is_the_chart_alone_with_title_source_and_a_link_back(built_site: Path, lang: str, view) -> None:
    ctx = CONTEXTS[lang]
    url = embed_page_url(ctx.page_url, view.key, lang)
    tree = page_tree(built_site, url)
    assert tree.get("lang") == lang
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert [plain(h.text_content()) for h in tree.xpath("//h1")] == [plain(view.title)]
    assert len(tree.xpath("//main//svg[contains(@class,'cia-chart')]")) == 1
    # Nothing of the site around it: no header, navigation, search, footer or script.
    assert not tree.xpath("//header | //nav | //footer | //script | //*[contains(@class,'md-')]")
    source = plain(tree.xpath("//p[contains(@class,'cia-embed__source')]")[0].text_content())
    assert plain(ctx.fmt.typography(ctx.content.site.title[lang])) in source
    (link,) = tree.xpath("//p[contains(@class,'cia-embed__source')]/a")
    file, fragment = target(built_site, url, link.get("href"))
    assert file == built_site / ctx.page_url / "index.html" and fragment == f"chart-{view.key}"
    assert lxml_html.fromstring(file.read_bytes()).get_element_by_id(fragment).tag == "figure"
    (stylesheet,) = tree.xpath("//link[@rel='stylesheet']/@href")
    assert target(built_site, url, stylesheet)[0].is_file()


def test_embed_pages_are_in_neither_sitemap_nor_search(built_site: Path) -> None:
    embeds = {embed_page_url(CONTEXTS[lang].page_url, view.key, lang) for lang, view in CHARTS}
    assert all((built_site / url / "index.html").is_file() for url in embeds)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/embed/" not in sitemap
    for lang in LANGUAGES:
        index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert not [doc["location"] for doc in index["docs"] if "embed/" in doc["location"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_capacity_page_links_each_chart_to_its_files_and_embed_page(built_site: Path, lang: str) -> None:
    ctx = CONTEXTS[lang]
    tree = page_tree(built_site, ctx.page_url)
    views = [view for view_lang, view in CHARTS if view_lang == lang]
    for view in views:
        figure = tree.get_element_by_id(f"chart-{view.key}")
        links = figure.getparent().xpath(".//p[contains(@class,'cia-chart-downloads')]//a/@href")
        files = CHART_DOWNLOADS[view.key]
        wanted = {built_site / d.path for d in (files.svg[lang], files.png[lang], files.csv[lang], files.spreadsheet_csv)}
        wanted.add(built_site / embed_page_url(ctx.page_url, view.key, lang) / "index.html")
        found = {target(built_site, ctx.page_url, href)[0] for href in links}
        assert found == wanted
        assert all(path.is_file() for path in found)
