"""Second opinions on the built pages: the W3C Nu HTML checker and HTML_CodeSniffer (pa11y).

Neither checker was written here, so they catch what our own checks (html5lib parsing,
``campus-ia check-site``, axe) were not written to see. Both check every page in one
run: the Nu checker in one Java process for all pages (``vnu.jar`` from the npm package
``vnu-jar``, on Debian's Java), pa11y in one Chromium (Debian's) through
``scripts/pa11y-pages.mjs``. Each finding says the page, the line, the message and the
element it is about; :mod:`tests.support.checker_allowlist` says which ones are known
and why.

Run by hand on a built site (exit 1 on any finding outside the allowlist)::

    .venv/bin/python -m tests.support.html_checkers site/
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from tests.support import REPO_ROOT
from tests.support.server import site_server_factory

VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_SCRIPT = REPO_ROOT / "scripts" / "pa11y-pages.mjs"
PA11Y_MODULE = REPO_ROOT / "node_modules" / "pa11y"
CHROMIUM = Path("/usr/bin/chromium")

NU = "Nu"
HTMLCS = "HTML_CodeSniffer"

# The Nu checker's message types that are failures ("info" holds its warnings).
_NU_FAILURES = frozenset({"error", "non-document-error"})
_START_TAG = re.compile(r"<[^<>]*>")


class CheckerUnavailable(RuntimeError):
    """A checker or what it runs on (Java, Node, Chromium, the npm package) is missing."""


class CheckerFailed(RuntimeError):
    """A checker could not check the pages (it crashed or wrote something unreadable)."""


@dataclass(frozen=True)
class Finding:
    """One finding of one checker on one page.

    ``page`` is the file's path in the site (``fr/calendrier/index.html``); ``line`` is
    its line in that file (``None`` when the checker's element cannot be found in the
    source, e.g. one made by a script); ``element`` is the element's start tag as the
    checker shows it; ``code`` is HTML_CodeSniffer's rule (empty for the Nu checker).
    """

    checker: str
    page: str
    line: int | None
    message: str
    element: str
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.page}:{self.line if self.line is not None else '?'}"
        rule = f" {self.code}" if self.code else ""
        return f"{where}: [{self.checker}{rule}] {self.message} — {self.element}"


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML file of the built site, as paths relative to ``site_dir``, sorted."""
    site_dir = Path(site_dir)
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def run_nu(site_dir: Path, pages: Sequence[str]) -> list[Finding]:
    """The Nu checker's errors on ``pages`` of ``site_dir``, all pages in one Java process."""
    java = shutil.which("java")
    if java is None:
        raise CheckerUnavailable("java not found: scripts/install-test-deps installs Debian's default-jre-headless")
    if not VNU_JAR.is_file():
        raise CheckerUnavailable(f"{VNU_JAR.relative_to(REPO_ROOT)} missing: run scripts/install-test-deps (npm ci)")
    site_dir = Path(site_dir).resolve()
    result = subprocess.run(
        # --stdout: the JSON report on stdout (it goes to stderr by default).
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *pages],
        cwd=site_dir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise CheckerFailed(f"the Nu checker failed (exit {result.returncode}):\n{result.stderr}{result.stdout}") from error
    findings = []
    for message in messages:
        if message.get("type") not in _NU_FAILURES:
            continue
        extract = message.get("extract", "")
        start = message.get("hiliteStart", 0)
        element = extract[start : start + message.get("hiliteLength", 0)] or extract
        findings.append(
            Finding(
                checker=NU,
                page=_page_of(message.get("url", ""), site_dir),
                line=message.get("firstLine", message.get("lastLine")),
                message=message.get("message", ""),
                element=element.strip(),
            )
        )
    return findings


