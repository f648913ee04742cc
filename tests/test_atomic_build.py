"""Atomic output: a failed build leaves the last good site byte for byte; serve shows the failure.

The plugin builds into ``.<site>-building-<pid>-*`` next to the site folder and swaps it
in only after a successful build (``mkdocs_plugin/atomic_output.py``); a strict build
runs the release checks on that staging folder first. Leftovers of killed builds are
removed by the next build; a file in place of the site folder, or folders the builder
cannot write, are refused before anything is written.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from campus_ia.mkdocs_plugin import atomic_output
from campus_ia.mkdocs_plugin.atomic_output import AtomicOutput, OutputError
from tests.support import REPO_ROOT
from campus_ia.mkdocs_plugin.serve_failure import FAILURE_FOLDER
from tests.support.build import BIN_DIR, build, copy_project
from tests.support.serve import serving

BUILD_SECONDS = 120
FAILED = "open pages show these errors until a rebuild succeeds"
_PR_CAPBSET_DROP = 24
_DAC_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


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
    assert "Release checks passed" in result.stderr  # a strict build checks the staged site
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
    assert output.staging.parent == tmp_path
    assert output.staging.name.startswith(f".site-building-{os.getpid()}-")
    (output.staging / "new.html").write_text("new", encoding="utf-8")
    output.commit()
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert (site.stat().st_mode & 0o777) == 0o750  # the previous folder's mode is kept
    assert ((site / "new.html").stat().st_mode & 0o777) == 0o644
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


def test_staging_folder_of_a_running_build_is_kept_and_of_a_killed_one_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    process, staging = _begin_elsewhere(site)
    try:
        assert staging.parent == tmp_path and f"-building-{process.pid}-" in staging.name
        (staging / "half.html").write_text("half written", encoding="utf-8")
        mine = AtomicOutput.begin(site)  # a second build starts while the first is running
        assert staging.is_dir()
        mine.abort()
    finally:
        process.kill()  # SIGKILL: no chance to clean up
        process.wait(timeout=15)
    assert staging.is_dir()
    again = AtomicOutput.begin(site)
    assert not staging.exists()
    again.abort()
    assert leftovers(tmp_path) == []


def test_leftover_without_lock_is_kept_while_its_process_lives(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        # The instant between mkdtemp and the lock: only the process id tells the folder is in use.
        young = tmp_path / f".site-building-{sleeper.pid}-abcdefgh"
        young.mkdir()
        old_style = tmp_path / ".site-building-x1y2z3w4"  # named before process ids were recorded
        old_style.mkdir()
        AtomicOutput.begin(site).abort()
        assert young.is_dir() and not old_style.exists()
    finally:
        sleeper.kill()
        sleeper.wait(timeout=15)
    AtomicOutput.begin(site).abort()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["file", "link-to-file"])
def test_a_file_in_place_of_the_site_folder_is_refused(tmp_path: Path, kind: str) -> None:
    real = tmp_path / "notes.txt"
    real.write_text("not a site\n", encoding="utf-8")
    real.chmod(0o600)
    given = real if kind == "file" else tmp_path / "site"
    if kind == "link-to-file":
        given.symlink_to(real)
    with pytest.raises(OutputError, match="is a file, not a folder"):
        AtomicOutput.begin(given)
    assert real.read_text(encoding="utf-8") == "not a site\n" and (real.stat().st_mode & 0o777) == 0o600
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_build_with_the_site_folder_given_as_a_file_fails_cleanly(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    target = tmp_path / "out" / "site.html"
    target.parent.mkdir()
    target.write_text("<p>kept</p>\n", encoding="utf-8")
    target.chmod(0o600)
    result = build(project, target, timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and f"{target} is a file, not a folder" in output, output
    assert "Traceback" not in output
    assert target.read_text(encoding="utf-8") == "<p>kept</p>\n" and (target.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["site.html"]


def test_commit_gives_every_file_modes_a_web_server_can_read(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        output = AtomicOutput.begin(tmp_path / "site")
        (output.staging / "en" / "about").mkdir(parents=True)
        (output.staging / "en" / "about" / "index.html").write_text("page", encoding="utf-8")
        (output.staging / "index.html").write_text("root", encoding="utf-8")
        output.commit()
    finally:
        os.umask(previous)
    assert _modes(tmp_path / "site") == {"folders": {0o755}, "files": {0o644}}


@pytest.mark.slow
def test_first_build_creates_a_readable_site_and_no_leftovers(good_site: tuple[Path, Path]) -> None:
    _, site = good_site
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    # The staging folder came from mkdtemp (0700); the site must be readable by a web server.
    assert _modes(site) == {"folders": {0o755}, "files": {0o644}}
    assert leftovers(site.parent) == []


def _line_of(file: str, text: str) -> int:
    """The line of the shipped ``file`` where ``text`` first occurs (the error must point there)."""
    source = (REPO_ROOT / file).read_text(encoding="utf-8")
    return source.count("\n", 0, source.index(text)) + 1


@pytest.mark.slow
def test_killed_build_leaves_a_folder_that_the_next_build_removes(good_site: tuple[Path, Path]) -> None:
    project, site = good_site
    before = fingerprint(site)
    process = subprocess.Popen(
        [str(BIN_DIR / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + BUILD_SECONDS
        while not leftovers(site.parent):
            assert process.poll() is None, "the build ended before its staging folder was seen"
            assert time.monotonic() < deadline, "no staging folder appeared"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=15)
    stale = leftovers(site.parent)
    assert stale and fingerprint(site) == before

    # The next build, with a umask that would make the site private, cleans up and publishes readable files.
    result = build(project, site, timeout=BUILD_SECONDS, preexec_fn=lambda: os.umask(0o077) and None)
    assert result.returncode == 0, result.stderr
    assert all(f"Removed {site.parent / name}" in result.stderr for name in stale), result.stderr
    assert leftovers(site.parent) == []
    assert _modes(site) == {"folders": {0o755}, "files": {0o644}}


@pytest.mark.slow
def test_folders_the_builder_cannot_write_are_clear_errors(good_site: tuple[Path, Path]) -> None:
    project, site = good_site
    before = fingerprint(site)
    cases = [
        (site, site, "is read-only"),  # the site folder itself
        (site.parent, site, "cannot write in"),  # the folder the staging folder goes into
        (site.parent, site.parent / "new" / "site", "cannot create the folder"),  # a site folder still to create
    ]
    for locked, target, says in cases:
        locked.chmod(0o555)
        try:
            result = build(project, target, timeout=BUILD_SECONDS, preexec_fn=_without_permission_override)
        finally:
            locked.chmod(0o755)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and says in output, output
        assert "Traceback" not in output and "PermissionError" not in output
        assert fingerprint(site) == before
        assert leftovers(site.parent) == [] and not (site.parent / "new").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("where", "file", "old", "new", "says"),
    [
        # Fails while loading content, before anything is written.
        ("early", "content/quotes.yml", "    speaker: jensen-huang\n", "    speaker: [\n", "content/quotes.yml:"),
        # Fails in on_env, after the staging folder was cleaned and static files listed.
        ("prose", "docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](javascript:alert(1))",
         f"docs/en/about.md:{_line_of('docs/en/about.md', '[facts sheet](facts.md)')}:"),
        # An absolute link is a warning: --strict aborts only after post_build, when every page is written.
        ("strict", "docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](/en/facts/)", "strict mode"),
        # So is a link to a heading that does not exist (validation.anchors: warn in mkdocs.yml).
        ("anchor", "docs/en/about.md", "[facts sheet](facts.md)", "[facts sheet](facts.md#no-such-heading)",
         "does not contain an anchor '#no-such-heading'"),
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
def test_release_checks_run_on_the_staged_site_before_the_swap(good_site: tuple[Path, Path]) -> None:
    project, site = good_site
    before = fingerprint(site)
    # Nothing an editor writes fails the release checks; a template change can.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: material\n" in text
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1), encoding="utf-8")
    partial = project / "overrides" / "partials" / "copyright.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<script>document.title = "x"</script><a href="../no-such-page/">x</a>\n', encoding="utf-8")

    result = build(project, site, timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"The new build is not ready to publish; the site in {site} was left as it is" in output
    assert "an inline <script> is blocked by the Content-Security-Policy" in output
    assert "no-such-page" in output and "Traceback" not in output
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
def test_serve_answers_at_once_and_shows_the_failure(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log_path = tmp_path / "serve.log"
    with serving(project, log_path) as preview:
        url = preview.url + "en/about/"
        good = _get(url)
        assert "About this site" in good
        stylesheet_url = preview.url + "assets/stylesheets/campus-ia.css"
        stylesheet = _get(stylesheet_url)

        quotes = project / "content" / "quotes.yml"
        original = quotes.read_text(encoding="utf-8")
        quotes.write_text(original.replace("    speaker: jensen-huang\n", "    speaker: [\n", 1), encoding="utf-8")
        _wait_for(log_path, FAILED, timeout=60)
        assert "content/quotes.yml:" in log_path.read_text(encoding="utf-8")
        # Answered at once (stock MkDocs 1.6 would hold the request), with the failure instead of the page...
        failure = _get(url)
        assert "content/quotes.yml:" in failure and "About this site" not in failure
        # ...while the other files are still those of the last good build.
        assert _get(stylesheet_url) == stylesheet

        # A failure after the pages were cleaned: the failure page again, never the broken page.
        about = project / "docs" / "en" / "about.md"
        about_original = about.read_text(encoding="utf-8")
        quotes.write_text(original, encoding="utf-8")
        about.write_text(about_original + "\n[bad](javascript:alert(1))\n", encoding="utf-8")
        _wait_for(log_path, FAILED, timeout=60, count=2)
        failure = _get(url)
        assert "docs/en/about.md:" in failure and 'href="javascript:' not in failure

        about.write_text(about_original, encoding="utf-8")
        deadline = time.monotonic() + 60
        while "About this site" not in (recovered := _get(url)):
            assert time.monotonic() < deadline, f"the page did not come back:\n{recovered}"
            time.sleep(0.2)
        assert "javascript:" not in recovered
        assert FAILURE_FOLDER not in recovered


def _begin_elsewhere(site: Path) -> tuple[subprocess.Popen[str], Path]:
    """Another process that begins a build into ``site`` and then waits, holding its staging folder."""
    code = (
        "import sys, time\n"
        "from campus_ia.mkdocs_plugin.atomic_output import AtomicOutput\n"
        "output = AtomicOutput.begin(sys.argv[1])\n"
        "print(output.staging, flush=True)\n"
        "time.sleep(600)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code, str(site)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def _modes(root: Path) -> dict[str, set[int]]:
    """The permission bits found on the folders (``root`` included) and files under ``root``."""
    found: dict[str, set[int]] = {"folders": {root.stat().st_mode & 0o7777}, "files": set()}
    for path in root.rglob("*"):
        found["folders" if path.is_dir() else "files"].add(path.stat().st_mode & 0o7777)
    return found


def _without_permission_override() -> None:
    """In the child: file permissions apply even to root (the capabilities that bypass them are dropped)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _DAC_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)  # the test then fails on the exit status




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
