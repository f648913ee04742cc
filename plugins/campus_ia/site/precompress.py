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
what they compress: a file already compressed by the previous build gets that copy
(linked, or copied where links are not possible), not a new compression. The folder holds the last build's copies and nothing else; it may
be deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from ..content.project_files import place_copy, write_whole
from .kept_folder import KeptFolder

try:  # zlib-ng writes the same format as zlib, about twice as fast at the same size
    from zlib_ng import zlib_ng as zlib  # (not its gzip_ng module: importing argparse costs every build 20 ms)
except ImportError:  # pragma: no cover - a platform without zlib-ng wheels
    import zlib  # type: ignore[no-redef]

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
    written: list[Path] = []
    to_compress: list[tuple[Path, bytes, str]] = []
    for path in candidates:
        data = path.read_bytes()
        if len(data) <= min_size:
            continue
        name = kept.name(data) if kept is not None else ""
        found = kept.place(path, name) if kept is not None else None
        if found is not None:
            written.append(found)
        else:
            to_compress.append((path, data, name))
    # zlib releases the GIL while it compresses: threads use every core.
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        compressed = list(pool.map(lambda item: _deflate(item[1]), to_compress))
    for (path, data, name), copy in zip(to_compress, compressed):
        target = _write(path, data, copy)
        if target is not None:
            written.append(target)
            if kept is not None:
                kept.keep(name, copy)
    if kept is not None:
        kept.forget_the_rest()
    log.debug("Wrote %d pre-compressed copies in %s", len(written), site_dir)
    return sorted(written)


def _deflate(data: bytes) -> bytes:
    # A gzip member as gzip.compress(data, mtime=0) writes it: zlib's gzip wrapper (wbits 31:
    # no name, time zero), with the header's operating-system byte (the tenth) set to 255,
    # "unknown", as Python's gzip module sets it: the bytes do not depend on the build machine.
    compressed = zlib.compress(data, LEVEL, 31)
    return compressed[:9] + b"\xff" + compressed[10:]


def _write(path: Path, data: bytes, compressed: bytes) -> Path | None:
    target = path.with_name(path.name + ".gz")
    # A new file, never a write into the old one: that may be a kept copy's other name.
    target.unlink(missing_ok=True)
    if len(compressed) >= len(data):
        return None
    target.write_bytes(compressed)
    return target


class _Kept(KeptFolder):
    """The cache folder of one pass: what it holds, and what this pass used.

    A kept copy is put in the site as a second name of the same file (a hard link: no
    bytes written) where the file system allows, else copied. Nothing ever writes into
    a copy once kept (a changed file gets a new copy under a new name), so the site and
    the folder cannot change each other.
    """

    # What else decides the bytes of a copy: the compressor and its level.
    _SETTINGS = f"{zlib.__name__} {LEVEL}".encode()

    def name(self, data: bytes) -> str:
        """The name of ``data``'s copy in the folder (the digest of what it compresses)."""
        return hashlib.blake2b(data, digest_size=20, key=self._SETTINGS).hexdigest() + ".gz"

    def place(self, path: Path, name: str) -> Path | None:
        """``path``'s copy, kept under ``name``, put in place, or None if the folder has none."""
        self.used.add(name)
        if self.folder is None or name not in self.held:
            return None
        kept, target = self.folder / name, path.with_name(path.name + ".gz")
        try:
            place_copy(kept, target)
        except OSError:
            return None  # gone since the folder was read: compressed again
        return target

    def keep(self, name: str, compressed: bytes) -> None:
        """Keep ``compressed`` under ``name`` for the next pass."""
        if self.folder is None:
            return
        try:
            write_whole(self.folder / name, compressed)
        except OSError as exc:
            log.debug("Cannot keep a compressed copy in %s: %s", self.folder, exc)
