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
    an older one is removed, since a server would gain nothing sending it. Copies that
    ``early`` wrote while the build was running are kept if their file is still what it
    was given, written again otherwise, and removed if the file is gone. Returns the
    copies written, sorted.
    """
    site_dir = Path(site_dir)
    candidates = [p for p in sorted(site_dir.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]
    started = early.finish() if early is not None else {}
    # zlib releases the GIL while it compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        def one(path: Path) -> Path | None:
            data = path.read_bytes()
            known = started.pop(path.relative_to(site_dir).as_posix(), None)
            if known is not None:
                digest, copy = known.result()
                if digest == _digest(data):
                    return copy  # already on disk, or rightly not there
            if len(data) <= min_size:
                return None
            return _write(path, data, _deflate(data))

        results = list(pool.map(one, candidates))
    for relative in started:  # handed over early, then removed by the build: so is its copy
        (site_dir / (relative + ".gz")).unlink(missing_ok=True)
    written = sorted(target for target in results if target is not None)
    log.debug("Wrote %d pre-compressed copies in %s", len(written), site_dir)
    return written


class EarlyCompression:
    """Compresses and writes copies on other cores while the build renders the next pages.

    MkDocs renders on one core; gzip (which releases the GIL) and file writes can use
    the others meanwhile. :meth:`add` takes a file's path in the site and its bytes as
    they will be written; the worker writes ``NAME.gz`` into ``site_dir`` at once.
    :func:`precompress_site` then checks that each file was written as handed over.
    """

    def __init__(self, site_dir: Path, min_size: int = MIN_SIZE, workers: int | None = None) -> None:
        self.site_dir = Path(site_dir)
        self.min_size = min_size
        self._pool = ThreadPoolExecutor(max_workers=workers or max(1, (os.cpu_count() or 1) - 1))
        self._started: dict[str, Future[tuple[tuple[int, int], Path | None]]] = {}

    def add(self, relative_path: str, data: bytes | Path) -> None:
        """``data``: the bytes to be written, or a file holding them (read on the worker)."""
        if PurePosixPath(relative_path).suffix.lower() in TEXT_SUFFIXES:
            self._started[relative_path] = self._pool.submit(self._copy, relative_path, data)

    def _copy(self, relative_path: str, data: bytes | Path) -> tuple[tuple[int, int], Path | None]:
        content = data.read_bytes() if isinstance(data, Path) else data
        if len(content) <= self.min_size:
            return _digest(content), None
        path = self.site_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)  # the build may not have made the folder yet
        return _digest(content), _write(path, content, _deflate(content))

    def wait(self) -> None:
        """Return once every file handed over so far is done (an error shows when it is read)."""
        for future in list(self._started.values()):
            future.exception()

    def finish(self) -> dict[str, Future[tuple[tuple[int, int], Path | None]]]:
        """Every file handed over so far (path -> its digest and copy), once all are done."""
        self.wait()
        started, self._started = self._started, {}
        return started

    def close(self) -> None:
        self._started = {}
        self._pool.shutdown(wait=True, cancel_futures=True)


def _digest(data: bytes) -> tuple[int, int]:
    """Enough to tell a file rewritten after it was handed over (CRC-32 runs at memory speed)."""
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
