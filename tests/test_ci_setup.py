"""The commands a person and CI run: .ci/run, the Makefile, the README, the test harness."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from tests.support.server import site_server_factory


def test_ci_runs_make_test(repo_root: Path) -> None:
    script = repo_root / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    assert os.access(script, os.X_OK), ".ci/run must be executable"
    assert "set -euo pipefail" in text
    commands = [
        line.strip() for line in text.splitlines() if not line.lstrip().startswith("#")
    ]
    assert any(re.fullmatch(r"(exec\s+)?make\s+test", line) for line in commands), (
        commands
    )


def test_shell_scripts_parse(repo_root: Path) -> None:
    for script in (
        repo_root / ".ci" / "run",
        repo_root / "scripts" / "install-test-deps",
    ):
        result = subprocess.run(
            ["bash", "-n", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{script}: {result.stderr}"


def test_makefile_targets(repo_root: Path) -> None:
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "test", "serve", "build", "bench"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "install --require-hashes --requirement requirements/test.lock" in out
    assert "install --no-deps --no-build-isolation --editable ." in out
    assert "scripts/install-test-deps" in out
    assert re.search(r"^\.venv/bin/pytest -n auto\b", out, re.MULTILINE)
    assert ".venv/bin/mkdocs serve -a 127.0.0.1:8000" in out
    assert ".venv/bin/mkdocs build --strict" in out
    assert ".venv/bin/python benchmarks/run.py" in out


def _locked(lock: Path) -> dict[str, tuple[str, int]]:
    """Package name -> (pinned version, number of hashes) of a lock file."""
    found: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=\S)", lock.read_text(encoding="utf-8")):
        pin = re.match(r"([A-Za-z0-9_.-]+)==([^\s;\\]+)", block)
        if pin:
            found[canonicalize_name(pin[1])] = (pin[2], len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block)))
    return found


@pytest.mark.parametrize("extra", ["base", "test", "bench"])
def test_each_lock_pins_what_pyproject_asks_for_with_hashes(repo_root: Path, extra: str) -> None:
    """A dependency added to pyproject.toml without `make lock` fails here, not on a fresh machine."""
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    wanted += [Requirement(r) for r in project["optional-dependencies"].get(extra, [])]
    build_in = (repo_root / "requirements" / "build.in").read_text(encoding="utf-8").splitlines()
    wanted += [Requirement(line) for line in build_in if line.strip() and not line.startswith("#")]
    locked = _locked(repo_root / "requirements" / f"{extra}.lock")
    assert locked and all(hashes for _, hashes in locked.values()), "every pin needs its hashes"
    stale = [str(r) for r in wanted
             if canonicalize_name(r.name) not in locked
             or not r.specifier.contains(locked[canonicalize_name(r.name)][0], prereleases=True)]
    assert stale == [], f"requirements/{extra}.lock does not satisfy {stale}: run `make lock`"
    base = _locked(repo_root / "requirements" / "base.lock")
    assert {name: locked[name] for name in base if locked.get(name) != base[name]} == {}, (
        "a package shared with base.lock must have the same version: run `make lock`"
    )


def test_every_runtime_dependency_stops_before_its_next_major(repo_root: Path) -> None:
    project = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    unbounded = [r for r in map(Requirement, project["dependencies"])
                 if not any(spec.operator in ("<", "<=", "==", "~=") for spec in r.specifier)]
    assert unbounded == []
    python = SpecifierSet(project["requires-python"])
    locked_material = _locked(repo_root / "requirements" / "base.lock")["mkdocs-material"][0]
    # Material 9.8 needs Python 3.11: the project must not claim to run on less.
    assert locked_material.startswith("9.8.") and "3.10" not in python and "3.11" in python


def test_readme_documents_the_commands(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    for command in ("make test", "make serve", "make lock"):
        assert command in readme, f"README.md does not mention `{command}`"


def test_node_packages_pinned_and_locked(repo_root: Path) -> None:
    package = json.loads((repo_root / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((repo_root / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["devDependencies"]
    assert wanted["lighthouse"] == "12.2.3"  # 13 needs Node 22
    assert wanted["axe-core"].startswith("^4.")
    # The second-opinion checkers (tests/test_html_checkers.py), pinned: a new release
    # of either can report new findings.
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted["pa11y"]), wanted["pa11y"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted["vnu-jar"]), wanted["vnu-jar"]
    locked = lock["packages"][""]["devDependencies"]
    assert locked == wanted, "package-lock.json is stale: run npm install"


def _get(url: str) -> tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_site_server_serves_language_404_pages_and_extra_headers(
    tmp_path: Path,
) -> None:
    (tmp_path / "fr" / "a").mkdir(parents=True)
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "fr" / "a" / "index.html").write_text("page a", encoding="utf-8")
    (tmp_path / "404.html").write_text("root 404", encoding="utf-8")
    (tmp_path / "fr" / "404.html").write_text("introuvable", encoding="utf-8")
    (tmp_path / "en" / "404.html").write_text("not found", encoding="utf-8")

    with site_server_factory(
        tmp_path, {"Content-Security-Policy": "default-src 'self'"}
    ) as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        status, headers, body = _get(url + "fr/a/")
        assert (status, body) == (200, "page a")
        assert headers["Content-Security-Policy"] == "default-src 'self'"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert _get(url + "fr/missing/")[::2] == (404, "introuvable")
        assert _get(url + "en/missing")[::2] == (404, "not found")
        assert _get(url + "nowhere/")[::2] == (404, "root 404")
        assert _get(url + "en/")[::2] == (404, "not found"), "no folder listings"
        status, headers, _ = _get(url + "fr/missing/")
        assert headers["Content-Security-Policy"] == "default-src 'self'"


@pytest.mark.parametrize("path", ["../etc/passwd", "%2e%2e/%2e%2e/etc/passwd"])
def test_site_server_stays_in_its_folder(tmp_path: Path, path: str) -> None:
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    with site_server_factory(tmp_path) as url:
        assert _get(url + path)[0] == 404
