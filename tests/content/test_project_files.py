"""The check that a file stays inside the project, for many files at once (``InsideCheck``)."""

from __future__ import annotations

from pathlib import Path

from campus_ia.content.project_files import InsideCheck, is_inside


def test_many_files_get_the_answer_each_would_get_alone(tmp_path: Path) -> None:
    root, outside = tmp_path / "project", tmp_path / "elsewhere"
    docs = root / "docs"
    (docs / "fr" / "notes").mkdir(parents=True)
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text("x", encoding="utf-8")
    (outside / "folder" / "page.md").write_text("x", encoding="utf-8")
    (root / "shared.md").write_text("x", encoding="utf-8")
    (docs / "fr" / "index.md").write_text("x", encoding="utf-8")
    (docs / "fr" / "notes" / "a.md").write_text("x", encoding="utf-8")
    (docs / "fr" / "secret.md").symlink_to(outside / "secret.md")  # a file outside
    (docs / "fr" / "linked").symlink_to(outside / "folder")  # a folder outside
    (docs / "fr" / "shared.md").symlink_to(root / "shared.md")  # inside the project: fine
    (docs / "en").symlink_to(docs / "fr")  # a folder inside, holding links that lead out
    paths = [
        docs / "fr" / "index.md", docs / "fr" / "notes" / "a.md", docs / "fr" / "secret.md",
        docs / "fr" / "linked" / "page.md", docs / "fr" / "shared.md", docs / "en" / "index.md",
        docs / "en" / "secret.md", docs / "en" / "linked" / "page.md",
    ]
    inside = InsideCheck(docs, root)
    assert [inside(path) for path in paths] == [is_inside(path, root) for path in paths]
    assert [inside(path) for path in paths] == [True, True, False, False, True, True, False, False]


def test_a_docs_folder_that_is_itself_a_link_out_is_outside(tmp_path: Path) -> None:
    root, outside = tmp_path / "project", tmp_path / "elsewhere"
    root.mkdir()
    (outside / "fr").mkdir(parents=True)
    (outside / "fr" / "index.md").write_text("x", encoding="utf-8")
    (root / "docs").symlink_to(outside)
    assert InsideCheck(root / "docs", root)(root / "docs" / "fr" / "index.md") is False
