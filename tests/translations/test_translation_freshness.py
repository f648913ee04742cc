"""A translated page records its source's hash: a changed source is named, noticed and listed until marked."""

from __future__ import annotations

import html
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest

from campus_ia.content.validation import load_content
from campus_ia.site.assembly import SiteAssembly
from campus_ia.pages.structure import SiteStructure
from campus_ia.translations import page_pairs
from campus_ia.translations.notice import NOTICE_TITLE
from tests.support.build import build, copy_project
from tests.support import REPO_ROOT

CLI = Path(sys.executable).parent / "campus-ia"


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), "--root", str(project), *args], capture_output=True, text=True,
                          cwd=project, timeout=120, check=False)


def _pairs(project: Path):
    return page_pairs(SiteStructure(load_content(project / "content").site), project / "docs")


def test_the_shipped_translations_are_all_up_to_date() -> None:
    pairs = _pairs(REPO_ROOT)
    assert pairs and {pair.state for pair in pairs} == {"current"}, [p.describe() for p in pairs]


@pytest.mark.slow
def test_an_edited_french_page_makes_its_english_page_stale_until_marked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pair = next(p for p in _pairs(project) if p.source.startswith("fr/") and p.page_id != "home")
    source, translation = project / "docs" / pair.source, project / "docs" / pair.translation
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée en français seulement.\n",
                      encoding="utf-8")
    assembly = SiteAssembly.load(project / "content", project / "locales", root=project)
    structure = assembly.structure
    page = structure.by_src(pair.translation)
    french = structure.get(pair.page_id, "fr")
    notice = html.escape(assembly.languages[page.lang].gettext(NOTICE_TITLE), quote=False)
    link = f'href="{posixpath.relpath(french.url, page.url)}/"'

    # The build names the stale page (a warning: the strict build still passes)...
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert f"docs/{pair.translation}: STALE" in result.stderr
    # ... the page shows the notice in its own language, linking to the French page ...
    built = (site / page.url / "index.html").read_text(encoding="utf-8")
    assert notice in built and link in built
    assert notice not in (site / french.url / "index.html").read_text(encoding="utf-8")
    # ... `campus-ia i18n status` says so, and fails in strict mode, as the build does when asked.
    status = _cli(project, "i18n", "status")
    assert re.search(rf"^docs/{re.escape(pair.translation)}: STALE", status.stdout, re.M), status.stdout
    assert _cli(project, "i18n", "status", "--strict").returncode == 1
    failing = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", str(tmp_path / "ci-site")],
        cwd=project, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CAMPUS_IA_STALE_TRANSLATIONS": "fail"},
    )
    assert failing.returncode != 0 and f"docs/{pair.translation}: STALE" in failing.stderr

    # One command marks the translation up to date: all three clear.
    marked = _cli(project, "i18n", "mark-current", f"docs/{pair.translation}")
    assert marked.returncode == 0, marked.stderr
    status = _cli(project, "i18n", "status", "--strict")
    assert status.returncode == 0 and "STALE" not in status.stdout
    assert re.search(rf"^docs/{re.escape(pair.translation)}: up to date", status.stdout, re.M)
    result = build(project, tmp_path / "site-again")
    assert result.returncode == 0 and "STALE" not in result.stderr
    assert notice not in (tmp_path / "site-again" / page.url / "index.html").read_text(encoding="utf-8")
    assert translation.read_text(encoding="utf-8").startswith("---\ntranslated_from: sha256:")
