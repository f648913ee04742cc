"""The package's layers hold by structure: the import-linter contract, and no import hidden in a function.

``.importlinter`` declares the layers as the pipeline reads (content, then formatting
and translations, then pages and facts, capacity and downloads, the site, and the
MkDocs adapter and the command at the top); these tests run it, show that it does
catch an upward import, and scan the package for function-level imports that would
dodge it.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "plugins" / "campus_ia"
CONFIG = REPO / ".importlinter"


def test_import_contracts_are_kept() -> None:
    assert lint_imports(config_filename=str(CONFIG), no_cache=True, no_logo=True) == 0


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    # The same contract on a copy of the package where content imports the capacity model:
    # the loop this layering was built to break must be reported, not slip through.
    copy = tmp_path / "campus_ia"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "templates", "theme"))
    dates = copy / "content" / "dates.py"
    dates.write_text(dates.read_text(encoding="utf-8") + "\nfrom ..capacity import checks\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
         f"sys.exit(lint_imports(config_filename={str(CONFIG)!r}, no_cache=True, no_logo=True))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode != 0, run.stdout + run.stderr
    assert "campus_ia.content.dates -> campus_ia.capacity.checks" in run.stdout


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.Import | ast.ImportFrom, path: Path) -> list[str]:
    """The absolute names a (possibly relative) import statement brings in."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not node.level:
        return [node.module or ""]
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return [".".join(base + ([node.module] if node.module else []))]


def _function_level_imports() -> list[tuple[Path, int, list[str]]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        found.append((path, node.lineno, _imported(node, path)))
    return found


def test_the_scan_sees_relative_imports_in_functions() -> None:
    # The scan below must read "from ..x import y" inside a function as campus_ia.x.
    path = PACKAGE / "site" / "assembly.py"
    node = ast.parse("def f():\n    from ..capacity import checks\n").body[0].body[0]  # type: ignore[attr-defined]
    assert _imported(node, path) == ["campus_ia.capacity"]


def test_no_function_level_import_of_the_package() -> None:
    # An import inside a function is how a loop between layers hides from the contract.
    hidden = [
        f"{path.relative_to(REPO)}:{line}: imports {', '.join(names)} inside a function"
        for path, line, names in _function_level_imports()
        if any(name == "campus_ia" or name.startswith("campus_ia.") for name in names)
    ]
    assert hidden == []


def test_every_other_function_level_import_says_why() -> None:
    # What remains is for an optional or slow dependency, and a comment beside it says so.
    unexplained = []
    for path, line, names in _function_level_imports():
        lines = path.read_text(encoding="utf-8").splitlines()
        around = lines[max(line - 2, 0): line + 1]
        if not any("#" in text for text in around):
            unexplained.append(f"{path.relative_to(REPO)}:{line}: {', '.join(names)}")
    assert unexplained == []
