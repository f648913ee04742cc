"""Pages in French typography kept between builds: read back only for the very same page."""

from __future__ import annotations

from pathlib import Path

import pytest

from campus_ia.formatting.html_typography import french_html
from campus_ia.site import kept_typography
from campus_ia.site.kept_typography import KeptTypography

PAGE = '<html lang="fr"><body><p>Une question : pourquoi « ceci » ? L\'IA !</p></body></html>'


def test_a_later_build_reads_the_page_back_instead_of_walking_it(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    first = KeptTypography(tmp_path)
    done = first.page(PAGE, "fr")
    assert done == french_html(PAGE, "fr") and done != PAGE
    first.forget_the_rest()
    monkeypatch.setattr(kept_typography, "french_html", lambda html, lang: pytest.fail("walked again"))
    assert KeptTypography(tmp_path).page(PAGE, "fr") == done


def test_another_page_or_language_is_walked_and_the_unused_are_forgotten(tmp_path: Path) -> None:
    cache = KeptTypography(tmp_path)
    cache.page(PAGE, "fr")
    cache.forget_the_rest()
    later = KeptTypography(tmp_path)
    other = PAGE.replace("ceci", "cela")
    assert later.page(other, "fr") == french_html(other, "fr")
    assert later.page(PAGE, "en") == french_html(PAGE, "en")  # its own entry: an English page's outside text
    later.forget_the_rest()
    assert len(list(tmp_path.iterdir())) == 2  # the first build's page, unused, is gone


def test_a_damaged_entry_or_an_unwritable_folder_still_gives_the_page(tmp_path: Path) -> None:
    cache = KeptTypography(tmp_path)
    cache.page(PAGE, "fr")
    for entry in tmp_path.iterdir():
        entry.write_bytes(b"\xff\xfe not UTF-8")
    assert KeptTypography(tmp_path).page(PAGE, "fr") == french_html(PAGE, "fr")
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert KeptTypography(blocked / "typography").page(PAGE, "fr") == french_html(PAGE, "fr")
