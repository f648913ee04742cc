"""Preview images kept between builds: found again by their texts, drawn afresh when anything changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from campus_ia.sharing import PREVIEW_CACHE_FOLDER, preview_cache, preview_image_path
from campus_ia.sharing.preview_cache import PreviewCache
from campus_ia.sharing.preview_image import preview_png
from tests.support.build import build, copy_project

TEXTS = ("Site", "A page", "What the page says.", "Footer")


def _never_draw(*texts: str) -> bytes:
    raise AssertionError(f"drawn again: {texts}")


def test_a_later_process_reads_the_image_instead_of_drawing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = PreviewCache()
    first.keep_in(tmp_path / "previews")
    drawn = first.png(*TEXTS)
    assert drawn == preview_png(*TEXTS)
    assert len(list((tmp_path / "previews").glob("*.png"))) == 1
    monkeypatch.setattr(preview_cache, "preview_png", _never_draw)
    later = PreviewCache()
    later.keep_in(tmp_path / "previews")
    assert later.png(*TEXTS) == drawn


def test_other_texts_make_another_image(tmp_path: Path) -> None:
    cache = PreviewCache()
    cache.keep_in(tmp_path)
    assert cache.png(*TEXTS) != cache.png("Site", "Another page", "What the page says.", "Footer")
    assert len(list(tmp_path.glob("*.png"))) == 2


def test_a_damaged_or_deleted_cache_is_drawn_again(tmp_path: Path) -> None:
    cache = PreviewCache()
    cache.keep_in(tmp_path / "previews")
    good = cache.png(*TEXTS)
    [entry] = (tmp_path / "previews").glob("*.png")
    entry.write_bytes(b"not a png")
    fresh = PreviewCache()
    fresh.keep_in(tmp_path / "previews")
    assert fresh.png(*TEXTS) == good
    entry.unlink()
    (tmp_path / "previews").rmdir()
    again = PreviewCache()
    again.keep_in(tmp_path / "previews")
    assert again.png(*TEXTS) == good and entry.exists()


def test_a_kept_image_is_named_by_its_file_and_memory_only_gives_the_bytes(tmp_path: Path) -> None:
    cache = PreviewCache()
    assert cache.kept_file(*TEXTS) == preview_png(*TEXTS)  # no folder: the image itself
    cache.keep_in(tmp_path)
    kept = cache.kept_file(*TEXTS)
    assert isinstance(kept, Path) and kept.parent == tmp_path and kept.read_bytes() == preview_png(*TEXTS)
    kept.unlink()  # deleted since it was drawn: written again from memory
    assert cache.kept_file(*TEXTS) == kept and kept.read_bytes() == preview_png(*TEXTS)


def test_a_built_sites_preview_images_are_the_kept_files_placed_not_written(tmp_path: Path) -> None:
    """A build puts each kept preview in the site as a second name of the kept file."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    for _ in range(2):  # the first build keeps them, if the copied project had none
        done = build(project, site)
        assert done.returncode == 0, done.stderr[-3000:]
    image = site / preview_image_path("en", "home")
    kept = {entry.stat().st_ino: entry.path for entry in os.scandir(project / PREVIEW_CACHE_FOLDER)}
    assert image.stat().st_ino in kept and image.stat().st_nlink >= 2
    assert image.read_bytes().startswith(b"\x89PNG") and oct(image.stat().st_mode & 0o777) == "0o644"
