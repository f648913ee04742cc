"""The capacity gettext domain: template up to date, French complete, placeholders intact."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from tests.support import REPO_ROOT

LOCALES = REPO_ROOT / "locales"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def msgids(catalog: Catalog) -> set[str]:
    return {m.id for m in catalog if m.id}


def test_template_is_up_to_date(tmp_path: Path) -> None:
    pybabel = Path(sys.executable).parent / "pybabel"
    command = [str(pybabel)] if pybabel.exists() else [sys.executable, "-m", "babel.messages.frontend"]
    if not pybabel.exists() and shutil.which("pybabel") is None:
        pytest.skip("pybabel is not installed")
    fresh = tmp_path / "capacity.pot"
    subprocess.run(
        [*command, "extract", "-F", str(LOCALES / "babel.cfg"), "-k", "N_", "--no-location",
         "--sort-output", "-o", str(fresh), str(REPO_ROOT / "plugins/campus_ia/capacity")],
        check=True,
        capture_output=True,
    )
    assert msgids(read(fresh)) == msgids(read(LOCALES / "capacity.pot")), (
        "locales/capacity.pot is stale: re-run the extract and update steps (README)"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_catalog_covers_the_template(lang: str) -> None:
    template = read(LOCALES / "capacity.pot")
    catalog = read(LOCALES / lang / "LC_MESSAGES" / "capacity.po")
    for entry in template:
        if not entry.id:
            continue
        message = catalog.get(entry.id)
        assert message is not None, f"{lang}: no entry for {entry.id!r}"
        assert not message.fuzzy, f"{lang}: {entry.id!r} is fuzzy"
        if lang == "fr":
            assert message.string, f"fr: {entry.id!r} is not translated"


def test_french_keeps_every_placeholder_and_its_typography() -> None:
    for message in read(LOCALES / "fr" / "LC_MESSAGES" / "capacity.po"):
        if not message.id:
            continue
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id)), message.id
        # High punctuation takes a no-break space in French, never a plain one or none.
        assert not re.search(r"(?: |\w)[;!?]", message.string), message.string
        assert not re.search(r"(?: |\w):", message.string), message.string
