"""Build into a staging folder next to ``site_dir``; put it in place only if the build succeeded.

A failed build then leaves the last good site exactly as it was: a web server
reading ``site_dir`` never sees a half-written or half-cleaned site. The staging
folder is a sibling of ``site_dir`` so that the final step is a rename on one
filesystem, never a copy. On Linux the two folders are exchanged in one system
call (``renameat2(RENAME_EXCHANGE)``), so there is no instant without a site;
elsewhere the old site is renamed aside first.
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
from typing import Any, Callable

import click

log = logging.getLogger("mkdocs.plugins.campus_ia")

STAGING_MARK = "-building-"
"""Staging folders are named ``.<site folder name>-building-<random>`` (.gitignore: ``/.site-*/``)."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class OutputError(Exception):
    """The finished site could not be put in place (the message says why and what to do)."""


class AtomicOutput:
    """The staging folder of one build, and the site folder it will replace."""

    def __init__(self, target: Path, staging: Path) -> None:
        self.target = target
        self.staging = staging

    @classmethod
    def begin(cls, site_dir: str | os.PathLike[str]) -> AtomicOutput:
        """Create an empty staging folder beside ``site_dir`` (whose parent is created if needed)."""
        # A symlinked site folder: replace the folder it points to, keep the link.
        target = Path(os.path.realpath(site_dir))
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}", dir=target.parent))
        # mkdtemp makes a private (0700) folder; a web server running as another user must read the site.
        os.chmod(staging, _folder_mode(target))
        return cls(target, staging)

    def commit(self) -> None:
        """Put the staging folder in place of the site folder; remove the previous site."""
        if not self.staging.is_dir():
            raise OutputError(f"the staging folder {self.staging} disappeared during the build")
        try:
            if not os.path.lexists(self.target):
                os.rename(self.staging, self.target)
                log.info("Site written to %s", self.target)
                return
            if _exchange(self.staging, self.target):
                old = self.staging  # after the exchange it holds the previous site
            else:
                old = self.staging.with_name(self.staging.name.replace(STAGING_MARK, "-previous-", 1))
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
        shutil.rmtree(old, ignore_errors=True)
        log.info("Site in %s replaced by the new build", self.target)

    def abort(self) -> None:
        """Remove the staging folder; the site folder is left untouched."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _folder_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


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


def keep_serving_last_good(builder: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``mkdocs serve``'s builder so that a failed rebuild leaves the last good site served.

    MkDocs 1.6 re-raises a failed rebuild into its server, which then holds every
    request until a rebuild succeeds ("The server will appear stuck"). The error is
    logged by the build already; here it is reported once more and the previous
    site, untouched thanks to the staging folder, stays served.
    """

    def build(*args: Any, **kwargs: Any) -> None:
        try:
            builder(*args, **kwargs)
        except click.ClickException:  # MkDocs' Abort: the cause was logged just before
            log.error("The rebuild failed (see above); still serving the last good site.")

    return build
