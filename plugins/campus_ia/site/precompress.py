"""Pre-compressed copies of the built site's text files, for servers that send them as they are.

A static server configured for it (nginx ``gzip_static on``, Caddy ``precompressed gzip``,
most CDNs) answers ``Accept-Encoding: gzip`` with ``page.html.gz`` as it is: the best
compression, without compressing on every request. Each copy is gzip at level 6 (level 9
takes three times as long for copies 4 % smaller) with a zero timestamp and no file name in
its header, so the same site always gives the same bytes. Compression uses zlib-ng when it
is installed (a dependency; the standard library's zlib otherwise).

Brotli is not written: it would need a compiled dependency that the project does not have.

Most of a site is the same from one build to the next, so a build may keep the copies
in a folder (:data:`GZIP_CACHE_FOLDER`, beside the other caches) under the digest of
what they compress: a file already compressed by the previous build is copied, not
compressed again. The folder holds the last build's copies and nothing else; it may
be deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
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

GZIP_CACHE_FOLDER = PurePosixPath(".cache/plugin/campus-ia/gzip")
"""Under the project's folder: the last build's compressed copies, by digest."""

LEVEL = 6


def precompress_site(site_dir: Path, *, min_size: int = MIN_SIZE, cache: Path | None = None) -> list[Path]:
    """Write ``NAME.gz`` next to every text file of ``site_dir`` larger than ``min_size`` bytes.

    One pass once the site is written (``on_post_build``), on every core: the benchmark
    found no gain in compressing pages while others render (see benchmarks/README.md).
    An existing copy is replaced (MkDocs writes its own ``sitemap.xml.gz``; ours has the
    same content). A copy that would not be smaller than its original is not written, and
    an older one is removed, since a server would gain nothing sending it. With ``cache``,
    copies are taken from and kept in that folder (see the module's text). Returns the
    copies written, sorted.
    """
    site_dir = Path(site_dir)
    candidates = sorted(
        Path(folder, name)
        for folder, _folders, files in os.walk(site_dir)
        for name in files
        if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
    )
    kept = _Kept(Path(cache)) if cache is not None else None

    def one(path: Path) -> Path | None:
        data = path.read_bytes()
        if len(data) <= min_size:
            return None
        if kept is None:
            return _write(path, data, _deflate(data))
        return kept.copy_to(path, data)

    # zlib releases the GIL while it compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        results = list(pool.map(one, candidates))
    if kept is not None:
        kept.forget_the_rest()
    written = sorted(target for target in results if target is not None)
    log.debug("Wrote %d pre-compressed copies in %s", len(written), site_dir)
    return written


def _deflate(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def _write(path: Path, data: bytes, compressed: bytes) -> Path | None:
    target = path.with_name(path.name + ".gz")
    if len(compressed) >= len(data):
        target.unlink(missing_ok=True)
        return None
    target.write_bytes(compressed)
    return target


class _Kept:
    """The cache folder of one pass: what it holds, and what this pass used."""

    # What else decides the bytes of a copy: the compressor and its level.
    _SETTINGS = f"{gzip.__name__} {LEVEL}".encode()

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.held = {entry.name for entry in os.scandir(folder)}
        except OSError as exc:  # a read-only or full disk: compress everything, keep nothing
            log.debug("Cannot keep compressed copies in %s: %s", folder, exc)
            self.folder, self.held = None, set()  # type: ignore[assignment]

    def copy_to(self, path: Path, data: bytes) -> Path | None:
        name = hashlib.blake2b(data, digest_size=20, key=self._SETTINGS).hexdigest() + ".gz"
        self.used.add(name)
        target = path.with_name(path.name + ".gz")
        if self.folder is not None and name in self.held:
            try:
                shutil.copyfile(self.folder / name, target)
                return target
            except OSError:
                pass  # gone since the folder was read: compress it again
        written = _write(path, data, compressed := _deflate(data))
        if written is not None and self.folder is not None:  # a copy no smaller is not kept either
            try:
                handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
                with os.fdopen(handle, "wb") as out:
                    out.write(compressed)
                os.replace(temporary, self.folder / name)  # whole or absent, never half written
            except OSError as exc:
                log.debug("Cannot keep a compressed copy in %s: %s", self.folder, exc)
        return written

    def forget_the_rest(self) -> None:
        """Remove the copies this pass did not use: the folder keeps one site's worth."""
        if self.folder is None:
            return
        for name in self.held - self.used:
            try:
                (self.folder / name).unlink()
            except OSError:
                pass
