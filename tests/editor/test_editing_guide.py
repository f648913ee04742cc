"""Every error message the editing guide quotes is produced by real invalid input.

The guides (French and English) quote messages in ```message blocks, one per line; a '…'
stands for the reader's own values. Each scenario below breaks a copy of the shipped
content the way a person would, and the messages the checks give are collected; every
quoted line must match one of them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from campus_ia.content import ContentError
from campus_ia.content.validation import load_content
from campus_ia.content.yaml_source import read_yaml
from campus_ia.editor.save_check import explain
from campus_ia.pages.structure import SiteStructure
from campus_ia.translations import page_pairs
from tests.support import REPO_ROOT

GUIDES = [REPO_ROOT / "guide" / "edition.fr.md", REPO_ROOT / "guide" / "editing.en.md"]


def _normal(text: str) -> str:
    return re.sub(r"[\u00a0\u202f ]+", " ", text.replace("’", "'")).strip()


def quoted_messages(guide: Path) -> list[str]:
    """The lines of the guide's ```message blocks."""
    blocks = re.findall(r"^```message\n(.*?)^```", guide.read_text(encoding="utf-8"), re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


class Project:
    """A copy of content/ and docs/ that a scenario breaks, then checks as `campus-ia check` does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for folder in ("content", "docs"):
            shutil.copytree(REPO_ROOT / folder, root / folder)

    def line_of(self, stem: str, path: tuple) -> tuple[Path, int]:
        file = self.root / "content" / f"{stem}.yml"
        document, _ = read_yaml(file, stem)
        return file, document.key_positions[path].line

    def replace_line(self, stem: str, path: tuple, new: str | None) -> None:
        """Replace (or, with None, delete) the line holding the key at ``path``."""
        file, line = self.line_of(stem, path)
        lines = file.read_text(encoding="utf-8").split("\n")
        if new is None:
            del lines[line - 1]
        else:
            indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip(" -"))]
            lines[line - 1] = indent + new
        file.write_text("\n".join(lines), encoding="utf-8")

    def append(self, stem: str, text: str) -> None:
        file = self.root / "content" / f"{stem}.yml"
        file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")

    def problems(self) -> list:
        try:
            content = load_content(self.root / "content", display_root=self.root)
        except ContentError as exc:
            return list(exc.problems)
        return [*SiteStructure(content.site).check_prose(self.root / "docs")]


def _two_report_figure(project: Project) -> tuple[int, dict]:
    content = load_content(project.root / "content")
    for index, figure in enumerate(content.campus.figures):
        if len(figure.reports) == 2 and "standing" in figure.reports[1].model_fields_set:
            return index, figure
    pytest.fail("no campus figure with exactly two reports")


def produced_messages(tmp_path: Path) -> list[str]:
    """Every message the scenarios produce: the command's lines and the editor's, in both languages."""
    produced: list[str] = []

    def run(name: str, breaks) -> None:
        project = Project(tmp_path / name)
        breaks(project)
        problems = project.problems()
        assert problems, f"scenario '{name}' produced no problem"
        produced.extend(str(p) for p in problems)
        real = [p for p in problems if not isinstance(p, str)]
        if real:
            produced.extend(line for lang in ("fr", "en") for line in explain(real, lang).split("\n"))

    def standing_left_out(p: Project) -> None:
        index, _ = _two_report_figure(p)
        p.replace_line("campus", ("figures", index, "reports", 1, "standing"), None)

    def two_leads(p: Project) -> None:
        index, _ = _two_report_figure(p)
        p.replace_line("campus", ("figures", index, "reports", 1, "standing"), "standing: lead")

    run("standing-left-out", standing_left_out)
    run("two-leads", two_leads)
    run("english-missing", lambda p: p.replace_line("timeline", ("milestones", 0, "title", "en"), None))
    page = ("\n  - id: mon-sujet\n    slug: {fr: mon-sujet, en: my-topic}\n    generated: false\n")
    run("page-without-title", lambda p: _insert_page(p, page))
    run("page-title-one-line", lambda p: _insert_page(p, page.replace("generated", "title: Mon sujet\n    generated")))
    run("french-colon", lambda p: p.replace_line("timeline", ("milestones", 0, "summary", "fr"),
                                                  "fr: Notre ambition est simple : faire vite"))
    run("number-in-words", lambda p: p.replace_line("investment", ("figures", 0, "reports", 0, "value"),
                                                     "value: 8,5 milliards"))
    run("month-13", lambda p: p.replace_line("timeline", ("milestones", 0, "date"), "date: 2026-13"))
    run("state-in-french", lambda p: p.replace_line("timeline", ("milestones", 0, "state"), "state: planifié"))
    run("source-typo", lambda p: _misspell_source(p))
    run("state-missing", lambda p: p.replace_line("timeline", ("milestones", 0, "state"), None))
    run("page-not-listed", lambda p: (p.root / "docs/fr/nouvelle-page.md").write_text("# Nouvelle page\n"))

    # A French page changed alone: its translation is named as stale.
    stale = Project(tmp_path / "stale")
    structure = SiteStructure(load_content(stale.root / "content").site)
    for pair in page_pairs(structure, stale.root / "docs"):
        source = stale.root / "docs" / pair.source
        source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    produced.extend(p.describe() for p in page_pairs(structure, stale.root / "docs"))
    return produced


def _insert_page(project: Project, entry: str) -> None:
    file, line = project.line_of("site", ("pages",))
    lines = file.read_text(encoding="utf-8").split("\n")
    lines.insert(line, entry.strip("\n"))
    file.write_text("\n".join(lines), encoding="utf-8")


def _misspell_source(project: Project) -> None:
    document, _ = read_yaml(project.root / "content/timeline.yml", "timeline")
    first = document.data["milestones"][0]["sources"][0]
    project.replace_line("timeline", ("milestones", 0, "sources"), f"sources: [{first[:-1]}]")


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return [_normal(m) for m in produced_messages(tmp_path_factory.mktemp("guide"))]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.name)
def test_the_guide_exists_and_quotes_messages(guide: Path) -> None:
    assert guide.is_file()
    assert len(quoted_messages(guide)) >= 12
    assert guide.name in (REPO_ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "guide,message",
    [(g, m) for g in GUIDES for m in quoted_messages(g)],
    ids=lambda value: value.name if isinstance(value, Path) else value[:50],
)
def test_each_quoted_message_is_produced_by_real_invalid_input(guide: Path, message: str, produced: list[str]) -> None:
    pattern = ".+?".join(re.escape(part) for part in _normal(message).split("…"))
    assert any(re.search(pattern, line) for line in produced), (
        f"{guide.name} quotes a message no invalid input produces:\n  {message}\nproduced:\n  " + "\n  ".join(produced)
    )
