"""The PNG edition of a standalone chart: its SVG drawn with Pillow and the shipped DejaVu fonts.

The charts are simple (``campus_ia.capacity.charts``): text lines, rectangles and whiskers
made of straight segments, with colours as presentation attributes. This module draws
exactly that vocabulary, so the PNG needs no SVG renderer, no system library and no font
from the machine, and every build draws the same pixels. Anything else in the SVG (a curve,
a gradient, a new element) is refused with ``UnsupportedSvg`` rather than drawn wrongly.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace

from PIL import Image, ImageColor, ImageDraw

from .preview_image import _font

_SVG = "{http://www.w3.org/2000/svg}"
_SKIPPED = frozenset({"title", "desc"})
_PATH_COMMAND = re.compile(r"([MHV])\s*([-\d.]+)(?:[\s,]+([-\d.]+))?")


class UnsupportedSvg(ValueError):
    """The SVG holds something this drawer does not draw."""


@dataclass(frozen=True)
class _Style:
    """What an element inherits from its parents (SVG's inherited presentation attributes)."""

    fill: str = "#000000"
    color: str = "#000000"
    font_size: float = 16
    bold: bool = False


def _inherit(style: _Style, element: ET.Element) -> _Style:
    get = element.get
    color = get("color", style.color)
    fill = get("fill", style.fill)
    return replace(
        style,
        color=color,
        fill=color if fill == "currentColor" else fill,
        font_size=float(get("font-size", style.font_size)),
        bold=get("font-weight", "700" if style.bold else "400") in ("700", "bold"),
    )


def _rgba(colour: str, opacity: float = 1.0) -> tuple[int, int, int, int]:
    red, green, blue = ImageColor.getrgb(colour)[:3]
    return red, green, blue, round(255 * opacity)


def _segments(d: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path made of M, H and V commands (the whiskers)."""
    segments = []
    x = y = 0.0
    consumed = 0
    for match in _PATH_COMMAND.finditer(d):
        if d[consumed:match.start()].strip():
            raise UnsupportedSvg(f"path command not drawn: {d[consumed:match.start()]!r}")
        consumed = match.end()
        command, first, second = match.groups()
        if command == "M":
            if second is None:
                raise UnsupportedSvg(f"M needs two numbers: {d!r}")
            x, y = float(first), float(second)
        elif command == "H":
            segments.append(((x, y), (float(first), y)))
            x = float(first)
        else:
            segments.append(((x, y), (x, float(first))))
            y = float(first)
    if d[consumed:].strip():
        raise UnsupportedSvg(f"path command not drawn: {d[consumed:]!r}")
    return segments


class _Drawer:
    def __init__(self, width: float, height: float, scale: float) -> None:
        self.scale = scale
        self.image = Image.new("RGBA", (round(width * scale), round(height * scale)), (255, 255, 255, 255))

    def element(self, element: ET.Element, style: _Style) -> None:
        tag = element.tag.removeprefix(_SVG)
        if tag in _SKIPPED:
            return
        style = _inherit(style, element)
        if tag in ("svg", "g"):
            for child in element:
                self.element(child, style)
        elif tag == "rect":
            self.rect(element, style)
        elif tag == "path":
            self.path(element, style)
        elif tag == "text":
            self.text(element, style)
        else:
            raise UnsupportedSvg(f"<{tag}> is not drawn")

    def rect(self, element: ET.Element, style: _Style) -> None:
        s = self.scale
        x, y = float(element.get("x", 0)) * s, float(element.get("y", 0)) * s
        width, height = float(element.get("width", 0)) * s, float(element.get("height", 0)) * s
        if width <= 0 or height <= 0:
            return
        colour = _rgba(style.fill, float(element.get("fill-opacity", 1)))
        if colour[3] == 255:  # opaque: what compositing would give, drawn straight onto the image
            ImageDraw.Draw(self.image).rectangle((x, y, x + width - 1, y + height - 1), fill=colour)
            return
        # Translucent: drawn on a layer the size of the rectangle (with a margin), composited
        # at whole-pixel offsets, so every pixel lands where a full-size layer would put it.
        left, top = max(0, math.floor(x) - 1), max(0, math.floor(y) - 1)
        right = min(self.image.width, math.ceil(x + width) + 1)
        bottom = min(self.image.height, math.ceil(y + height) + 1)
        if right <= left or bottom <= top:
            return
        layer = Image.new("RGBA", (right - left, bottom - top), (0, 0, 0, 0))
        ImageDraw.Draw(layer).rectangle(
            (x - left, y - top, x - left + width - 1, y - top + height - 1), fill=colour)
        self.image.alpha_composite(layer, dest=(left, top))

    def path(self, element: ET.Element, style: _Style) -> None:
        stroke = element.get("stroke")
        if stroke is None or stroke == "none":
            raise UnsupportedSvg("only stroked paths are drawn")
        colour = _rgba(style.color if stroke == "currentColor" else stroke)
        width = max(1, round(float(element.get("stroke-width", 1)) * self.scale))
        draw = ImageDraw.Draw(self.image)
        for (x1, y1), (x2, y2) in _segments(element.get("d", "")):
            s = self.scale
            draw.line(((x1 * s, y1 * s), (x2 * s, y2 * s)), fill=colour, width=width)

    def text(self, element: ET.Element, style: _Style) -> None:
        draw = ImageDraw.Draw(self.image)
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        font = _font(style.bold, round(style.font_size * self.scale))
        lines = list(element) or [element]
        for line in lines:
            if line is not element and line.tag.removeprefix(_SVG) != "tspan":
                raise UnsupportedSvg(f"<{line.tag.removeprefix(_SVG)}> inside <text> is not drawn")
            x = float(line.get("x", x))
            y += float(line.get("dy", 0))
            draw.text((x * self.scale, y * self.scale), line.text or "", font=font,
                      fill=_rgba(style.fill), anchor="ls")


def chart_png(svg: str, *, scale: float = 3) -> bytes:
    """``svg`` (a standalone chart) drawn as a PNG, ``scale`` pixels per viewBox unit."""
    root = ET.fromstring(svg)
    view_box = root.get("viewBox")
    if root.tag != f"{_SVG}svg" or view_box is None:
        raise UnsupportedSvg("expected an <svg> with a viewBox")
    _x, _y, width, height = (float(n) for n in view_box.split())
    drawer = _Drawer(width, height, scale)
    drawer.element(root, _Style())
    buffer = io.BytesIO()
    # Pillow's default compression: optimize=True tripled the time for slightly smaller files.
    drawer.image.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()
