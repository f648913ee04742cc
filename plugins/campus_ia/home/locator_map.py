"""A locator map of metropolitan France as inline SVG, drawn at build time.

The outline is Natural Earth's (public domain), shipped in ``france-outline.json`` (see
``scripts/extract-france-outline``); nothing is fetched, no tile is used. The projection
is equirectangular, scaled by the cosine of France's middle latitude, which at this
scale is indistinguishable from a conformal projection and keeps the code obvious.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

OUTLINE = Path(__file__).resolve().parent / "france-outline.json"
"""Metropolitan France's rings of [longitude, latitude], from Natural Earth."""

WIDTH = 320
"""The map's width in SVG units; its height follows from France's shape."""

_MARGIN = 6


@dataclass(frozen=True)
class LocatorMap:
    """What the template draws: the outline as path data and the marker's position."""

    width: int
    height: int
    path: str
    x: float
    y: float


@lru_cache(maxsize=1)
def _rings() -> list[list[tuple[float, float]]]:
    data = json.loads(OUTLINE.read_text(encoding="utf-8"))
    return [[(float(lon), float(lat)) for lon, lat in ring] for ring in data["rings"]]


@lru_cache(maxsize=16)  # the same campus on every home block, language and rebuild
def locator_map(latitude: float, longitude: float) -> LocatorMap:
    """France's outline and a marker at (``latitude``, ``longitude``), in one SVG coordinate space."""
    rings = _rings()
    lons = [lon for ring in rings for lon, _ in ring]
    lats = [lat for ring in rings for _, lat in ring]
    west, north = min(lons), max(lats)
    squeeze = math.cos(math.radians((min(lats) + north) / 2))
    scale = (WIDTH - 2 * _MARGIN) / ((max(lons) - west) * squeeze)
    height = round((north - min(lats)) * scale + 2 * _MARGIN)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (_MARGIN + (lon - west) * squeeze * scale, _MARGIN + (north - lat) * scale)

    parts = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    x, y = project(longitude, latitude)
    return LocatorMap(WIDTH, height, "".join(parts), round(x, 1), round(y, 1))
