"""Run a real ``mkdocs build`` (or ``properdocs build``) in a subprocess.

A subprocess, not ``mkdocs.commands.build.build()``, because the build under test
is the one a person runs: the console script, its entry points, its logging and
``--strict`` counting, and a fresh interpreter with no state from earlier tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from tests.support import REPO_ROOT

BIN_DIR = Path(sys.executable).parent
"""The virtualenv's ``bin`` folder, where the ``mkdocs`` and ``properdocs`` scripts live."""

PROJECT_INPUTS = ("mkdocs.yml", "docs", "content", "locales")
BUILD_CACHE = Path(".cache/plugin/campus-ia")
"""Where a project's builds keep what they may reuse (``sharing/image_cache.py``, ``pages/bytecode_cache.py``)."""
"""What :func:`copy_project` copies: the config and every folder the build reads."""


def build(
    project_dir: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    command: str = "mkdocs",
    timeout: float = 600,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build ``project_dir/mkdocs.yml`` into ``site_dir`` and return the finished process.

    The caller checks ``returncode`` and reads ``stdout``/``stderr`` (MkDocs logs
    to stderr). ``command`` is the console script to run, ``"mkdocs"`` or
    ``"properdocs"``, taken from the running interpreter's ``bin`` folder.
    ``preexec_fn`` runs in the child before the build (a umask, dropped privileges).
    """
    executable = BIN_DIR / command
    if not executable.exists():
        raise FileNotFoundError(
            f"{executable} not found: is the project installed with .[test]?"
        )
    args = [str(executable), "build"]
    if strict:
        args.append("--strict")
    args += ["-f", str(Path(project_dir) / "mkdocs.yml"), "-d", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        args,
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=preexec_fn,
    )


def copy_project(dst: Path, *, source: Path = REPO_ROOT, warm_cache: bool = True) -> Path:
    """Copy the site's inputs (:data:`PROJECT_INPUTS`) from ``source`` into ``dst``; return ``dst``.

    For tests that change content: they edit the copy and build it, never the
    working tree. ``mkdocs.yml`` must exist; a missing folder is skipped.
    ``warm_cache``: also copy what ``source``'s builds kept in :data:`BUILD_CACHE` (compiled
    templates, preview and chart images, each found by what it was made from), as an
    editor's project has it: a build of the copy then draws only what its edit changed
    (about two seconds less per build). Tests of that cache pass False.
    """
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    config = source / "mkdocs.yml"
    if not config.is_file():
        raise FileNotFoundError(f"{config} not found: nothing to copy")
    for name in PROJECT_INPUTS:
        item = source / name
        if item.is_dir():
            shutil.copytree(
                item, dst / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif item.is_file():
            shutil.copy2(item, dst / name)
    cache = source / BUILD_CACHE
    if warm_cache and cache.is_dir():
        try:  # another test's build may be adding entries (each written whole, then renamed)
            shutil.copytree(cache, dst / BUILD_CACHE, ignore=shutil.ignore_patterns("*.tmp"), dirs_exist_ok=True)
        except (OSError, shutil.Error):
            pass  # a cold cache only makes the build slower
    return dst
