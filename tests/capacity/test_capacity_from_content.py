"""capacity_inputs: the model's inputs read from content/, the referenced figures never copied."""

from __future__ import annotations

from campus_ia.content import ContentError

from collections.abc import Callable

import pytest

from campus_ia.capacity import CapacityInputError, Estimate
from campus_ia.capacity.from_content import capacity_inputs, net_exports_reference


def test_shipped_content_gives_the_announced_figures(shipped_content: object) -> None:
    inputs = capacity_inputs(shipped_content)  # type: ignore[arg-type]
    assert inputs.site_power_mw == Estimate(1400)
    assert inputs.investment_eur == 8.5e9
    assert inputs.accelerator.id == "gb200"
    assert inputs.pue == Estimate(1.2, 1.1, 1.4)
    assert inputs.load_factor == Estimate(0.8, 0.6, 0.9)
    assert inputs.accelerator.power_kw_all_in == Estimate(2.1, 1.7, 2.4)
    assert (inputs.france_consumption_twh, inputs.grid_intensity_g_per_kwh) == (449.2, 21.7)
    assert inputs.comparison_grid_intensity_g_per_kwh == 214


def test_site_power_and_investment_follow_the_referenced_figures(
    edited_content: Callable[..., object],
) -> None:
    content = edited_content(
        ("campus.yml", "      - value: 1400\n        source: bpifrance", "      - value: 1000\n        source: bpifrance"),
        ("investment.yml", "value: 8500000000", "value: 9000000000"),
    )
    inputs = capacity_inputs(content)  # type: ignore[arg-type]
    assert inputs.site_power_mw.value == 1000
    assert inputs.investment_eur == 9e9


def test_figure_reference_may_give_a_site_power_range(edited_content: Callable[..., object]) -> None:
    content = edited_content(
        ("capacity.yml", "    en: Site power (announced)\n", "    en: Site power (announced)\n  low: 1000\n  high: 1400\n"),
    )
    assert capacity_inputs(content).site_power_mw == Estimate(1400, 1000, 1400)  # type: ignore[arg-type]


def test_site_power_in_gigawatts_is_converted(edited_content: Callable[..., object]) -> None:
    content = edited_content(
        ("campus.yml", "    unit: MW\n    reports:\n      - value: 1400\n        source: bpifrance",
         "    unit: GW\n    reports:\n      - value: 1.4\n        source: bpifrance"),
        ("campus.yml", "      - value: 1400\n        qualifier: up_to", "      - value: 1.4\n        qualifier: up_to"),
    )
    assert capacity_inputs(content).site_power_mw.value == pytest.approx(1400)  # type: ignore[arg-type]


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
