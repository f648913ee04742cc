"""``campus-ia check`` refuses a link to an anchor that does not exist, as the strict build does.

The build refuses it through MkDocs' own anchor validation (``validation.anchors: warn``
in mkdocs.yml; ``tests/test_atomic_build.py`` holds the build to that); ``check`` must
say so too, at the link's line, or an editor would be told "valid" for a page the
build then rejects.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campus_ia.cli import main as campus_ia
from campus_ia.content import load_content
from tests.support.build import copy_project


def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_missing_anchor_on_another_page_is_refused_at_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "docs" / "en" / "about.md"
    link = "[the figures](facts.md#no-such-figure)"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee {link}.\n", encoding="utf-8")
    assert campus_ia(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    line = _line_of(page.read_text(encoding="utf-8"), link)
    assert re.search(rf"docs/en/about\.md:{line}:\d+: the link 'facts\.md#no-such-figure' leads to a page that has no "
                     r"'#no-such-figure'", err), err
    assert "Traceback" not in err


def test_an_existing_figure_anchor_is_accepted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Any figure of the content: its entry on the facts sheet carries its id as anchor.
    figure_id = next(iter(load_content(project / "content", display_root=project).figures))
    page = project / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee [the figure](facts.md#{figure_id}).\n", encoding="utf-8")
    assert campus_ia(["--root", str(project), "check"]) == 0, capsys.readouterr().err


def test_a_missing_anchor_within_the_page_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "docs" / "fr" / "a-propos.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVoir [plus haut](#nulle-part).\n", encoding="utf-8")
    assert campus_ia(["--root", str(project), "check"]) == 1
    assert "leads to a page that has no '#nulle-part'" in capsys.readouterr().err
