"""Atomic output: a failed build leaves the last good site byte for byte; serve keeps serving it.

The plugin builds into ``.<site>-building-*`` next to the site folder and swaps it
in only after a successful build (``mkdocs_plugin/atomic_output.py``).
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from campus_ia.mkdocs_plugin import atomic_output
from campus_ia.mkdocs_plugin.atomic_output import AtomicOutput, OutputError
from tests.support.build import BIN_DIR, build, copy_project
BUILD_SECONDS = 120


def fingerprint(site_dir: Path) -> dict[str, str]:
    """sha256 of every file under ``site_dir``, by relative path."""
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if "-building-" in p.name or "-previous-" in p.name)


@pytest.fixture
def good_site(tmp_path: Path) -> tuple[Path, Path]:
    """A project copy and its site, built once successfully."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "out" / "site"  # out/ does not exist yet: the build creates it
    result = build(project, site, timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr
    return project, site


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
def test_commit_replaces_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(atomic_output, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    site.mkdir(mode=0o750)
    site.chmod(0o750)
    (site / "old.html").write_text("old", encoding="utf-8")
    output = AtomicOutput.begin(site)
    assert output.staging.parent == tmp_path and output.staging.name.startswith(".site-building-")
    (output.staging / "new.html").write_text("new", encoding="utf-8")
    output.commit()
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert (site.stat().st_mode & 0o777) == 0o750  # the previous folder's mode is kept
    assert leftovers(tmp_path) == []


def test_failed_commit_keeps_the_site_and_removes_the_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    output = AtomicOutput.begin(site)

    def refuse(first: Path, second: Path) -> bool:
        raise OSError(16, "Device or resource busy", str(second))  # e.g. a mount point

    monkeypatch.setattr(atomic_output, "_exchange", refuse)
    with pytest.raises(OutputError, match="not a mount point"):
        output.commit()
    assert sorted(p.name for p in site.iterdir()) == ["old.html"]
    assert leftovers(tmp_path) == []


def test_failed_second_rename_puts_the_previous_site_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    output = AtomicOutput.begin(site)
    monkeypatch.setattr(atomic_output, "_exchange", lambda first, second: False)
    rename = os.rename

    def fail_on_staging(source: Path, target: Path) -> None:
        if Path(source) == output.staging:
            raise OSError(18, "Invalid cross-device link")
        rename(source, target)

    monkeypatch.setattr(atomic_output.os, "rename", fail_on_staging)
    with pytest.raises(OutputError):
        output.commit()
    assert sorted(p.name for p in site.iterdir()) == ["old.html"]
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_first_build_creates_a_readable_site_and_no_leftovers(good_site: tuple[Path, Path]) -> None:
    _, site = good_site
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    # The staging folder came from mkdtemp (0700); the site must stay readable by a web server.
    assert (site.stat().st_mode & 0o777) == 0o777 & ~_umask()
    assert leftovers(site.parent) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("where", "file", "old", "new", "says"),
    [
        # Fails while loading content, before anything is written.
        ("early", "content/quotes.yml", "    speaker: jensen-huang\n", "    speaker: [\n", "content/quotes.yml:"),
        # Fails in on_env, after the staging folder was cleaned and static files listed.
        ("prose", "docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](javascript:alert(1))", "docs/en/about.md:20:"),
        # An absolute link is a warning: --strict aborts only after post_build, when every page is written.
        ("strict", "docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](/en/facts/)", "strict mode"),
    ],
)
def test_failed_build_leaves_the_last_good_site_untouched(
    good_site: tuple[Path, Path], where: str, file: str, old: str, new: str, says: str
) -> None:
    project, site = good_site
    before = fingerprint(site)
    path = project / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    result = build(project, site, timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and says in output, output
    assert "Traceback" not in output
    assert fingerprint(site) == before
    assert leftovers(site.parent) == []


@pytest.mark.slow
def test_successful_build_replaces_the_site_like_clean(good_site: tuple[Path, Path]) -> None:
    project, site = good_site
    (site / "stale.html").write_text("left from an old build", encoding="utf-8")
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")

    result = build(project, site, timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert "A new sentence." in (site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert leftovers(site.parent) == []


@pytest.mark.slow
def test_dirty_build_updates_in_place(good_site: tuple[Path, Path]) -> None:
    project, site = good_site
    (site / "stale.html").write_text("kept by --dirty, as MkDocs documents", encoding="utf-8")
    result = subprocess.run(
        [str(BIN_DIR / "mkdocs"), "build", "--dirty", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
        timeout=BUILD_SECONDS, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "stale.html").exists()
    assert leftovers(site.parent) == []


@pytest.mark.slow
def test_serve_keeps_serving_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(BIN_DIR / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(log_path, "Serving on", timeout=90)
        url = f"http://127.0.0.1:{port}/en/about/"
        good = _get(url)
        assert "About this site" in good

        quotes = project / "content" / "quotes.yml"
        original = quotes.read_text(encoding="utf-8")
        quotes.write_text(original.replace("    speaker: jensen-huang\n", "    speaker: [\n", 1), encoding="utf-8")
        _wait_for(log_path, "still serving the last good site", timeout=60)
        assert "content/quotes.yml:" in log_path.read_text(encoding="utf-8")
        assert "About this site" in _get(url)  # answered at once: stock MkDocs 1.6 would hold the request

        # A failure after the pages were cleaned: the last good site is still whole.
        about = project / "docs" / "en" / "about.md"
        quotes.write_text(original, encoding="utf-8")
        about.write_text(about.read_text(encoding="utf-8") + "\n[bad](javascript:alert(1))\n", encoding="utf-8")
        _wait_for(log_path, "still serving the last good site", timeout=60, count=2)
        assert "About this site" in _get(url)
        assert "javascript:" not in _get(url)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
    assert "Traceback" not in log_path.read_text(encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(log_path: Path, text: str, *, timeout: float, count: int = 1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log_path.read_text(encoding="utf-8").count(text) >= count:
            return
        time.sleep(0.2)
    pytest.fail(f"{text!r} did not appear {count} time(s) in {timeout} s:\n{log_path.read_text(encoding='utf-8')}")


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.URLError as exc:  # a timeout means the server holds requests: the bug this guards
        pytest.fail(f"GET {url} failed: {exc}")
