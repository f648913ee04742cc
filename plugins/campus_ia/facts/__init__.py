"""The journalists' facts sheet: its page template and the rules for what it leads with.

The page is ``templates/facts.md.j2``, rendered like every generated page (see
``campus_ia.pages.render``) with :data:`TEMPLATE_DIR` on the Jinja loader's path.
"""

from __future__ import annotations

from pathlib import Path

from .selection import (
    KEY_FIGURE_FILES,
    context_figures,
    correction_anchor,
    figure_anchor,
    key_figures,
    key_milestones,
    milestone_anchor,
    update_anchor,
)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
"""The folder holding ``facts.md.j2`` and its macros."""

__all__ = [
    "KEY_FIGURE_FILES",
    "TEMPLATE_DIR",
    "context_figures",
    "correction_anchor",
    "figure_anchor",
    "key_figures",
    "key_milestones",
    "milestone_anchor",
    "update_anchor",
]
