"""Preview images kept between builds (:mod:`.image_cache`).

A preview image is found by its four texts and by the drawing (``preview_image.py``,
the fonts, Pillow's version).
"""

from __future__ import annotations

from functools import lru_cache

from . import preview_image
from .image_cache import CACHE_ROOT, ImageCache
from .preview_image import preview_png

PREVIEW_CACHE_FOLDER = CACHE_ROOT / "previews"
"""Where, under the project's folder, preview images are kept."""


class PreviewCache(ImageCache):
    """Preview images, memory first, then (if any) a folder shared with later processes."""

    def __init__(self) -> None:
        # Looked up when drawing, so that a test can replace preview_png.
        super().__init__(lambda *texts: preview_png(*texts), preview_image)


@lru_cache(maxsize=None)
def kept_previews() -> PreviewCache:
    """The process's preview images (memory only until a folder is named with ``keep_in``)."""
    return PreviewCache()
