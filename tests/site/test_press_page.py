"""The press page and the press kit ZIP, on the real build, against the downloads table and content/."""

from __future__ import annotations

import io
import posixpath
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from campus_ia.facts.selection import key_figures
from campus_ia.pages.downloads import CHART_DOWNLOADS, DATASET_DOWNLOADS, PRESS_KIT, SITE_DOWNLOADS, UPDATES_FEED
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from campus_ia.site.press_kit import press_text_path
from tests.support import REPO_ROOT

ASSEMBLY = SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)
CONTENT = ASSEMBLY.content
PRESS = {lang: ASSEMBLY.structure.get("press", lang) for lang in LANGUAGES}
CHARTS = [key for key in CHART_DOWNLOADS if key != "electricity" or CONTENT.capacity.phases]


def plain(text: str) -> str:
    """Text as compared here: French spaces and apostrophes made plain, runs of space made one."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'").split())


def press_tree(site: Path, lang: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / PRESS[lang].url / "index.html").read_bytes())


def test_press_kit_holds_the_texts_the_data_and_the_charts(built_site: Path) -> None:
    data = (built_site / PRESS_KIT.path).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        members = {info.filename: archive.read(info) for info in archive.infolist()}
        # Images are compressed already: stored as they are; texts and data deflated.
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert {name for name, method in methods.items() if method == zipfile.ZIP_STORED} == {
        name for name in members if name.endswith(".png")}
    assert {name for name, method in methods.items() if method == zipfile.ZIP_DEFLATED} == {
        name for name in members if not name.endswith(".png")}
    feeds = {d.path for d in UPDATES_FEED.values()}  # news, not data: the only downloads left out
    expected_files = [*(d for d in SITE_DOWNLOADS if d.path not in feeds),
                      *(f for key in CHARTS for f in CHART_DOWNLOADS[key].files)]
    assert {d.path for d in DATASET_DOWNLOADS} <= {d.path for d in expected_files}
    assert set(members) == {press_text_path(lang) for lang in LANGUAGES} | {d.path for d in expected_files}
    for download in expected_files:  # byte for byte the files the site publishes
        assert members[download.path] == (built_site / download.path).read_bytes(), download.path
    campus = CONTENT.campus.campus
    for lang in LANGUAGES:
        text = plain(members[press_text_path(lang)].decode("utf-8"))
        assert plain(campus.name[lang]) in text and plain(campus.tagline[lang]) in text
        assert plain(" ".join(campus.summary[lang].split())) in text
        for figure in key_figures(CONTENT):
            assert plain(figure.label[lang]) in text
            assert plain(ASSEMBLY.languages[lang].figures.value(figure)) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_press_page_lists_every_download(built_site: Path, lang: str) -> None:
    tree = press_tree(built_site, lang)
    hrefs = tree.xpath("//table//a/@href") + tree.xpath("//p[contains(@class,'cia-press__kit')]/a/@href")
    found = {posixpath.normpath(posixpath.join(PRESS[lang].url, href)) for href in hrefs}
    wanted = {d.path for d in SITE_DOWNLOADS} | {f.path for key in CHARTS for f in CHART_DOWNLOADS[key].files}
    assert found == wanted | {PRESS_KIT.path}
    assert all((built_site / path).is_file() for path in found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_press_page_descriptions_come_from_the_content(built_site: Path, lang: str) -> None:
    text = plain(press_tree(built_site, lang).xpath("//article")[0].text_content())
    campus = CONTENT.campus.campus
    assert plain(campus.tagline[lang]) in text
    assert plain(" ".join(campus.summary[lang].split())) in text
    for figure in key_figures(CONTENT):
        assert plain(ASSEMBLY.languages[lang].figures.value(figure)) in text
    statuses = [f.lead.status for f in CONTENT.figures.values()]
    assert str(len(statuses)) in text  # how many figures, by status
    publisher = CONTENT.site.publisher
    assert ("mailto:" in (built_site / PRESS[lang].url / "index.html").read_text(encoding="utf-8")) == (
        publisher.email is not None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_press_page_is_in_the_navigation(built_site: Path, lang: str) -> None:
    home = lxml_html.fromstring((built_site / lang / "index.html").read_bytes())
    links = {posixpath.normpath(posixpath.join(f"{lang}/", href)) for href in home.xpath("//nav//a/@href")}
    assert PRESS[lang].url.rstrip("/") in links


def test_contact_shows_what_site_yml_gives_and_nothing_else(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ("content", "locales"):
        shutil.copytree(REPO_ROOT / folder, project / folder)
    site_yml = project / "content" / "site.yml"
    bare = SiteAssembly.load(project / "content", project / "locales", root=project)
    assert bare.content.site.publisher.email is None and bare.content.site.repository is None
    body = bare.page_body(bare.structure.get("press", "en"))
    assert "mailto:" not in body and "example" not in body
    assert "does not publish a contact address" in body
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace(
        "edit_branch: main\n",
        "edit_branch: main\nrepository: https://git.campus-ia.test/site\n"
        "publisher:\n  name: {fr: Rédaction test, en: Test newsroom}\n  email: presse@campus-ia.test\n"), encoding="utf-8")
    filled = SiteAssembly.load(project / "content", project / "locales", root=project)
    for lang, name in (("fr", "Rédaction test"), ("en", "Test newsroom")):
        body = filled.page_body(filled.structure.get("press", lang))
        assert name in body
        assert 'href="mailto:presse@campus-ia.test"' in body
        assert 'href="https://git.campus-ia.test/site"' in body
        assert "does not publish" not in body and "ne publie pas" not in body
