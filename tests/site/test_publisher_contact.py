"""Who publishes the site and how to reach them: optional settings, validated, never guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from campus_ia.content import ContentError, load_content
from tests.support import REPO_ROOT
from tests.support.build import build, copy_project

def _about_pages(content) -> dict[str, str]:  # noqa: ANN001
    entry = next(p for p in content.site.pages if p.id == "about")
    return {lang: f"{lang}/{entry.slug[lang]}/index.html" for lang in ("fr", "en")}


def _set_publisher(content_dir: Path, block: str) -> int:
    """Append a ``publisher:`` block to site.yml; return the line of its first field."""
    path = content_dir / "site.yml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = text.count("\n") + 2
    path.write_text(text + "publisher:\n" + block, encoding="utf-8")
    return line


def test_the_shipped_contact_line_says_only_what_is_set(built_site: Path) -> None:
    content = load_content(REPO_ROOT / "content")
    email = content.site.publisher.email
    for path in _about_pages(content).values():
        html = (built_site / path).read_text(encoding="utf-8")
        # Unset, nothing placeholder-like: no mail link, no marker left behind.
        assert ("mailto:" in html) == (email is not None)
        assert "{{" not in html and "site:contact" not in html


def test_set_publisher_is_shown_on_the_about_and_home_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _set_publisher(project / "content", (
        "  name: {fr: Association Données publiques, en: Association Données publiques}\n"
        "  email: redaction@donnees-publiques.fr\n"
        "  independent: true\n"
    ))
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    content = load_content(project / "content")
    for lang, path in _about_pages(content).items():
        root = lxml_html.parse(str(site / path)).getroot()
        [link] = root.xpath('//article//a[starts-with(@href, "mailto:")]')
        assert link.get("href") == f"mailto:{content.site.publisher.email}"
        assert content.site.publisher.name[lang] in root.text_content()
        home = lxml_html.parse(str(site / lang / "index.html")).getroot()
        assert home.xpath('//article//a[starts-with(@href, "mailto:")]')


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "redaction-at-donnees.fr", "is not an e-mail address"),
    ("contact_url", "http://donnees-publiques.fr/contact", "is not a URL (expected https://...)"),
])
def test_bad_contact_is_a_located_error(tmp_path: Path, field: str, value: str, message: str) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content_dir)
    line = _set_publisher(content_dir, f"  {field}: {value}\n")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"content/site.yml:{line}:{len(field) + 5}: publisher.{field}: ")
    assert message in problem
