"""Which figures and dates the facts sheet leads with, and the anchors it gives them.

The page template applies the same rules in Jinja; the tests hold the two together,
and the downloads use these functions to mark key figures and to link to anchors.
"""

from __future__ import annotations

from ..content import Content
from ..content.model import Figure, Milestone

KEY_FIGURE_FILES = ("campus", "investment")
"""The content files whose ``key: true`` figures are the sheet's key figures."""


def key_figures(content: Content) -> list[Figure]:
    """The ``key: true`` figures of campus.yml and investment.yml, in file order."""
    return [f for f in (*content.campus.figures, *content.investment.figures) if f.key]


def context_figures(content: Content) -> list[Figure]:
    """Every other figure (the capacity page's references included), in file order."""
    on_sheet = {f.id for f in key_figures(content)}
    return [f for f in content.figures.values() if f.id not in on_sheet]


def key_milestones(content: Content) -> list[Milestone]:
    """The ``key: true`` milestones, in timeline order."""
    return [m for m in content.milestones if m.key]


def figure_anchor(figure_id: str) -> str:
    """The id of a figure on the facts page: the figure's own id (``#site-power``)."""
    return figure_id


def milestone_anchor(milestone_id: str) -> str:
    """The id of a key date on the facts page (``#date-commissioning``)."""
    return f"date-{milestone_id}"


def correction_anchor(correction_id: str) -> str:
    """The id of a correction on the facts page (``#correction-site-commune``)."""
    return f"correction-{correction_id}"


def update_anchor(update_id: str) -> str:
    """The id of an update on the facts page, which the Atom entries link to."""
    return f"update-{update_id}"
