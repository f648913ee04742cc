"""What a page shows when it is shared: its preview image (Open Graph) and its description."""

from __future__ import annotations

from .chart_cache import CHART_CACHE_FOLDER, cached_chart_pngs, kept_charts
from .preview_cache import PREVIEW_CACHE_FOLDER, kept_previews
from .preview_image import PREVIEW_SIZE, preview_image_path, preview_png
from .site_previews import ROOT_PREVIEW, preview_images

__all__ = ["CHART_CACHE_FOLDER", "PREVIEW_CACHE_FOLDER", "PREVIEW_SIZE", "ROOT_PREVIEW", "cached_chart_pngs",
           "kept_charts", "kept_previews", "preview_image_path", "preview_images", "preview_png"]
