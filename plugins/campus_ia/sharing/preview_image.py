"""Social preview images (``og:image``): one 1200 x 630 PNG per page and language.

Drawn at build time with Pillow and the DejaVu Sans fonts shipped in ``fonts/`` (their
licence is beside them), so nothing is fetched and every build draws the same pixels.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PREVIEW_SIZE = (1200, 630)
"""Open Graph's recommended size, which every major network crops well."""

FONTS = Path(__file__).resolve().parent / "fonts"
_BACKGROUND = (26, 58, 107)  # the site's primary colour (#1a3a6b), white text at 11.3:1
_ACCENT = (255, 191, 71)  # the focus-ring amber, 6.9:1 on the background
_TEXT = (255, 255, 255)
_MUTED = (214, 224, 240)
_MARGIN = 72


def preview_image_path(lang: str, page_id: str) -> str:
    """Where a page's preview image is written in the site (``assets/previews/fr/facts.png``)."""
    return f"assets/previews/{lang}/{page_id}.png"


@lru_cache(maxsize=None)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy line breaking by words; the last line ends with an ellipsis when text is left over."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words and lines:
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def preview_png(site_title: str, page_title: str, description: str, footer: str) -> bytes:
    """A 1200 x 630 PNG: the site's name, the page's title large, its description and a footer line.

    A pure function of its four texts: builds keep the result (``preview_cache.py``).
    """
    image = Image.new("RGB", PREVIEW_SIZE, _BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = PREVIEW_SIZE[0] - 2 * _MARGIN
    draw.rectangle((0, 0, 16, PREVIEW_SIZE[1]), fill=_ACCENT)
    draw.text((_MARGIN, 60), site_title, font=_font(True, 34), fill=_ACCENT)
    y = 140
    title_font = _font(True, 68 if len(page_title) < 40 else 54)
    for line in _wrap(draw, page_title, title_font, width, 2):
        draw.text((_MARGIN, y), line, font=title_font, fill=_TEXT)
        y += int(title_font.size * 1.2)
    y += 24
    body = _font(False, 32)
    for line in _wrap(draw, description, body, width, 5):
        draw.text((_MARGIN, y), line, font=body, fill=_MUTED)
        y += 44
    draw.text((_MARGIN, PREVIEW_SIZE[1] - 70), footer, font=_font(False, 26), fill=_MUTED)
    out = io.BytesIO()
    # Pillow's default compression: optimize=True made the files 4 % smaller for three times the CPU.
    image.save(out, format="PNG")
    return out.getvalue()
