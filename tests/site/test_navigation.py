"""Navigation: sections from content/site.yml, pruned to the page's own section, and the
entries reused across pages giving exactly Material's HTML."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest

from tests.support import REPO_ROOT
from tests.support.build import build, copy_project

THEME = REPO_ROOT / "plugins" / "campus_ia" / "theme"
MATERIAL = Path(material.__file__).resolve().parent / "templates"


@pytest.mark.parametrize(
    ("name", "changed"),
    [
        ("partials/nav.html", "{{ campus_nav_item(nav_item, path, 1, item.render) }}"),
        ("partials/nav-item.html", '{{ campus_nav_item(item, path ~ "_" ~ loop.index, level + 1, render, nav_item) }}'),
    ],
)
def test_our_navigation_templates_are_materials_but_one_line(name: str, changed: str) -> None:
    """If Material changes these templates, our copies must be brought up to date."""
    ours = (THEME / name).read_text(encoding="utf-8").splitlines()
    theirs = (MATERIAL / name).read_text(encoding="utf-8").splitlines()
    body = lambda lines: lines[lines.index("-#}") + 1:]  # noqa: E731 - after the header comment
    diff = [line for line in difflib.unified_diff(body(theirs), body(ours), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(diff) == 2, diff
    assert diff[0].startswith("-") and diff[1].startswith("+"), diff
    assert diff[1][1:].strip() == changed


SECTION = "sections:\n  - id: reading\n    title: {fr: Pour aller plus loin, en: Further reading}\npages:\n"


def _sectioned_project(root: Path, reuse: bool) -> Path:
    project = copy_project(root)
    site = project / "content" / "site.yml"
    text = site.read_text(encoding="utf-8").replace("pages:\n", SECTION, 1)
    for page in ("about", "accessibility"):
        text = text.replace(f"  - id: {page}\n", f"  - id: {page}\n    section: reading\n", 1)
    site.write_text(text, encoding="utf-8")
    if not reuse:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  - campus-ia\n", "  - campus-ia:\n      reuse_navigation: false\n", 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def sectioned_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[bool | str, Path]:
    """The sectioned project built with navigation reuse (True), without (False), and by ProperDocs."""
    sites: dict[bool | str, Path] = {}
    for key, reuse, command in ((True, True, "mkdocs"), (False, False, "mkdocs"), ("properdocs", True, "properdocs")):
        root = tmp_path_factory.mktemp(f"sectioned-{key}")
        result = build(_sectioned_project(root / "project", reuse), root / "site", command=command)
        assert result.returncode == 0, result.stderr
        sites[key] = root / "site"
    return sites


def _nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


@pytest.mark.slow
@pytest.mark.parametrize("other", [False, "properdocs"], ids=["navigation-rendered-on-every-page", "properdocs"])
def test_the_same_site_comes_out_byte_for_byte(sectioned_sites: dict[bool | str, Path], other: bool | str) -> None:
    """Reused navigation gives Material's own HTML, and ProperDocs builds the very same site."""
    reused, rendered = sectioned_sites[True], sectioned_sites[other]
    pages = sorted(p.relative_to(rendered) for p in rendered.rglob("*.html"))
    assert len(pages) > 20 and pages == sorted(p.relative_to(reused) for p in reused.rglob("*.html"))
    different = [str(p) for p in pages if (reused / p).read_bytes() != (rendered / p).read_bytes()]
    assert different == []


@pytest.mark.slow
def test_a_section_groups_its_pages_and_other_pages_carry_only_its_first_link(
    sectioned_sites: dict[bool | str, Path],
) -> None:
    site = sectioned_sites[True]
    about = _nav((site / "en" / "about" / "index.html").read_text(encoding="utf-8"))
    # On a page of the section: the section is open and lists both of its pages.
    assert re.search(r'md-nav__item--active md-nav__item--nested">\s*<input[^>]*checked', about)
    assert "Further reading" in about
    assert 'href="../accessibility/"' in about and 'md-nav__link--active' in about

    home = _nav((site / "en" / "index.html").read_text(encoding="utf-8"))
    # Elsewhere: one link to the section's first page, not its list (navigation.prune).
    assert "md-nav__item--pruned" in home and "Further reading" in home
    assert 'href="about/"' in home
    assert 'href="accessibility/"' not in home

    french = _nav((site / "fr" / "a-propos" / "index.html").read_text(encoding="utf-8"))
    assert "Pour aller plus loin" in french and "Further reading" not in french


@pytest.mark.slow
def test_previous_and_next_follow_the_sections(sectioned_sites: dict[bool | str, Path]) -> None:
    html = (sectioned_sites[True] / "en" / "about" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<nav class="md-footer__inner'):]
    assert re.search(r'<a href="\.\./accessibility/" class="md-footer__link md-footer__link--next"', footer)
    previous = (sectioned_sites[True] / "en" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./about/" class="md-footer__link md-footer__link--prev"', previous)


class _Item:
    def __init__(self, url: str | None, children: list | None = None, active: bool = False) -> None:
        self.url, self.children, self.active = url, children, active


def test_an_entry_is_rendered_once_per_folder_unless_the_page_lies_within_it() -> None:
    from markupsafe import Markup

    from campus_ia.mkdocs_plugin.nav_cache import NavigationCache

    cache = NavigationCache()
    calls: list[tuple[str, str]] = []

    def show(item: _Item, page_url: str) -> str:
        def render(nav_item, path, level):  # noqa: ANN001, ANN202
            calls.append((nav_item.url or "section", page_url))
            return Markup(f"<li>{nav_item.url}</li>")

        return cache.render({"page": _Item(page_url)}, item, "__nav_1", 1, render)

    other = _Item("en/facts/")
    for page in ("en/about/", "en/partners/", "en/sources/"):
        assert show(other, page) == "<li>en/facts/</li>"
    assert calls == [("en/facts/", "en/about/")]  # once for every page in en/

    show(other, "fr/a-propos/")  # another folder: rendered for it
    show(_Item("en/facts/", active=True), "en/facts/")  # the page's own entry: always rendered
    show(_Item("en/about/team/"), "en/about/")  # an address under the page's folder
    show(_Item("en/about/team/"), "en/about/")
    assert calls[1:] == [("en/facts/", "fr/a-propos/"), ("en/facts/", "en/facts/"),
                         ("en/about/team/", "en/about/"), ("en/about/team/", "en/about/")]

    cache.reset(enabled=False)
    show(other, "en/about/")
    show(other, "en/about/")
    assert calls[-2:] == [("en/facts/", "en/about/")] * 2
