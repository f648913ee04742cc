"""Code shared by the test suite: building the site, serving it, driving Chromium, axe.

Import it as ``tests.support``; pytest puts the repository root on ``sys.path``
(``pythonpath`` in ``pyproject.toml``), so that works from any test module.
"""

from __future__ import annotations

from pathlib import Path

from campus_ia.content import load_content
from campus_ia.exports.machine_text import site_host

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The repository root (the folder holding ``mkdocs.yml`` and ``pyproject.toml``): the one definition."""


def _site_base() -> tuple[str, str]:
    url = load_content(REPO_ROOT / "content").site.url
    base = (url or "/").rstrip("/") + "/"
    return base, site_host(base)


SITE_BASE, SITE_HOST = _site_base()
"""The shipped site's address as its pages and downloads write it (``https://.../`` once
``content/site.yml`` gives one, ``/`` until then), and the host name calendar UIDs use."""
