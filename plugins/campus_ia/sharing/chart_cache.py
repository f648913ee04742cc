"""Chart PNGs kept between builds (:mod:`.image_cache`).

Drawing the capacity page's four charts at print resolution took most of a rebuild of
the shipped site; a chart is found again by its SVG and scale, and by the drawing
(``chart_png.py``, the fonts, Pillow's version).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from . import chart_png as drawing
from .image_cache import CACHE_ROOT, ImageCache

CHART_CACHE_FOLDER = CACHE_ROOT / "charts"
"""Where, under the project's folder, chart images are kept."""


@lru_cache(maxsize=None)
def kept_charts() -> ImageCache:
    """The process's chart images (memory only until a folder is named with ``keep_in``)."""
    return ImageCache(lambda svg, scale: drawing.chart_png(svg, scale=float(scale)), drawing)


def cached_chart_pngs(svgs: Sequence[str], *, scale: float) -> list[bytes]:
    """:func:`~.chart_png.chart_png` of each SVG, drawn only if no build drew it before
    (those that are, side by side)."""
    return kept_charts().pngs([(svg, repr(scale)) for svg in svgs])
