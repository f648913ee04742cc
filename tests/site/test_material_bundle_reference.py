"""Every page names the Material bundle that the installed Material ships.

``main.html`` replaces Material's script tag with ``material-on-use.js``, which loads the
bundle named in its ``data-bundle`` attribute on first use. That name is written in our
template, so it must be the one in Material's own ``base.html``, and the file must be in the
built site: an upgrade of Material that renames it fails here, not on a reader's page.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import material
from lxml import html

BASE_HTML = Path(material.__file__).parent / "templates" / "base.html"


def _material_bundle() -> str:
    found = re.findall(r"'(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)'", BASE_HTML.read_text(encoding="utf-8"))
    assert len(found) == 1, f"expected one bundle in {BASE_HTML}, found {found}"
    return found[0]


def test_every_page_loads_the_installed_materials_bundle_on_use(built_site: Path) -> None:
    bundle = _material_bundle()
    assert (built_site / bundle).is_file()
    pages = sorted(built_site.glob("**/index.html"))
    assert len(pages) > 10
    wrong = []
    for page in pages:
        tree = html.fromstring(page.read_bytes())
        if not tree.xpath("//script[contains(@src, 'material-scope.js')]"):
            continue  # not a Material page (the charts' embed pages)
        loaders = tree.xpath("//script[contains(@src, 'material-on-use.js')]")
        direct = tree.xpath("//script[contains(@src, 'assets/javascripts/bundle.')]")
        folder = posixpath.dirname(page.relative_to(built_site).as_posix())
        targets = [posixpath.normpath(posixpath.join(folder, s.get("data-bundle", ""))) for s in loaders]
        if direct or targets != [bundle]:
            wrong.append(f"{page.relative_to(built_site)}: loader for {targets}, direct {len(direct)}")
    assert not wrong, "\n".join(wrong)
