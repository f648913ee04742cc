"""Staging folders left by builds that never finished, and the lock that tells them apart.

Each build holds an exclusive ``flock`` on its staging folder
(``.<site>-building-<pid>-<random>``) until it swaps it in or removes it. The kernel
drops the lock when the process ends, however it ends (``kill -9`` included), so a
folder nobody holds a lock on, whose process is gone too, is a leftover: the next
build removes it. The process id in the name is the second witness, for file systems
without ``flock`` and for the instant between creating the folder and locking it.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the process id alone decides
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("mkdocs.plugins.campus_ia")


class LockedFolder:
    """An exclusive lock on a folder, held through an open descriptor of the folder itself."""

    def __init__(self, descriptor: int | None) -> None:
        self.descriptor = descriptor

    @classmethod
    def acquire(cls, folder: Path) -> LockedFolder:
        """Lock ``folder``; where the file system cannot, the lock is a no-op (the process id remains)."""
        if fcntl is None:  # pragma: no cover
            return cls(None)
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            return cls(None)
        return cls(descriptor)

    def release(self) -> None:
        """Drop the lock (closing the descriptor drops it)."""
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None


def remove_stale_staging(target: Path, marks: tuple[str, ...]) -> list[Path]:
    """Remove the leftovers of dead builds beside ``target``; return what was removed.

    Candidates are ``.<target name><mark>...`` folders for each mark. A folder whose
    name has no process id (an older naming) is judged by its lock alone. A folder
    holding a previous site (``-previous-``) is kept while ``target`` is missing: it
    is then the only copy of the last good site.
    """
    removed: list[Path] = []
    prefixes = tuple(f".{target.name}{mark}" for mark in marks)
    try:
        entries = [entry for entry in os.scandir(target.parent) if entry.name.startswith(prefixes)]
    except OSError:
        return removed
    for entry in entries:
        if not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        mark = next(m for m, p in zip(marks, prefixes) if entry.name.startswith(p))
        pid = _pid_in(entry.name[len(f".{target.name}{mark}"):])
        if _in_use(path) or (pid is not None and _alive(pid)):
            continue
        if mark != marks[0] and not target.is_dir():
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.lexists(path):
            removed.append(path)
            log.info("Removed %s, left by a build%s that stopped before finishing",
                     path, f" (process {pid})" if pid is not None else "")
    return removed


def _pid_in(rest: str) -> int | None:
    head = rest.split("-", 1)[0]
    return int(head) if head.isdigit() and "-" in rest else None


def _in_use(folder: Path) -> bool:
    """True while another open descriptor holds the folder's lock (its build is running)."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False  # no flock on this file system: the process id decides
    finally:
        os.close(descriptor)  # closing also drops the lock just taken
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return True
    return True
