"""The checks a built site must pass before it is published (``campus-ia check-site``).

They read the finished HTML, so they cost a second pass over every page; the build
itself does not run them (an editor's ``mkdocs serve`` or ``mkdocs build`` stays as fast
as the theme allows). ``make build`` runs them after building, and the test suite runs
them on the shipped site. Nothing an editor writes can fail them: prose is sanitised
and data escaped, so a failure means a template (ours or the theme's) changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .csp import inline_code
from .html_checks import check_internal_links, check_page_structure, third_party_resources


@dataclass(frozen=True)
class ReleaseCheck:
    name: str
    run: Callable[[Path], list]
    fix: str


RELEASE_CHECKS: tuple[ReleaseCheck, ...] = (
    ReleaseCheck("Content-Security-Policy", inline_code,
                 "move inline scripts, styles and event handlers into files under theme/assets/"),
    ReleaseCheck("internal links", check_internal_links,
                 "correct the link, or the heading it points to"),
    ReleaseCheck("page structure", check_page_structure,
                 "give every id once, one <h1> per page and the page's language on <html>"),
    ReleaseCheck("third-party requests", third_party_resources,
                 "ship the file with the site instead of loading it from another host"),
)


def release_problems(site_dir: Path) -> dict[str, list[str]]:
    """Check name -> its problems (``file:line[:column]: message``), for the checks that found any."""
    found: dict[str, list[str]] = {}
    for check in RELEASE_CHECKS:
        problems = [str(p) for p in check.run(Path(site_dir))]
        if problems:
            found[check.name] = problems
    return found


def release_report(site_dir: Path) -> str | None:
    """Every problem, grouped by check with how to fix it; None when the site passes."""
    found = release_problems(site_dir)
    if not found:
        return None
    fixes = {check.name: check.fix for check in RELEASE_CHECKS}
    lines = [f"The built site in {site_dir} is not ready to publish:"]
    for name, problems in found.items():
        lines.append(f"{name} ({len(problems)}; {fixes[name]}):")
        lines.extend(f"  {problem}" for problem in problems)
    return "\n".join(lines)
