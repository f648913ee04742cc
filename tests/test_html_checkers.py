"""Second opinions on every built page: the W3C Nu HTML checker and HTML_CodeSniffer (pa11y).

Both run on every HTML file of the shipped site (French, English, the language chooser
and the "not found" pages); any error outside tests/support/checker_allowlist.py fails.
A missing checker fails too, with what to install: `make test` installs both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from campus_ia.site.html_checks import sitemap_paths
from tests.support.checker_allowlist import ALLOWED, Allowed, is_allowed, unexpected, unused
from tests.support.html_checkers import (
    HTMLCS,
    NU,
    CheckerUnavailable,
    Finding,
    format_findings,
    html_pages,
    run_nu,
    run_pa11y,
)

Checker = Callable[[Path, Sequence[str]], list[Finding]]


def _run(checker: Checker, site_dir: Path, pages: Sequence[str]) -> list[Finding]:
    try:
        return checker(site_dir, pages)
    except CheckerUnavailable as error:
        pytest.fail(f"{error} (`make test` installs it)", pytrace=False)


@pytest.fixture(scope="module")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML file of the built site, checked to hold every page of the sitemap."""
    pages = html_pages(built_site)
    addresses = {p.removesuffix("index.html") for p in pages}
    missing = [p for p in sitemap_paths(built_site) if p not in addresses]
    assert not missing, f"sitemap pages without an HTML file: {missing}"
    assert {"404.html", "fr/404.html", "en/404.html"} <= set(pages)
    return pages


def _check(findings: list[Finding], checker: str) -> None:
    new = unexpected(findings)
    assert not new, f"{len(new)} {checker} finding(s) outside the allowlist:\n{format_findings(new)}"
    stale = unused(findings, [a for a in ALLOWED if a.checker == checker])
    assert not stale, "allowlist entries that match nothing any more (remove them):\n" + "\n".join(
        f"{a.message} — {a.element}" for a in stale
    )


@pytest.mark.slow
def test_nu_html_checker_on_every_page(built_site: Path, site_pages: list[str]) -> None:
    _check(_run(run_nu, built_site, site_pages), NU)


@pytest.mark.slow
def test_html_codesniffer_wcag2aa_on_every_page(built_site: Path, site_pages: list[str]) -> None:
    _check(_run(run_pa11y, built_site, site_pages), HTMLCS)


BAD_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Bad page</title></head>
<body>
<main>
<p>Work starts in the <time datetime="2026-H2">second half of 2026</time>.</p>
<form id="subscribe"><input type="checkbox" id="agree"></form>
</main>
</body>
</html>
"""


def test_the_checkers_report_page_line_and_element(tmp_path: Path) -> None:
    """A page with an invalid date and an unlabelled checkbox in a form without a submit button."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text(BAD_PAGE.replace('datetime="2026-H2"', 'datetime="2026"'), encoding="utf-8")
    pages = html_pages(tmp_path)
    assert pages == ["en/index.html", "index.html"]

    nu = _run(run_nu, tmp_path, pages)
    assert [(f.page, f.line, f.element) for f in nu] == [("en/index.html", 6, '<time datetime="2026-H2">')]
    assert "2026-H2" in nu[0].message and "datetime" in nu[0].message
    assert str(nu[0]).startswith("en/index.html:6: [Nu] ")

    htmlcs = _run(run_pa11y, tmp_path, pages)
    for page in pages:
        found = {(f.line, f.element) for f in htmlcs if f.page == page}
        assert (7, '<form id="subscribe">') in found
        assert (7, '<input type="checkbox" id="agree">') in found
    assert unexpected(nu + htmlcs) == nu + htmlcs, "nothing of ours is allowed"


def _finding(entry: Allowed, **changes: str) -> Finding:
    fields = {"checker": entry.checker, "page": "fr/index.html", "line": 80,
              "message": entry.message, "element": entry.element, "code": entry.code}
    return Finding(**(fields | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("entry", ALLOWED, ids=lambda e: f"{e.checker}:{e.element[:40]}")
def test_allowlist_matches_message_and_element_exactly(entry: Allowed) -> None:
    assert entry.reason and entry.upstream.startswith("https://")
    assert is_allowed(_finding(entry))
    assert is_allowed(_finding(entry, page="en/timeline/index.html")), "the same element on any page"
    # The same message on another element, or another message on the same element: new findings.
    other_element = entry.element.replace('id="', 'id="x', 1) if 'id="' in entry.element else entry.element + " "
    assert not is_allowed(_finding(entry, element=other_element))
    assert not is_allowed(_finding(entry, element='<input type="checkbox" id="cia-new">'))
    assert not is_allowed(_finding(entry, message=entry.message + " "))
    assert not is_allowed(_finding(entry, message=entry.message[: len(entry.message) // 2]))
    assert not is_allowed(_finding(entry, checker=HTMLCS if entry.checker == NU else NU))
    assert not is_allowed(_finding(entry, code="WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"))


def test_allowlist_is_short_and_only_materials() -> None:
    assert len(ALLOWED) <= 5
    assert all("cia-" not in entry.element for entry in ALLOWED), "our own markup is fixed, not listed"
    assert len({(a.checker, a.code, a.message, a.element) for a in ALLOWED}) == len(ALLOWED)
