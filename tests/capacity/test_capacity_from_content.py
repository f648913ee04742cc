"""capacity_inputs: the model's inputs read from content/, the referenced figures never copied."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from campus_ia.capacity import CapacityInputError, Estimate
from campus_ia.capacity.from_content import capacity_inputs, net_exports_reference
from campus_ia.content import Content, ContentError
from tests.support.content_edits import lead_value_edit, unit_edit


def test_shipped_content_gives_the_referenced_figures(shipped_content: Content) -> None:
    inputs = capacity_inputs(shipped_content)
    capacity, figures = shipped_content.capacity, shipped_content.figures
    assert inputs.site_power_mw.value == figures[capacity.site_power.figure].lead.value  # MW in the shipped content
    assert inputs.investment_eur == figures[capacity.investment.figure].lead.value
    assert inputs.accelerator.id == capacity.default_accelerator
    for name in ("pue", "load_factor"):
        ranged = getattr(capacity, name)
        assert getattr(inputs, name) == Estimate(ranged.value, ranged.low, ranged.high), name
    assert (inputs.france_consumption_twh, inputs.grid_intensity_g_per_kwh) == (
        capacity.france_consumption_twh.value, capacity.grid_intensity.value)
    assert inputs.comparison_grid_intensity_g_per_kwh == capacity.comparison_grid.value


def test_site_power_and_investment_follow_the_referenced_figures(
    shipped_content: Content, edited_content: Callable[..., Content],
) -> None:
    capacity = shipped_content.capacity
    content = edited_content(
        lead_value_edit(shipped_content, capacity.site_power.figure, 1000),
        lead_value_edit(shipped_content, capacity.investment.figure, 9e9),
    )
    inputs = capacity_inputs(content)
    assert inputs.site_power_mw.value == 1000
    assert inputs.investment_eur == 9e9


def test_figure_reference_may_give_a_site_power_range(
    shipped_content: Content, edited_content: Callable[..., Content],
) -> None:
    reference = shipped_content.capacity.site_power
    power = shipped_content.figures[reference.figure].lead.value
    assert power is not None
    low = round(power * 0.7)
    content = edited_content(
        ("capacity.yml", f"site_power:\n  figure: {reference.figure}\n",
         f"site_power:\n  figure: {reference.figure}\n  low: {low}\n  high: {power}\n"),
    )
    assert capacity_inputs(content).site_power_mw == Estimate(power, low, power)


def test_site_power_in_gigawatts_is_converted(shipped_content: Content, edited_content: Callable[..., Content]) -> None:
    figure_id = shipped_content.capacity.site_power.figure
    assert shipped_content.figures[figure_id].unit == "MW"
    content = edited_content(unit_edit(shipped_content, figure_id, "GW", 1 / 1000))
    assert capacity_inputs(content).site_power_mw.value == pytest.approx(shipped_content.figures[figure_id].lead.value)


def test_unknown_investment_gives_none(edited_content: Callable[..., object]) -> None:
    content = edited_content(("capacity.yml", "  figure: first-tranche\n", "  figure: investment-split\n"))
    # investment-split is a text figure whose lead report is "unknown".
    assert capacity_inputs(content).investment_eur is None  # type: ignore[arg-type]


def test_investment_in_dollars_is_refused(edited_content: Callable[..., object]) -> None:
    # Refused when the content is loaded, as a located problem, before any page renders.
    with pytest.raises(ContentError, match="capacity.yml:.*first-tranche-usd.*USD.*EUR"):
        edited_content(("capacity.yml", "  figure: first-tranche\n", "  figure: first-tranche-usd\n"))


def test_other_accelerator_and_unknown_accelerator(shipped_content: object) -> None:
    assert capacity_inputs(shipped_content, "h100").accelerator.power_kw_all_in == Estimate(1.2)  # type: ignore[arg-type]
    with pytest.raises(CapacityInputError, match="'b300' is not in capacity.yml.*gb200, h100"):
        capacity_inputs(shipped_content, "b300")  # type: ignore[arg-type]


def test_net_exports_reference_is_read_from_capacity_references(shipped_content: object) -> None:
    figure = net_exports_reference(shipped_content)  # type: ignore[arg-type]
    assert figure.unit == "TWh" and figure.lead.value is not None
