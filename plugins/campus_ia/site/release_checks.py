"""The checks a built site must pass before it is published.

They read the finished HTML, so they cost a second pass over every page. A release
build (``mkdocs build --strict``: ``make build`` and the deploy command in the README)
runs them on the staged site, before it replaces the published one, and fails if they
find anything; an editor's ``mkdocs serve`` and a plain ``mkdocs build`` skip them and
stay as fast as the theme allows. ``campus-ia check-site`` runs them on any built
folder. Nothing an editor writes should fail them: prose is sanitised and data escaped,
so a failure usually means a template (ours or the theme's) changed.
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


def release_report(site_dir: Path, *, heading: str | None = None) -> str | None:
    """Every problem, grouped by check with how to fix it; None when the site passes.

    ``heading`` replaces the first line ("The built site in ... is not ready to publish:").
    """
    found = release_problems(site_dir)
    if not found:
        return None
    fixes = {check.name: check.fix for check in RELEASE_CHECKS}
    lines = [heading or f"The built site in {site_dir} is not ready to publish:"]
    for name, problems in found.items():
        lines.append(f"{name} ({len(problems)}; {fixes[name]}):")
        lines.extend(f"  {problem}" for problem in problems)
    return "\n".join(lines)
