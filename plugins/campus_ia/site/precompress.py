"""Pre-compressed copies of the built site's text files, for servers that send them as they are.

A static server configured for it (nginx ``gzip_static on``, Caddy ``precompressed gzip``,
most CDNs) answers ``Accept-Encoding: gzip`` with ``page.html.gz`` as it is: the best
compression, without compressing on every request. Each copy is gzip at level 6 (level 9
takes three times as long for copies 4 % smaller) with a zero timestamp and no file name in
its header, so the same site always gives the same bytes. Compression uses zlib-ng when it
is installed (a dependency; the standard library's zlib otherwise).

Brotli is not written: it would need a compiled dependency that the project does not have.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

try:  # zlib-ng writes the same gzip format as zlib, about twice as fast at the same size
    from zlib_ng import gzip_ng as gzip
except ImportError:  # pragma: no cover - a platform without zlib-ng wheels
    import gzip  # type: ignore[no-redef]

log = logging.getLogger("mkdocs.plugins.campus_ia.precompress")

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".ics", ".map"})
"""Suffixes of the files that get a ``.gz`` copy (text: they compress well)."""

MIN_SIZE = 1024
"""Files of this many bytes or fewer are left alone: one network packet either way."""


def precompress_site(site_dir: Path, *, min_size: int = MIN_SIZE) -> list[Path]:
    """Write ``NAME.gz`` next to every text file of ``site_dir`` larger than ``min_size`` bytes.

    One pass once the site is written (``on_post_build``), on every core: the benchmark
    found no gain in compressing pages while others render (see benchmarks/README.md).
    An existing copy is replaced (MkDocs writes its own ``sitemap.xml.gz``; ours has the
    same content). A copy that would not be smaller than its original is not written, and
    an older one is removed, since a server would gain nothing sending it. Returns the
    copies written, sorted.
    """
    site_dir = Path(site_dir)
    candidates = [p for p in sorted(site_dir.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]

    def one(path: Path) -> Path | None:
        data = path.read_bytes()
        if len(data) <= min_size:
            return None
        return _write(path, data, _deflate(data))

    # zlib releases the GIL while it compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        results = list(pool.map(one, candidates))
    written = sorted(target for target in results if target is not None)
    log.debug("Wrote %d pre-compressed copies in %s", len(written), site_dir)
    return written


def _deflate(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _write(path: Path, data: bytes, compressed: bytes) -> Path | None:
    target = path.with_name(path.name + ".gz")
    if len(compressed) >= len(data):
        target.unlink(missing_ok=True)
        return None
    target.write_bytes(compressed)
    return target
