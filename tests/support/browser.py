"""Launch Debian's Chromium through Playwright (never a browser downloaded by Playwright)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = (Path("/usr/lib/chromium/chromium"), Path("/usr/bin/chromium"))
"""The real binary first; ``/usr/bin/chromium`` is Debian's wrapper script around it."""

CHROMIUM_ARGS = [
    "--headless=new",  # the old headless mode is gone from this Chromium
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # This machine's network is closed: without these, Chromium keeps trying
    # (and failing) to reach Google's services in the background.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def find_chromium() -> Path | None:
    """The first Chromium executable found on this machine, or ``None``."""
    return next((p for p in CHROMIUM_CANDIDATES if os.access(p, os.X_OK)), None)


def launch_chromium(playwright: Any, executable: Path) -> Any:
    """Launch headless ``executable`` with :data:`CHROMIUM_ARGS`; return a Playwright ``Browser``."""
    return playwright.chromium.launch(
        executable_path=str(executable), args=CHROMIUM_ARGS, headless=True
    )
