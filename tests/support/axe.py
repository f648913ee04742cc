"""Run axe-core (from ``node_modules``) in a Playwright page and return its WCAG violations.

The script goes in with ``page.add_script_tag``, an inline ``<script>``. Under a
strict Content-Security-Policy (no ``'unsafe-inline'``) the page refuses it, so
:func:`run_axe` then evaluates the same file through ``page.evaluate``, which
the DevTools protocol runs outside the page's CSP. Either way ``window.axe``
ends up defined; the page's own scripts and policy are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Any

from playwright.sync_api import Error as PlaywrightError

from tests.support import REPO_ROOT

AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def inject_axe(page: Any) -> None:
    """Define ``window.axe`` in ``page``, whatever its CSP says."""
    if not AXE_SCRIPT.is_file():
        raise FileNotFoundError(
            f"{AXE_SCRIPT} missing: run scripts/install-test-deps (npm ci)"
        )
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    with suppress(PlaywrightError):  # a refusal is checked for just below
        page.add_script_tag(path=str(AXE_SCRIPT))
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Blocked by the page's CSP: run the source through the protocol instead.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;void 0;")


def run_axe(page: Any, tags: Sequence[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    """Run axe on the whole document with the rules of ``tags``; return the violations.

    Each violation is axe's dict: ``id``, ``impact``, ``help``, ``helpUrl`` and
    ``nodes`` (each with ``target`` and ``html``).
    """
    inject_axe(page)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations;
        }""",
        list(tags),
    )


def format_violations(violations: list[dict[str, Any]]) -> str:
    """One readable line per failing node, for assertion messages."""
    lines = []
    for violation in violations:
        for node in violation.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(
                f"[{violation.get('impact')}] {violation['id']}: {violation.get('help')} at {target}"
            )
    return "\n".join(lines)
