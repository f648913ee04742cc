"""The press kit: one ZIP with the press texts in both languages, the data files and the charts.

Its members are the site's own files under their site paths (``data/facts.json``,
``data/charts/emissions.fr.png``...), byte for byte, plus ``press/press.<lang>.md``, the
press page's texts (``press_page.press_text``). The archive is reproducible: members in a
fixed order, each dated the site's last review, so two builds of the same content give the
same bytes.
"""

from __future__ import annotations

import io
import zipfile
from typing import Mapping

from ..exports.machine_text import review_date
from ..pages import PageContext
from .press_page import kit_downloads, press_text

STORED_SUFFIXES = (".png", ".zip", ".gz")
"""Members already compressed, kept as they are."""


def press_text_path(lang: str) -> str:
    """Where the press texts of ``lang`` sit in the kit."""
    return f"press/press.{lang}.md"


def press_kit_zip(contexts: Mapping[str, PageContext], files: Mapping[str, bytes]) -> bytes:
    """The ZIP; ``contexts``: the press page's context per language, ``files``: the site's downloads."""
    first = next(iter(contexts.values()))
    day = review_date(first.content.site.last_reviewed)
    members: dict[str, bytes] = {
        press_text_path(lang): press_text(ctx).encode("utf-8") for lang, ctx in contexts.items()
    }
    for download in kit_downloads(first):
        members[download.path] = files[download.path]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            # PNGs are compressed already: stored as they are (as `zip -n .png` does), not deflated again.
            info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
