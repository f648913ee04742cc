"""The ``facts`` gettext domain: template up to date, French complete, nothing looked up that is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest import mock

from babel.messages.pofile import read_po

from campus_ia.exports import build_downloads
from campus_ia.i18n import Catalogs
from campus_ia.i18n import catalogs as catalogs_module
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT

PACKAGE = REPO_ROOT / "plugins" / "campus_ia"
LOCALES_DIR = REPO_ROOT / "locales"


def msgids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "facts.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "extract", "-F", str(LOCALES_DIR / "babel.cfg"), "-k", "N_", "--no-location",
         "--sort-output", "-o", str(fresh), str(PACKAGE / "facts"), str(PACKAGE / "exports")],
        check=True, capture_output=True,
    )
    assert msgids(fresh) == msgids(LOCALES_DIR / "facts.pot"), "run the extract step for the facts domain"


def test_facts_catalogs_are_complete() -> None:
    # Catalogs.load refuses a missing, untranslated (French) or fuzzy entry.
    with mock.patch.object(catalogs_module, "DOMAINS", ("facts",)):
        catalogs = Catalogs.load(LOCALES_DIR)
    assert catalogs.gettext("fr", "Key figures") == "Chiffres clés"
    assert catalogs.gettext("en", "Key figures") == "Key figures"


def test_no_string_looked_up_is_missing(assembly: SiteAssembly) -> None:
    assembly.catalogs.reset_missing()
    for lang in ("fr", "en"):
        assembly.generated_markdown(assembly.structure.get("facts", lang))
    build_downloads(assembly.content, assembly.languages)
    assert assembly.catalogs.missing() == []
