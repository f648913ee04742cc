"""The code to embed a chart: offered once the site has a public address, and it frames the chart.

Built from a copy of the project whose ``content/site.yml`` is given an address; the code is
read back from each capacity page as a reader copies it (the text of the <code> element),
parsed as HTML, and its frame must point to that chart's embed page, which the build wrote.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from campus_ia.capacity.embed_code import EMBED_HEIGHT
from campus_ia.pages.downloads import embed_page_url
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import load_site_content
from tests.support import REPO_ROOT
from tests.support.build import build, copy_project

ADDRESS = "https://campus-ia.test/"
SHIPPED = load_site_content(REPO_ROOT / "content", display_root=REPO_ROOT)


def _capacity_url(lang: str) -> str:
    page = next(p for p in SHIPPED.site.pages if p.id == "capacity")
    return f"{lang}/{page.slug[lang]}/"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("addressed") / "project")
    site_yml = project / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    assert "\nedit_branch:" in text
    site_yml.write_text(text.replace("\nedit_branch:", f"\nurl: {ADDRESS}\nedit_branch:", 1), encoding="utf-8")
    site_dir = project.parent / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_chart_offers_an_iframe_of_its_embed_page(addressed_site: Path, lang: str) -> None:
    page = html.fromstring((addressed_site / _capacity_url(lang) / "index.html").read_bytes())
    figures = page.xpath("//figure[starts-with(@id, 'chart-')]")
    codes = page.xpath("//details[contains(@class, 'cia-embed-code')]//code")
    assert figures and len(codes) == len(figures)
    for figure, code in zip(figures, codes):
        key = figure.get("id").removeprefix("chart-")
        [frame] = html.fragment_fromstring(code.text_content(), create_parent="div").xpath("iframe")
        expected = ADDRESS + embed_page_url(_capacity_url(lang), key, lang)
        assert frame.get("src") == expected
        assert (addressed_site / expected.removeprefix(ADDRESS) / "index.html").is_file()
        title = figure.xpath(".//*[local-name()='svg']/*[local-name()='title']")
        assert title and frame.get("title") == title[0].text_content().strip()
        assert frame.get("height") == str(EMBED_HEIGHT) and frame.get("width") == "100%"


def test_no_code_is_offered_without_an_address(built_site: Path) -> None:
    for lang in LANGUAGES:
        page = (built_site / _capacity_url(lang) / "index.html").read_text(encoding="utf-8")
        assert "cia-embed-code" not in page and "&lt;iframe" not in page