def run_pa11y(site_dir: Path, pages: Sequence[str]) -> list[Finding]:
    """HTML_CodeSniffer's WCAG 2 AA errors on ``pages``, served over HTTP, in one Chromium."""
    node = shutil.which("node")
    if node is None:
        raise CheckerUnavailable("node not found: the tests need Node.js 20")
    if not PA11Y_MODULE.is_dir():
        raise CheckerUnavailable("node_modules/pa11y missing: run scripts/install-test-deps (npm ci)")
    if not CHROMIUM.is_file():
        raise CheckerUnavailable(f"{CHROMIUM} missing: scripts/install-test-deps installs Debian's chromium")
    site_dir = Path(site_dir)
    with site_server_factory(site_dir) as base_url:
        result = subprocess.run(
            [node, str(PA11Y_SCRIPT), base_url, *(_url_path(p) for p in pages)],
            cwd=REPO_ROOT,
            env=_node_env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    try:
        results = json.loads(result.stdout)
    except ValueError as error:
        raise CheckerFailed(f"scripts/pa11y-pages.mjs failed (exit {result.returncode}):\n{result.stderr}") from error
    if result.returncode != 0 or len(results) != len(pages):
        raise CheckerFailed(f"scripts/pa11y-pages.mjs failed (exit {result.returncode}):\n{result.stderr}")
    findings = []
    for page, checked in zip(pages, results, strict=True):
        source = (site_dir / page).read_text(encoding="utf-8")
        for issue in checked["issues"]:
            if issue.get("type") != "error":
                continue
            found = _START_TAG.search(issue.get("context") or "")
            findings.append(
                Finding(
                    checker=HTMLCS,
                    page=page,
                    line=_line_of(source, issue.get("selector") or ""),
                    message=issue.get("message", ""),
                    element=found.group(0) if found else issue.get("selector", ""),
                    code=issue.get("code", ""),
                )
            )
    return findings


def format_findings(findings: Sequence[Finding]) -> str:
    """One line per finding: ``page:line: [checker rule] message — element``."""
    return "\n".join(str(f) for f in findings)


def _page_of(url: str, site_dir: Path) -> str:
    """The site path of a ``file:`` URL of the Nu checker's report."""
    path = url.removeprefix("file:")
    try:
        return Path(path).resolve().relative_to(site_dir).as_posix()
    except ValueError:
        return path


def _url_path(page: str) -> str:
    """``fr/calendrier/index.html`` -> ``fr/calendrier/``: the address a reader uses."""
    return page.removesuffix("index.html")


def _node_env() -> dict[str, str]:
    return {**os.environ, "CHROME_PATH": str(CHROMIUM), "PUPPETEER_SKIP_DOWNLOAD": "1"}


def _line_of(source: str, selector: str) -> int | None:
    """The source line of the element HTML_CodeSniffer names by a CSS selector.

    Its selectors are an ``#id`` or a chain of ``tag`` and ``tag:nth-child(n)`` joined
    by `` > ``, which map straight onto XPath; lxml keeps each element's source line.
    """
    xpath = ""
    for part in selector.split(" > "):
        part = part.strip()
        if match := re.fullmatch(r"#([\w-]+)", part):
            xpath += f"//*[@id='{match.group(1)}']"
        elif match := re.fullmatch(r"([a-z][a-z0-9-]*)(?::nth-child\((\d+)\))?", part):
            tag, index = match.groups()
            xpath += f"/*[{index}][self::{tag}]" if index else f"/{tag}"
        else:
            return None
    if not xpath:
        return None
    tree = lxml_html.document_fromstring(source.encode("utf-8")).getroottree()
    found = tree.xpath(xpath)
    return found[0].sourceline if found else None


def main(argv: Sequence[str]) -> int:
    """Check the site folder ``argv[0]``; print findings outside the allowlist; 1 if any."""
    from tests.support.checker_allowlist import unexpected

    if len(argv) != 1:
        print("usage: python -m tests.support.html_checkers SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(argv[0])
    pages = html_pages(site_dir)
    findings = unexpected(run_nu(site_dir, pages) + run_pa11y(site_dir, pages))
    print(format_findings(findings) or f"{len(pages)} pages: no finding outside the allowlist")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
