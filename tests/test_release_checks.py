"""``campus-ia check-site``: the release checks, on any built folder.

A strict build runs the same checks on its staged site before the swap
(tests/test_atomic_build.py); previews do not (a second pass over every page on
every editor's save). They must catch what a template change could break: an inline
script the Content-Security-Policy blocks, a broken link.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from campus_ia.cli import main


def test_the_shipped_site_passes(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-site", str(built_site)]) == 0
    assert "ready to publish" in capsys.readouterr().out


def test_an_inline_script_and_a_broken_link_fail_with_file_and_line(
    built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / "about" / "index.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    body = next(i for i, line in enumerate(lines) if "<body" in line)
    lines.insert(body + 1, '<script>document.title = "x"</script><a href="../no-such-page/">x</a>')
    page.write_text("\n".join(lines), encoding="utf-8")

    assert main(["check-site", str(site)]) == 1
    err = capsys.readouterr().err
    line = body + 2
    assert f"en/about/index.html:{line}: an inline <script> is blocked by the Content-Security-Policy" in err
    assert f'en/about/index.html:{line}:' in err.split("internal links", 1)[1]
    assert "no-such-page" in err
    assert "Traceback" not in err


def test_a_folder_without_a_site_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-site", str(tmp_path)]) == 1
    assert "no built site here" in capsys.readouterr().err
