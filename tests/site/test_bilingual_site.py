"""The built site is two complete sites, one per language, that point at each other."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urljoin

from lxml import html as lxml_html

from campus_ia.home import HOME_FIGURES
from campus_ia.site.assembly import SiteAssembly
from tests.site.bilingual_checks import (
    check_pairs_and_alternates,
    check_search_indexes,
    check_sitemap,
    content_pages,
)
from tests.support import REPO_ROOT, SITE_BASE
from tests.support.build import build, copy_project


def test_every_page_has_its_translation(built_site: Path) -> None:
    pairs = check_pairs_and_alternates(built_site)
    assert pairs[f"{SITE_BASE}fr/partenaires/"] == f"{SITE_BASE}en/partners/"
    assert pairs[f"{SITE_BASE}fr/chiffres-cles/"] == f"{SITE_BASE}en/facts/"


def test_sitemap_carries_the_same_alternates(built_site: Path) -> None:
    check_sitemap(built_site)


def test_search_index_per_language(built_site: Path) -> None:
    check_search_indexes(built_site)


def test_navigation_holds_only_its_own_language(built_site: Path) -> None:
    for lang in ("fr", "en"):
        other = "en" if lang == "fr" else "fr"
        for page in content_pages(built_site, lang):
            tree = lxml_html.parse(str(page))
            for link in tree.xpath('//nav[contains(@class,"md-nav--primary")]//a[@href]'):
                href = link.get("href")
                assert f"/{other}/" not in href and not href.startswith(f"{other}/"), f"{page}: nav links to {href}"


def test_root_offers_both_languages_without_redirect(built_site: Path) -> None:
    tree = lxml_html.parse(str(built_site / "index.html"))
    assert not tree.xpath('//meta[@http-equiv="refresh"]')
    links = {a.get("hreflang"): urljoin(f"{SITE_BASE}", a.get("href"))
             for a in tree.xpath('//main//a[@hreflang]')}
    assert links == {"fr": f"{SITE_BASE}fr/", "en": f"{SITE_BASE}en/"}


def test_each_language_has_its_404(built_site: Path) -> None:
    fr = lxml_html.parse(str(built_site / "fr" / "404.html"))
    en = lxml_html.parse(str(built_site / "en" / "404.html"))
    assert fr.getroot().get("lang") == "fr" and "Page introuvable" in fr.findtext(".//h1")
    assert en.getroot().get("lang") == "en" and "Page not found" in en.findtext(".//h1")
    # Served at any depth, so its links are absolute.
    assert all(h.startswith("/") for h in fr.xpath('//link[@rel="stylesheet"]/@href'))


def test_pages_show_figures_from_content(built_site: Path, assembly: SiteAssembly) -> None:
    """The home page shows its key figures as content/ gives them; the partners page every partner."""
    for lang in ("fr", "en"):
        language = assembly.languages[lang]
        home = html.unescape((built_site / assembly.structure.get("home", lang).url / "index.html").read_text(encoding="utf-8"))
        for figure_id in HOME_FIGURES:
            assert language.fmt.typography(language.figure_text(figure_id) or "?") in home, (lang, figure_id)
        partners = html.unescape(
            (built_site / assembly.structure.get("partners", lang).url / "index.html").read_text(encoding="utf-8"))
        for partner in assembly.content.partners:
            assert language.fmt.typography(partner.name) in partners, (lang, partner.name)


def test_missing_prose_translation_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "about.md").unlink()
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/en/about.md: missing" in output and "docs/fr/a-propos.md" in output
    assert "Traceback" not in output


def test_missing_catalog_entry_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "locales" / "fr" / "LC_MESSAGES" / "site.po"
    text = po.read_text(encoding="utf-8")
    entry = 'msgid "Page not found"\nmsgstr "Page introuvable"\n'
    assert entry in text
    po.write_text(text.replace(entry, ""), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "locales/fr/LC_MESSAGES/site.po" in output and "'Page not found'" in output
    assert "Traceback" not in output


def test_fuzzy_translation_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "locales" / "fr" / "LC_MESSAGES" / "pages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Website"', '#, fuzzy\nmsgid "Website"', 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'Website' is marked fuzzy" in result.stdout + result.stderr


def test_broken_content_fails_mkdocs_build_cleanly(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    timeline = project / "content" / "timeline.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("date: 2025-05-19", "date: 2025-02-30"), encoding="utf-8")
    partners = project / "content" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("website: https://www.edf.fr", "website: edf"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/timeline.yml:" in output and "content/partners.yml:" in output
    assert "'edf' is not a URL" in output
    assert "Traceback" not in output


def test_unknown_figure_in_prose_is_located(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "Capacity: {{ fact:site-powr }}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/en/about.md:3:11: unknown figure 'site-powr'" in output
    assert "Traceback" not in output


def test_properdocs_builds_the_same_bilingual_site(tmp_path: Path) -> None:
    result = build(REPO_ROOT, tmp_path / "site", command="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    check_pairs_and_alternates(site)
    check_sitemap(site)
    check_search_indexes(site)
