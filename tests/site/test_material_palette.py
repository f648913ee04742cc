"""Our copy of Material's colour scheme switch: Material's file with a <div> for its <form>.

The switch works in a browser (tests/browser/test_csp.py clicks it and reloads) and
HTML_CodeSniffer checks every built page (tests/test_html_checkers.py).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import material
from tests.support import REPO_ROOT

THEME = REPO_ROOT / "plugins" / "campus_ia" / "theme"
MATERIAL = Path(material.__file__).resolve().parent / "templates"
NAME = "partials/palette.html"


def _body(lines: list[str]) -> list[str]:
    """The template after its header comment (Material's and ours differ there)."""
    return lines[lines.index("-#}") + 1:]


def test_our_palette_is_materials_with_a_div_for_the_form() -> None:
    """If Material changes its palette template, our copy must be brought up to date."""
    ours = _body((THEME / NAME).read_text(encoding="utf-8").splitlines())
    theirs = _body((MATERIAL / NAME).read_text(encoding="utf-8").splitlines())
    changed = [line for line in difflib.unified_diff(theirs, ours, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        '-<form class="md-header__option" data-md-component="palette">',
        '+<div class="md-header__option" data-md-component="palette">',
        "-</form>",
        "+</div>",
    ], changed


def test_built_pages_have_the_switch_without_a_form(built_site: Path) -> None:
    page = (built_site / "en" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<div class="md-header__option" data-md-component="palette">' in page
    assert 'data-md-color-scheme="slate"' in page, "the dark scheme's radio button is there"
    assert '<form class="md-header__option"' not in page
