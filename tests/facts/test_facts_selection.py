"""What the facts sheet leads with, and its anchors."""

from __future__ import annotations

from campus_ia.facts import (
    context_figures,
    correction_anchor,
    figure_anchor,
    key_figures,
    key_milestones,
    milestone_anchor,
    update_anchor,
)
from campus_ia.site.assembly import SiteAssembly


def test_key_figures_come_from_campus_and_investment(assembly: SiteAssembly) -> None:
    ids = [f.id for f in key_figures(assembly.content)]
    assert ids[:3] == ["site-power", "location", "site-area"]
    assert {"first-tranche", "first-tranche-usd", "total-investment", "accelerators"} <= set(ids)
    assert "mistral-valuation" not in ids and "choose-france-2025-total" not in ids


def test_every_figure_is_on_the_sheet_once(assembly: SiteAssembly) -> None:
    shown = [f.id for f in key_figures(assembly.content)] + [f.id for f in context_figures(assembly.content)]
    assert sorted(shown) == sorted(assembly.content.figures)
    assert "france-consumption-2025" in [f.id for f in context_figures(assembly.content)]


def test_key_milestones(assembly: SiteAssembly) -> None:
    assert [m.id for m in key_milestones(assembly.content)] == [
        "announcement", "construction-start", "grid-240mw", "commissioning", "grid-700mw", "full-delivery"]


def test_anchors() -> None:
    assert figure_anchor("site-power") == "site-power"
    assert milestone_anchor("commissioning") == "date-commissioning"
    assert correction_anchor("site-commune") == "correction-site-commune"
    assert update_anchor("fouju") == "update-fouju"
