"""A folder of files kept between builds under the digest of what they were made from.

The pre-compressed copies and the pages in French typography are kept this way: a
build looks a file up by name, marks what it used, and at its end removes the rest,
so the folder holds one site's worth. Nothing ever writes into a kept file (new
content gets a new name). A folder that cannot be made or read keeps nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.campus_ia.kept_folder")


class KeptFolder:
    """The names a folder holds, and those this build used."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.held: set[str] = set()
        self.used: set[str] = set()
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self.held = {entry.name for entry in os.scandir(folder)}
            except OSError as exc:  # a read-only or full disk: everything made, nothing kept
                log.debug("Cannot keep files in %s: %s", folder, exc)
                self.folder = None

    def forget_the_rest(self) -> None:
        """Remove the files this build did not use."""
        if self.folder is None:
            return
        for name in self.held - self.used:
            try:
                (self.folder / name).unlink()
            except OSError:
                pass
        self.held &= self.used
        self.used = set()
