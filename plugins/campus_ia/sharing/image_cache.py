"""Drawn images kept between builds, as Material's social plugin keeps its cards.

Drawing and compressing a PNG costs tens to hundreds of milliseconds; a site would pay
that on every build (and every rebuild of ``mkdocs serve``) for images that change only
with their texts. An :class:`ImageCache` keeps each image in memory (the rebuilds of one
``mkdocs serve``) and in a folder of the project under :data:`CACHE_ROOT` (where
Material keeps its plugins' caches too) for the next process.

An image is found by its texts and by the drawing itself: the source of the module
that draws it, the shipped fonts and Pillow's version. Change any and every image is
drawn afresh. A folder holds nothing else and may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Callable, Sequence

import PIL

from ..content.project_files import write_whole

from .preview_image import FONTS

log = logging.getLogger("mkdocs.plugins.campus_ia.image_cache")

CACHE_ROOT = PurePosixPath(".cache/plugin/campus-ia")
"""Under the project's folder: where each kind of image has its own folder."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

MEMORY_IMAGES = 2048
"""At most this many images in memory (a site's previews and charts, twice over): each edit of
a figure during one ``mkdocs serve`` draws new charts, and the old ones are not needed again."""


class ImageCache:
    """Memory first, then (if any) a folder shared with later processes.

    ``draw`` makes the PNG from the texts; ``drawn_by`` is the module whose source, with
    the fonts and Pillow, decides what a drawing looks like.
    """

    def __init__(self, draw: Callable[..., bytes], drawn_by: ModuleType) -> None:
        self._draw = draw
        self._drawn_by = drawn_by
        self._drawing: str | None = None
        self._memory: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._folder: Path | None = None

    def keep_in(self, folder: Path | None) -> None:
        """Keep images in ``folder`` too (made when first needed); None: memory only."""
        self._folder = Path(folder) if folder is not None else None

    def png(self, *texts: str) -> bytes:
        """``draw(*texts)``, drawn only if no build drew it before."""
        return self._png(self._key(texts), texts)

    def _png(self, key: str, texts: Sequence[str]) -> bytes:
        data = self._memory.get(key)
        if data is None:
            data = self._read(key)
        if data is None:
            data = self._draw(*texts)
            self._write(key, data)
        with self._lock:  # threads draw charts side by side (pngs)
            self._memory[key] = data
            if len(self._memory) > MEMORY_IMAGES:  # a long `mkdocs serve`: the oldest image goes first
                del self._memory[next(iter(self._memory))]
        return data

    def kept_file(self, *texts: str) -> Path | bytes:
        """The file in the folder that holds ``png(*texts)`` (drawn and kept if none does), or
        the PNG itself when no folder keeps images."""
        key = self._key(texts)
        data = self._png(key, texts)
        if self._folder is None:
            return data
        path = self._folder / f"{key}.png"
        if not path.is_file():  # deleted since, or never written (a full disk)
            self._write(key, data)
            if self._folder is None or not path.is_file():
                return data
        return path

    def pngs(self, texts: Sequence[Sequence[str]]) -> list[bytes]:
        """``png(*t)`` for each ``t`` of ``texts``, the missing ones drawn side by side.

        Pillow leaves the interpreter's lock while it compresses a PNG, most of a
        drawing's time, so threads draw several images at once on several cores.
        """
        if len(texts) < 2:
            return [self.png(*t) for t in texts]
        with ThreadPoolExecutor(max_workers=min(len(texts), os.cpu_count() or 1)) as pool:
            return list(pool.map(lambda t: self.png(*t), texts))

    def _key(self, texts: Sequence[str]) -> str:
        return hashlib.sha256("\0".join((self._digest(), *texts)).encode()).hexdigest()

    def _digest(self) -> str:
        """What the images depend on besides their texts: the drawing code, the fonts, Pillow."""
        if self._drawing is None:
            digest = hashlib.sha256(PIL.__version__.encode())
            digest.update(Path(str(self._drawn_by.__file__)).read_bytes())
            for font in sorted(FONTS.glob("*.ttf")):
                digest.update(font.read_bytes())
            self._drawing = digest.hexdigest()
        return self._drawing

    def _read(self, key: str) -> bytes | None:
        if self._folder is None:
            return None
        try:
            data = (self._folder / f"{key}.png").read_bytes()
        except OSError:
            return None
        return data if data.startswith(PNG_SIGNATURE) else None  # a damaged entry is drawn again

    def _write(self, key: str, data: bytes) -> None:
        if self._folder is None:
            return
        try:
            # Made here, not once: someone may have deleted the folder since the last image.
            self._folder.mkdir(parents=True, exist_ok=True)
            write_whole(self._folder / f"{key}.png", data)
        except OSError as exc:  # a full or read-only disk: keep working from memory
            log.debug("Cannot keep images in %s: %s", self._folder, exc)
            self._folder = None
