"""Babel's usual catalog workflow, one domain at a time: extract, update (or init), check.

``campus-ia i18n extract`` rewrites ``locales/<domain>.pot`` from the code and
templates; ``campus-ia i18n update`` merges them into ``locales/<lang>/LC_MESSAGES``
(new strings appear untranslated, changed ones fuzzy, and the build refuses both
until a person has translated them).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .. import LANGUAGES
from .catalogs import DOMAIN_SOURCES

PACKAGE_DIR = Path(__file__).resolve().parent.parent
KEYWORDS = ["-k", "N_"]


def _pybabel() -> list[str]:
    found = shutil.which("pybabel", path=str(Path(sys.executable).parent)) or shutil.which("pybabel")
    return [found] if found else [sys.executable, "-m", "babel.messages.frontend"]


def extract(locales_dir: Path) -> None:
    """Write one ``.pot`` template per domain from the package's sources."""
    for domain, folders in DOMAIN_SOURCES.items():
        sources = [str(PACKAGE_DIR / folder) for folder in folders if (PACKAGE_DIR / folder).exists()]
        subprocess.run(
            [*_pybabel(), "-q", "extract", "-F", str(locales_dir / "babel.cfg"), *KEYWORDS,
             "--no-location", "--sort-output",
             "-o", str(locales_dir / f"{domain}.pot"), *sources],
            check=True,
        )


def update(locales_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Merge each template into each language's catalog, creating catalogs that are missing."""
    for domain in DOMAIN_SOURCES:
        template = locales_dir / f"{domain}.pot"
        for lang in languages:
            catalog = locales_dir / lang / "LC_MESSAGES" / f"{domain}.po"
            action = "update" if catalog.exists() else "init"
            args = ["-i", str(template), "-d", str(locales_dir), "-D", domain, "-l", lang]
            if action == "update":
                args += ["--no-fuzzy-matching", "--ignore-obsolete"]
            subprocess.run([*_pybabel(), "-q", action, *args], check=True)
