"""Build into a staging folder next to ``site_dir``; put it in place only if the build succeeded.

A failed build then leaves the last good site exactly as it was: a web server
reading ``site_dir`` never sees a half-written or half-cleaned site. The staging
folder is a sibling of ``site_dir`` so that the final step is a rename on one
filesystem, never a copy. On Linux the two folders are exchanged in one system
call (``renameat2(RENAME_EXCHANGE)``), so there is no instant without a site;
elsewhere the old site is renamed aside first.

A build that was killed leaves its staging folder behind; the next build removes
it (:mod:`.staging_leftovers`). Problems with the output folder itself (a file in
its place, no permission to write) are :class:`OutputError` with a plain message,
raised before anything is written.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .staging_leftovers import LockedFolder, remove_stale_staging

log = logging.getLogger("mkdocs.plugins.campus_ia")

STAGING_MARK = "-building-"
"""Staging folders are named ``.<site folder name>-building-<pid>-<random>`` (.gitignore: ``/.site-*/``)."""
PREVIOUS_MARK = "-previous-"
"""Where the previous site waits during a two-step swap (systems without an atomic exchange)."""

FOLDER_MODE = 0o755
FILE_MODE = 0o644
"""Modes of everything in the new site: readable by a web server running as another user,
whatever the umask of the build and the 0700 that ``mkdtemp`` gives."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """The site folder cannot be written or replaced (the message says why and what to do)."""


class AtomicOutput:
    """The staging folder of one build, and the site folder it will replace."""

    def __init__(self, target: Path, staging: Path, lock: LockedFolder | None = None) -> None:
        self.target = target
        self.staging = staging
        self.lock = lock

    @classmethod
    def begin(cls, site_dir: str | os.PathLike[str]) -> AtomicOutput:
        """Create an empty staging folder beside ``site_dir`` (whose parent is created if needed).

        Raises :class:`OutputError` when ``site_dir`` is not a folder or cannot be
        replaced; nothing is written or removed then.
        """
        # A symlinked site folder: replace the folder it points to, keep the link.
        target = Path(os.path.realpath(site_dir))
        shown = _shown(site_dir, target)
        if os.path.lexists(target) and not target.is_dir():
            raise OutputError(
                f"{shown} is a file, not a folder: the site is written as a folder of pages. "
                "Give site_dir (mkdocs build -d) a folder that does not exist yet or holds a previous "
                "build; the file was left as it is."
            )
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"cannot create the folder {target.parent} for {shown} ({exc.strerror}); nothing was written."
            ) from None
        if not os.access(target.parent, os.W_OK | os.X_OK):
            raise OutputError(_parent_not_writable(target, shown, os.strerror(errno.EACCES)))
        if target.exists() and not os.access(target, os.W_OK | os.X_OK):
            raise OutputError(
                f"{shown} is read-only ({os.strerror(errno.EACCES)}): a new build replaces it and removes "
                "the previous version, so the user who builds must be able to write in it "
                f"(chmod -R u+w {shown}, or build as its owner). The site was left as it is."
            )
        remove_stale_staging(target, (STAGING_MARK, PREVIOUS_MARK))
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}{os.getpid()}-", dir=target.parent))
        except OSError as exc:
            raise OutputError(_parent_not_writable(target, shown, exc.strerror or str(exc))) from None
        os.chmod(staging, FOLDER_MODE)  # mkdtemp made it 0700; every mode is set again in commit()
        # Held until commit or abort: the next build knows this folder is in use while it is locked.
        return cls(target, staging, LockedFolder.acquire(staging))

    def commit(self) -> None:
        """Put the staging folder in place of the site folder; remove the previous site."""
        if not self.staging.is_dir():
            self._release()
            raise OutputError(f"the staging folder {self.staging} disappeared during the build")
        _make_readable(self.staging, _folder_mode(self.target))
        try:
            if not os.path.lexists(self.target):
                os.rename(self.staging, self.target)
                self._release()
                log.info("Site written to %s", self.target)
                return
            if _exchange(self.staging, self.target):
                old = self.staging  # after the exchange it holds the previous site
            else:
                old = self.staging.with_name(self.staging.name.replace(STAGING_MARK, PREVIOUS_MARK, 1))
                os.rename(self.target, old)
                try:
                    os.rename(self.staging, self.target)
                except OSError:
                    os.rename(old, self.target)  # put the previous site back before reporting
                    raise
        except OSError as exc:
            self.abort()
            raise OutputError(
                f"could not replace {self.target} with the new build ({exc.strerror}). "
                "The site folder must be a plain folder that can be renamed (not a mount point), "
                "on the same filesystem as its parent folder; the previous site is unchanged."
            ) from None
        _remove(old)
        self._release()
        log.info("Site in %s replaced by the new build", self.target)

    def abort(self) -> None:
        """Remove the staging folder; the site folder is left untouched."""
        _remove(self.staging)
        self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _shown(given: str | os.PathLike[str], target: Path) -> str:
    given_text = os.fspath(given)
    return given_text if Path(given_text).absolute() == target else f"{given_text} (-> {target})"


def _parent_not_writable(target: Path, shown: str, reason: str) -> str:
    return (
        f"cannot write in {target.parent} ({reason}): the build writes the new site beside {shown} "
        "and swaps it in only when it is complete, so that folder must be writable by the user who "
        "builds. Nothing was changed."
    )


def _folder_mode(target: Path) -> int:
    """The mode the new site folder takes: the previous one's (an administrator's choice), else 0755."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return FOLDER_MODE


def _make_readable(root: Path, root_mode: int) -> None:
    """Folders 0755 and files 0644 under ``root``, ``root`` itself ``root_mode``; links left alone."""
    for folder, folders, files in os.walk(root):
        for name in folders:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)
    os.chmod(root, root_mode)


def _remove(folder: Path) -> None:
    failed: list[str] = []
    shutil.rmtree(folder, onerror=lambda function, path, info: failed.append(path))
    if failed and os.path.lexists(folder):
        # Not a failure of this build; the next build tries again (staging_leftovers.py).
        log.info("Could not remove everything in %s (%d entries left); the next build tries again", folder, len(failed))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (the caller renames in two steps)."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # kernel or filesystem without exchange
        return False
    raise OSError(code, os.strerror(code), str(second))


def strict_build_will_abort(strict: bool) -> bool:
    """True when ``--strict`` has counted warnings: MkDocs aborts right *after* ``post_build``.

    The swap happens in ``post_build``, so it must look at the counter itself, or a
    strict build that is about to fail would already have replaced the site.
    """
    if not strict:
        return False
    for name in ("mkdocs", "properdocs"):
        for handler in logging.getLogger(name).handlers:
            counts = getattr(handler, "get_counts", None)
            if callable(counts) and counts():
                return True
    return False
