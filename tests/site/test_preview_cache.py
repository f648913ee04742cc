"""Preview images kept between builds: found again by their texts, drawn afresh when anything changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from campus_ia.sharing import preview_cache
from campus_ia.sharing.preview_cache import PreviewCache
from campus_ia.sharing.preview_image import preview_png

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
