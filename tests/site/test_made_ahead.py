"""A content edit's pages and downloads made ahead of the rebuild, which then finds them made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from campus_ia.site import assembly as site_assembly
from campus_ia.site import derived_cache
from campus_ia.site.assembly import SiteAssembly
from campus_ia.site.derived_cache import DERIVED_CACHE_FOLDER
from campus_ia.site.made_ahead import make_ahead
from tests.support.build import copy_project


@pytest.fixture(autouse=True)
def _a_new_process() -> None:
    derived_cache._MEMORY.clear()
    site_assembly._LAST_LOADED.clear()


def test_the_rebuild_finds_what_was_made_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(tmp_path / "project")
    kept, today = project / DERIVED_CACHE_FOLDER, dt.date.today()
    folders = (project / "content", project / "locales")
    assert make_ahead(lambda: SiteAssembly.load(*folders, root=project, keep_derived_in=kept), today=today)
    reference = SiteAssembly.load(*folders, root=project)  # made here, nothing kept

    def not_again(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("made again by the rebuild")

    monkeypatch.setattr(SiteAssembly, "_make_downloads", not_again)
    monkeypatch.setattr(SiteAssembly, "generated_markdown", not_again)
    rebuild = SiteAssembly.load(*folders, root=project, keep_derived_in=kept)
    found_pages, found_downloads = rebuild.generated_sources(today), rebuild.downloads()
    monkeypatch.undo()
    assert found_pages == reference.generated_sources(today)
    assert found_downloads == reference.downloads()


def test_content_that_does_not_load_is_left_to_the_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", warm_cache=False)
    campus = project / "content" / "campus.yml"
    campus.write_text(campus.read_text(encoding="utf-8")[:-40] + "\n  - [unclosed\n", encoding="utf-8")  # half saved
    assert not make_ahead(lambda: SiteAssembly.load(project / "content", project / "locales", root=project,
                                                    keep_derived_in=project / DERIVED_CACHE_FOLDER))
    assert not (project / DERIVED_CACHE_FOLDER).exists()
