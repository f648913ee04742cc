"""The shipped site (``content/`` and ``locales/``) loaded once, for the export and facts tests.

While other people complete their gettext domains, ``Catalogs.load`` may refuse
the whole set; the tests then load the ``facts`` domain alone (other strings fall
back to their English msgids), which is all these modules translate.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from campus_ia.content import load_content
from campus_ia.formatting import Formatter
from campus_ia.i18n import CatalogError, Catalogs
from campus_ia.i18n import catalogs as catalogs_module
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTENT_DIR = REPO_ROOT / "content"
LOCALES_DIR = REPO_ROOT / "locales"


def load_shipped_assembly() -> tuple[SiteAssembly, bool]:
    """The real content and catalogs, and whether every gettext domain loaded."""
    try:
        return SiteAssembly.load(CONTENT_DIR, LOCALES_DIR, root=REPO_ROOT), True
    except CatalogError:
        pass
    with mock.patch.object(catalogs_module, "DOMAINS", ("facts",)):
        catalogs = Catalogs.load(LOCALES_DIR)
    content = load_content(CONTENT_DIR, display_root=REPO_ROOT)
    formatters = {lang: Formatter(lang) for lang in LANGUAGES}
    return SiteAssembly(content, catalogs, REPO_ROOT, formatters), False
