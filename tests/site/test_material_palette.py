"""Our colour scheme switch (partials/palette.html, assets/javascripts/palette.js) in the built pages.

Material's palette component is not started (it restyles the whole page at load); ours
keeps Material's radio buttons and labels, in the page's language. The switch works in a
browser (tests/browser/test_csp.py clicks it and reloads, tests/browser/test_accessibility.py
checks that a dark system setting selects the dark scheme) and HTML_CodeSniffer checks every
built page (tests/test_html_checkers.py).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from lxml import html as lxml_html

from campus_ia.i18n.catalogs import Catalogs
from tests.support import REPO_ROOT


def _palette_options() -> list[dict]:
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["theme"]["palette"]


def test_every_palette_option_has_its_radio_button_and_a_labelled_switch(built_site: Path) -> None:
    options = _palette_options()
    catalogs = Catalogs.load(REPO_ROOT / "locales", root=REPO_ROOT)
    for lang, page in (("fr", "fr/index.html"), ("en", "en/index.html")):
        tree = lxml_html.parse(str(built_site / page))
        switch = tree.xpath('//div[contains(@class,"cia-palette")]')
        assert len(switch) == 1, page
        assert not tree.xpath('//*[@data-md-component="palette"]'), "Material's palette component would start"
        assert not tree.xpath('//form[contains(@class,"md-header__option")]')
        radios = switch[0].xpath('.//input[@name="__palette"]')
        assert [r.get("data-md-color-scheme") for r in radios] == [o["scheme"] for o in options]
        assert [r.get("data-md-color-media") for r in radios] == [o["media"] for o in options]
        labels = switch[0].xpath(".//label")
        assert len(labels) == len(options)
        for index, label in enumerate(labels):
            following = options[(index + 1) % len(options)]["scheme"]
            wanted = "Switch to dark mode" if following == "slate" else "Switch to light mode"
            assert label.get("for") == f"__palette_{(index + 1) % len(options)}"
            assert label.get("title") == catalogs.gettext(lang, wanted), (page, label.get("title"))
        # The script that applies the scheme runs right after the switch, before the content.
        script = switch[0].getnext()
        assert script is not None and script.tag == "script" and script.get("src", "").endswith("palette.js")
        assert not script.get("defer") and not script.get("async")
