"""Files are read only from inside the project: links that lead out of it are refused.

A symbolic link in ``content/``, ``locales/`` or ``docs/`` that points outside the
project folder (``sources.yml -> /etc/passwd``) would otherwise be read, quoted in
error messages, published or indexed. Every reader asks here first; the answer is a
located problem naming the link, never the target's content.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from .problems import Problem

OUTSIDE_MESSAGE = ("this is a link to a file outside the project; files are read only from inside the "
                   "project folder (put the file itself here instead of a link)")


def is_inside(path: Path, root: Path) -> bool:
    """True if ``path``, with every link followed, stays inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def outside_problem(path: Path, root: Path, shown: str) -> Problem | None:
    """A problem at ``shown`` if ``path`` leads out of ``root``, else None."""
    if is_inside(path, root):
        return None
    return Problem(shown, 1, 1, "", OUTSIDE_MESSAGE)


def links_leaving(folder: Path, root: Path, shown: str) -> Iterator[Problem]:
    """Every file or folder under ``folder`` that is a link leading out of ``root``.

    Links are not followed while walking (a linked folder outside is reported once, as
    itself), so nothing outside the project is listed either.
    """
    if not folder.is_dir():
        return
    for current, folders, files in os.walk(folder, followlinks=False):
        here = Path(current)
        for name in sorted([*folders, *files]):
            path = here / name
            if path.is_symlink() and not is_inside(path, root):
                yield Problem(f"{shown}/{path.relative_to(folder).as_posix()}", 1, 1, "", OUTSIDE_MESSAGE)


def links_within(folder: Path) -> set[Path]:
    """Every file or folder under ``folder`` that is a symbolic link (links are not followed)."""
    found: set[Path] = set()
    if not folder.is_dir():
        return found
    for current, folders, files in os.walk(folder, followlinks=False):
        here = Path(current)
        found.update(here / name for name in [*folders, *files] if os.path.islink(os.path.join(current, name)))
    return found


class InsideCheck:
    """:func:`is_inside` for many files under one folder, resolving only paths that go through a link.

    A path below ``folder`` with no link on the way is where it says it is: inside ``root``
    exactly when ``folder`` itself is. Only a path through one of the links found in
    ``folder`` (at the time of the check) is resolved, as :func:`is_inside` does.
    """

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder
        self.root = root
        self.links = links_within(folder)
        self.folder_inside = is_inside(folder, root)

    def __call__(self, path: Path) -> bool:
        if not self.links or not any(parent in self.links for parent in (path, *path.parents)):
            return self.folder_inside
        return is_inside(path, self.root)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: a reader never sees it half written (the caches).

    Raises ``OSError`` as writing does; no temporary file is left behind.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def place_copy(kept: Path, target: Path) -> None:
    """Put the kept file ``kept`` at ``target`` as a second name of it (a hard link: no bytes
    written), or as a copy where links are not possible (another file system).

    ``target`` is removed first, never written into: it may be another kept file's second
    name. Nothing may write into a file placed so, as nothing writes into ``kept``.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(kept, target)
    except OSError:
        shutil.copyfile(kept, target)
