"""Downloads and generated pages kept between builds, found by the digest of all they are made from.

The downloads (CSV, JSON, iCalendar, Atom, charts, the press kit) and the generated
pages' Markdown are pure functions of ``content/``, ``locales/``, this package's code,
templates and fonts, the libraries that write them and, for pages, the day of the
build (a milestone becomes past). A build of a site whose content did not change (a
prose page edited, a theme tweak) therefore makes them again for nothing: at 200
pages per language that is most of a second.

:class:`DerivedCache` keys each bundle on a SHA-256 of every one of those inputs:
every file of the content and locales folders (name and bytes), every file of this
package (name and bytes; re-read whenever one's size or time changes), the versions
of Python and of the libraries, and the build's day where it matters. Any change to
any of them gives a new key, and the bundle is made afresh. A bundle is one
uncompressed ZIP file in :data:`DERIVED_CACHE_FOLDER`, written whole or not at all;
the folder holds the last bundle of each kind and may be deleted at any time.

The digest is taken before the content is read (``DerivedCache.digest()`` first, then
``SiteAssembly.load``) and the input folders are read again once a bundle is made: if
a file changed in between (an editor saved during a rebuild), the bundle is used for
this build but not kept, so no bundle is ever kept under a digest it was not made from.
Two threads that ask for the same bundle (a rebuild and :mod:`.made_ahead`) make it
once: the second waits for the first.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import platform
import threading
import zipfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from ..content.project_files import write_whole

log = logging.getLogger("mkdocs.plugins.campus_ia.derived_cache")

DERIVED_CACHE_FOLDER = PurePosixPath(".cache/plugin/campus-ia/derived")
"""Under the project's folder: the last downloads and the last generated pages."""

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The campus_ia package: its code, templates, data and fonts make the bundles."""

LIBRARIES = ("babel", "feedgen", "icalendar", "jinja2", "lxml", "markupsafe", "pillow", "pydantic",
             "pydantic-core", "pyyaml", "zlib-ng")
"""The distributions whose code writes or shapes what a bundle holds."""

_FORMAT = b"campus-ia derived bundle 1"


class DerivedCache:
    """Bundles (site path -> bytes) kept in memory and, if given, a folder, by their inputs' digest."""

    def __init__(self, folder: Path | None, inputs: Iterable[Path]) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.inputs = [Path(p) for p in inputs]
        self._digest: str | None = None
        self._folders: str | None = None  # the input folders' part of the digest

    def bundle(self, name: str, make: Callable[[], dict[str, bytes]], *, also: str = "") -> dict[str, bytes]:
        """``make()``, or what it gave for the same inputs (and ``also``: the build's day...) before."""
        key = hashlib.sha256(f"{self.digest()}\0{name}\0{also}".encode()).hexdigest()
        slot = (self.folder, name)
        while True:
            with _LOCK:
                found = _MEMORY.get(slot)
                if found is not None and found[0] == key:
                    return dict(found[1])
                other = _MAKING.get((slot, key))
                if other is None:
                    _MAKING[(slot, key)] = mine = threading.Event()
                    break
            other.wait()  # made by another thread: then found in memory (or made here if it failed)
        try:
            files = self._read(name, key)
            if files is None:
                files = make()
                if not self.inputs_unchanged():
                    log.debug("%s: the content changed while it was made; used, not kept", name)
                    return files
                self._write(name, key, files)
            _MEMORY[slot] = (key, dict(files))
            return files
        finally:
            with _LOCK:
                del _MAKING[(slot, key)]
            mine.set()

    def digest(self) -> str:
        """One digest of every input: the folders' files, this package, Python and the libraries.

        Taken once; ask for it before reading the content it stands for.
        """
        if self._digest is None:
            self._folders = self._folders_digest()
            digest = hashlib.sha256(_FORMAT)
            digest.update(code_digest().encode())
            digest.update(self._folders.encode())
            self._digest = digest.hexdigest()
        return self._digest

    def _folders_digest(self) -> str:
        digest = hashlib.sha256()
        for folder in self.inputs:
            digest.update(b"\0folder\0")
            _add_folder(digest, folder)
        return digest.hexdigest()

    def inputs_unchanged(self) -> bool:
        """Whether the input folders still hold what :meth:`digest` read."""
        return self._folders_digest() == self._folders

    def _path(self, name: str) -> Path | None:
        return self.folder / f"{name}.zip" if self.folder is not None else None

    def _read(self, name: str, key: str) -> dict[str, bytes] | None:
        path = self._path(name)
        if path is None:
            return None
        try:
            with zipfile.ZipFile(path) as bundle:
                if bundle.comment.decode() != key:
                    return None
                return {info.filename: bundle.read(info) for info in bundle.infolist()}
        except (OSError, zipfile.BadZipFile, UnicodeDecodeError, KeyError):
            return None  # absent, old or damaged: made again

    def _write(self, name: str, key: str, files: dict[str, bytes]) -> None:
        path = self._path(name)
        if path is None:
            return
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as bundle:
            bundle.comment = key.encode()
            for site_path, data in files.items():
                bundle.writestr(zipfile.ZipInfo(site_path, (1980, 1, 1, 0, 0, 0)), data)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(path, buffer.getvalue())
        except OSError as exc:  # a full or read-only disk: the build goes on without keeping it
            log.debug("Cannot keep %s in %s: %s", name, path.parent, exc)


# One process's memory: the last bundle of each kind (mkdocs serve rebuilds in one process).
_MEMORY: dict[tuple[Path | None, str], tuple[str, dict[str, bytes]]] = {}
# The bundles being made now, each by one thread; others asking for the same wait for it.
_MAKING: dict[tuple[tuple[Path | None, str], str], threading.Event] = {}
_LOCK = threading.Lock()

# This package's digest, and the names, sizes and times of its files when it was computed.
_PACKAGE: dict[str, object] = {}


def _add_folder(digest: "hashlib._Hash", folder: Path) -> None:
    if not folder.is_dir():
        digest.update(b"absent")
        return
    # Every entry by name, where a link leads and, for a file, its bytes: what loading checks
    # (an unknown file or folder, a link leading out of the project) changes the digest too.
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link\0" + os.fsencode(os.path.realpath(path)) + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(b"folder" if path.is_dir() else b"other")


def _package_files() -> list[tuple[str, int, int]]:
    files = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if "__pycache__" in path.parts or path.suffix == ".pyc" or not path.is_file():
            continue
        stat = path.stat()
        files.append((path.relative_to(PACKAGE_DIR).as_posix(), stat.st_size, stat.st_mtime_ns))
    return files


def _package_digest() -> str:
    """The package's files by name and bytes, read again when any file's size or time changed."""
    stamp = _package_files()
    if _PACKAGE.get("stamp") != stamp:
        digest = hashlib.sha256()
        for name, _size, _time in stamp:
            digest.update(name.encode() + b"\0")
            digest.update(hashlib.sha256((PACKAGE_DIR / name).read_bytes()).digest())
        _PACKAGE.update(stamp=stamp, digest=digest.hexdigest())
    return str(_PACKAGE["digest"])


def code_digest() -> str:
    """This package's files, Python's version and the libraries': what turns inputs into outputs."""
    return hashlib.sha256(f"{_environment_digest()}\0{_package_digest()}".encode()).hexdigest()


@lru_cache(maxsize=1)
def _environment_digest() -> str:
    """Python's version and the libraries' (they do not change while a process runs)."""
    versions = [f"python {platform.python_version()} {platform.python_implementation()}"]
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return hashlib.sha256("\n".join(versions).encode()).hexdigest()
