"""Chart PNGs kept between builds: found again by their SVG, drawn afresh when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from campus_ia.sharing import chart_png as drawing
from campus_ia.sharing.chart_png import chart_png
from campus_ia.sharing.image_cache import ImageCache

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
       '<rect x="1" y="1" width="{w}" height="10" fill="#336699"/></svg>')


def _cache(folder: Path) -> ImageCache:
    cache = ImageCache(lambda svg, scale: drawing.chart_png(svg, scale=float(scale)), drawing)
    cache.keep_in(folder)
    return cache


def test_a_later_process_reads_the_chart_instead_of_drawing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svg = SVG.format(w=20)
    drawn = _cache(tmp_path / "charts").png(svg, "2")
    assert drawn == chart_png(svg, scale=2)
    assert len(list((tmp_path / "charts").glob("*.png"))) == 1

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("drawn again")

    monkeypatch.setattr(drawing, "chart_png", never)
    assert _cache(tmp_path / "charts").png(svg, "2") == drawn


def test_another_svg_or_scale_is_drawn_afresh(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    first = cache.png(SVG.format(w=20), "2")
    assert cache.png(SVG.format(w=30), "2") != first
    assert cache.png(SVG.format(w=20), "3") != first
    assert len(list(tmp_path.glob("*.png"))) == 3

