"""Preview images kept between builds, as Material's social plugin keeps its cards.

Drawing and compressing a 1200 x 630 PNG costs tens of milliseconds; a site of hundreds
of pages would pay that on every build for images that only change with a page's title
or description. :class:`PreviewCache` keeps each image in memory (the rebuilds of one
``mkdocs serve``) and in a folder of the project (:data:`PREVIEW_CACHE_FOLDER`, where
Material keeps its plugins' caches too) for the next process.

An image is found by its four texts and by the drawing itself: the source of
``preview_image.py``, the fonts and Pillow's version. Change any and every image is
drawn afresh. The folder holds nothing else and may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path, PurePosixPath

import PIL

from . import preview_image
from .preview_image import FONTS, preview_png

log = logging.getLogger("mkdocs.plugins.campus_ia.preview_cache")

PREVIEW_CACHE_FOLDER = PurePosixPath(".cache/plugin/campus-ia/previews")
"""Where, under the project's folder, preview images are kept."""


class PreviewCache:
    """Memory first, then (if any) a folder shared with later processes."""

    def __init__(self) -> None:
        self._memory: dict[str, bytes] = {}
        self._folder: Path | None = None

    def keep_in(self, folder: Path | None) -> None:
        """Keep images in ``folder`` too (made when first needed); None: memory only."""
        self._folder = Path(folder) if folder is not None else None

    def png(self, site_title: str, page_title: str, description: str, footer: str) -> bytes:
        """:func:`preview_png` of the four texts, drawn only if no build drew it before."""
        key = hashlib.sha256("\0".join((_drawing(), site_title, page_title, description, footer)).encode()).hexdigest()
        data = self._memory.get(key)
        if data is None:
            data = self._read(key)
        if data is None:
            data = preview_png(site_title, page_title, description, footer)
            self._write(key, data)
        self._memory[key] = data
        return data

    def _read(self, key: str) -> bytes | None:
        if self._folder is None:
            return None
        try:
            data = (self._folder / f"{key}.png").read_bytes()
        except OSError:
            return None
        return data if data.startswith(b"\x89PNG\r\n\x1a\n") else None  # a damaged entry is drawn again

    def _write(self, key: str, data: bytes) -> None:
        if self._folder is None:
            return
        try:
            # Made here, not once: someone may have deleted the folder since the last image.
            self._folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self._folder / f"{key}.png")  # whole or absent, never half written
        except OSError as exc:  # a full or read-only disk: keep working from memory
            log.debug("Cannot keep preview images in %s: %s", self._folder, exc)
            self._folder = None


@lru_cache(maxsize=None)
def _drawing() -> str:
    """What the images depend on besides their texts: the drawing code, the fonts, Pillow."""
    digest = hashlib.sha256(PIL.__version__.encode())
    digest.update(Path(preview_image.__file__).read_bytes())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def kept_previews() -> PreviewCache:
    """The process's preview images (memory only until a folder is named with ``keep_in``)."""
    return PreviewCache()
