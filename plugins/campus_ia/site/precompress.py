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
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PurePosixPath

try:  # zlib-ng writes the same gzip format as zlib, about twice as fast at the same size
    from zlib_ng import gzip_ng as gzip
except ImportError:  # pragma: no cover - a platform without zlib-ng wheels
    import gzip  # type: ignore[no-redef]

log = logging.getLogger("mkdocs.plugins.campus_ia.precompress")

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".ics", ".map"})
"""Suffixes of the files that get a ``.gz`` copy (text: they compress well)."""

MIN_SIZE = 1024
"""Files of this many bytes or fewer are left alone: one network packet either way."""


def precompress_site(site_dir: Path, *, min_size: int = MIN_SIZE, early: EarlyCompression | None = None) -> list[Path]:
    """Write ``NAME.gz`` next to every text file of ``site_dir`` larger than ``min_size`` bytes.

    An existing copy is replaced (MkDocs writes its own ``sitemap.xml.gz``; ours has the
    same content). A copy that would not be smaller than its original is not written, and
    an older one is removed, since a server would gain nothing sending it. Files that
    ``early`` compressed while the build was running are not compressed again, if they
    are still what it was given. Returns the copies written, sorted.
    """
    site_dir = Path(site_dir)
    candidates = [p for p in sorted(site_dir.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]
    started = early.take() if early is not None else {}
    # zlib releases the GIL while it compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        def one(path: Path) -> Path | None:
            data = path.read_bytes()
            if len(data) <= min_size:
                return None
            known = started.get(path.relative_to(site_dir).as_posix())
            compressed = known[1].result() if known and known[0] == _digest(data) else _deflate(data)
            return _write(path, data, compressed)

        results = list(pool.map(one, candidates))
    written = [target for target in results if target is not None]
    log.debug("Wrote %d pre-compressed copies in %s", len(written), site_dir)
    return written


class EarlyCompression:
    """Compresses pages on other cores while the build renders the next ones.

    MkDocs renders on one core; gzip (which releases the GIL) can use the others
    meanwhile. :meth:`add` takes a file's bytes as they will be written;
    :func:`precompress_site` then uses the result if the file was written unchanged.
    """

    def __init__(self, min_size: int = MIN_SIZE, workers: int | None = None) -> None:
        self.min_size = min_size
        self._pool = ThreadPoolExecutor(max_workers=workers or max(1, (os.cpu_count() or 1) - 1))
        self._started: dict[str, tuple[tuple[int, int], Future[bytes]]] = {}

    def add(self, relative_path: str, data: bytes) -> None:
        if len(data) > self.min_size and PurePosixPath(relative_path).suffix.lower() in TEXT_SUFFIXES:
            self._started[relative_path] = (_digest(data), self._pool.submit(_deflate, data))

    def take(self) -> dict[str, tuple[tuple[int, int], Future[bytes]]]:
        started, self._started = self._started, {}
        return started

    def close(self) -> None:
        self._started = {}
        self._pool.shutdown(wait=True, cancel_futures=True)


def _digest(data: bytes) -> tuple[int, int]:
    """Enough to tell a page rewritten after it was handed over (CRC-32 runs at memory speed)."""
    return len(data), zlib.crc32(data)


def _deflate(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def _write(path: Path, data: bytes, compressed: bytes) -> Path | None:
    target = path.with_name(path.name + ".gz")
    if len(compressed) >= len(data):
        target.unlink(missing_ok=True)
        return None
    target.write_bytes(compressed)
    return target
