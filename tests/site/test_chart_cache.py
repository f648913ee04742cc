"""Chart PNGs kept between builds: found again by their SVG, drawn afresh when it changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from campus_ia.sharing import chart_png as drawing
from campus_ia.sharing.chart_png import chart_png
from campus_ia.sharing import image_cache
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



def test_several_charts_drawn_side_by_side_are_each_drawn_once_in_order(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    svgs = [SVG.format(w=w) for w in (10, 20, 30, 20)]
    drawn = cache.pngs([(svg, "2") for svg in svgs])
    assert drawn == [chart_png(svg, scale=2) for svg in svgs]
    assert len(list(tmp_path.glob("*.png"))) == 3


@pytest.mark.parametrize("x, y, width, opacity", [
    (1, 1, 20, "0.35"), (0.33, 2.5, 17.25, "0.5"), (-3, -2, 60, "0.35"), (38.6, 15.7, 3.3, "0.01"), (5, 4, 10, "1"),
])
def test_a_bar_is_drawn_as_a_layer_over_the_whole_image_would_draw_it(x: float, y: float, width: float,
                                                                        opacity: str) -> None:
    """Bars are composited over their own area only; the pixels are those of a whole-image layer."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
           '<rect x="0" y="0" width="40" height="20" fill="#ffffff"/>'
           '<rect x="2" y="3" width="30" height="4" fill="#c0392b"/>'
           f'<rect x="{x}" y="{y}" width="{width}" height="7.5" fill="#1a3a6b" fill-opacity="{opacity}"/></svg>')
    scale = 3
    expected = Image.new("RGBA", (40 * scale, 20 * scale), (255, 255, 255, 255))
    for rx, ry, rw, rh, colour in ((0, 0, 40, 20, (255, 255, 255, 255)), (2, 3, 30, 4, (192, 57, 43, 255)),
                                   (x, y, width, 7.5, (26, 58, 107, round(255 * float(opacity))))):
        layer = Image.new("RGBA", expected.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).rectangle((rx * scale, ry * scale, (rx + rw) * scale - 1, (ry + rh) * scale - 1),
                                        fill=colour)
        expected.alpha_composite(layer)
    with Image.open(io.BytesIO(chart_png(svg, scale=scale))) as drawn:
        assert drawn.convert("RGB").tobytes() == expected.convert("RGB").tobytes()


def test_memory_holds_a_bounded_number_of_images(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long `mkdocs serve` draws new charts at every edit of a figure: memory keeps the latest."""
    monkeypatch.setattr(image_cache, "MEMORY_IMAGES", 3)
    cache = _cache(tmp_path)
    svgs = [SVG.format(w=w) for w in range(1, 9)]
    assert cache.pngs([(svg, "1") for svg in svgs]) == [chart_png(svg, scale=1) for svg in svgs]
    assert len(cache._memory) == 3
    assert cache.png(svgs[0], "1") == chart_png(svgs[0], scale=1)  # forgotten in memory, read from the folder
