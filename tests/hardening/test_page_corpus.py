"""Broken and hostile Markdown pages: a located build error, or text shown as typed.

Prose HTML is sanitised (nh3) and anything active in it (a script, an event
handler, a ``javascript:`` link) fails the build at its place in the Markdown
file; template syntax is text. Each case is a real ``mkdocs build --strict``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hardening.edits import Edit, RawEdit, first_non_ascii
from tests.hardening.html_checks import active_content, page_text
from tests.support.build import build

BUILD_SECONDS = 60  # a build takes a few seconds; the limit catches a hang, not a slow machine


@dataclass(frozen=True)
class Case:
    id: str
    edit: Edit | RawEdit
    message: str


FAILING = [
    Case("about-javascript-link",
         Edit("docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](javascript:alert(document.cookie))", "javascript:"),
         "a 'javascript:' address is not allowed in a page; link to an https:// or relative address"),
    Case("a-propos-script-element", Edit("docs/fr/a-propos.md", "", "\n<script>alert(1)</script>\n", "<script>"),
         "a <script> element is not allowed in a page"),
    Case("accessibility-onerror", Edit("docs/en/accessibility.md", "", '\n<img src="plan.png" alt="" onerror="alert(1)">\n', "onerror"),
         "an event handler attribute (onerror) is not allowed in a page; remove it"),
    Case("index-attr-list-onclick", Edit("docs/fr/index.md", "## Où et quand { #ou-quand }\n", "## Où et quand { onclick=\"alert(1)\" }\n", "onclick"),
         "an event handler attribute (onclick) is not allowed in a page"),
    Case("index-unknown-figure", Edit("docs/en/index.md", "{{ fact:site-power }}", "{{ fact:site-powr }}", "{{"),
         "unknown figure 'site-powr'"),
    Case("a-propos-windows-1252", RawEdit("docs/fr/a-propos.md", lambda raw: raw.decode("utf-8").encode("cp1252"), first_non_ascii),
         "the file is not UTF-8 text (byte 0xc0); save it as UTF-8 in your editor"),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", FAILING, ids=[c.id for c in FAILING])
def test_build_fails_at_the_place_in_the_page(case: Case, project: Path, tmp_path: Path) -> None:
    expected = case.edit.apply(project)
    result = build(project, tmp_path / "site", timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{expected}: " in output and case.message in output, output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists(), "a failed first build must not leave a site behind"


@pytest.mark.slow
def test_template_syntax_in_prose_is_text(project: Path, tmp_path: Path) -> None:
    typed = "We never compute {{ 7*7 }} or {% if true %}this{% endif %} here."
    Edit("docs/en/about.md", "", f"\n{typed}\n").apply(project)
    result = build(project, tmp_path / "site", timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr
    assert typed in page_text(tmp_path / "site", "en/about/index.html")
    assert active_content(tmp_path / "site") == []
