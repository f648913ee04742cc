"""The benchmark's synthetic projects are real sites: valid content, a strict build, and
the same sectioned navigation in our build as in the floor's configuration."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from tests.support.build import build
from tests.support import REPO_ROOT

BENCHMARKS = REPO_ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import SECTION_SIZE, generate_project  # noqa: E402


def _runner_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("campus_benchmark_run", BENCHMARKS / "run.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
def test_a_generated_project_builds_strictly_with_its_sections(tmp_path: Path) -> None:
    pages = SECTION_SIZE + 5  # two sections, the second one short
    project = generate_project(tmp_path / "project", pages)  # validated with load_content
    result = build(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    site = yaml.safe_load((project.root / "content" / "site.yml").read_text(encoding="utf-8"))
    assert [s["id"] for s in site["sections"]] == ["bench-section-0001", f"bench-section-{SECTION_SIZE + 1:04d}"]
    last = project.prose_pages["en"][-1][:-3]
    html = (tmp_path / "site" / "en" / last / "index.html").read_text(encoding="utf-8")
    assert f"Notes {SECTION_SIZE + 1}–{pages}" in html  # its own section, open
    assert 'href="../note-0001/"' in html  # the other section, pruned to its first page
    assert 'href="../note-0002/"' not in html

    floor = _runner_module().prose_nav(project, "en")
    groups = [item for item in floor if isinstance(next(iter(item.values())), list)]
    assert [next(iter(g)) for g in groups] == ["Notes 1–25", f"Notes {SECTION_SIZE + 1}–{pages}"]
    assert sum(len(next(iter(g.values()))) for g in groups) == pages
