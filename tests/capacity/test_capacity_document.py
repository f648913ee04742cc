"""capacity.json: its layout is a public contract, and its numbers follow content/."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from campus_ia.capacity import compute, compute_bounds
from campus_ia.capacity.document import capacity_document, capacity_json
from campus_ia.capacity.from_content import capacity_inputs, investment_report, site_power_estimate
from campus_ia.content import Content
from tests.support.content_edits import lead_value_edit

OUTPUT_KEYS = {
    "it_power_mw",
    "accelerators",
    "peak_compute_exaflops",
    "annual_energy_twh",
    "share_of_france_consumption",
    "annual_emissions_kt_co2",
    "annual_emissions_kt_co2_comparison_grid",
    "investment_eur_per_mw",
}
INPUT_KEYS = {
    "site_power_mw",
    "investment_eur",
    "pue",
    "load_factor",
    "france_consumption_twh",
    "grid_intensity_g_per_kwh",
    "comparison_grid_intensity_g_per_kwh",
    "accelerators",
    "default_accelerator",
}
PROVENANCE = {"value", "unit", "low", "high", "label", "source", "status", "as_of", "note"}


@pytest.fixture(scope="module")
def document(shipped_content: object) -> dict:
    return json.loads(capacity_json(shipped_content))  # type: ignore[arg-type]


def test_top_level_layout(document: dict) -> None:
    assert document["status"] == "estimate"
    assert set(document) == {
        "status", "format_version", "default_accelerator", "inputs", "outputs", "output_units",
        "accelerators", "scenarios", "comparisons", "references", "notes",
    }
    assert set(document["outputs"]) == {"central", "low", "high"}
    for bound in ("central", "low", "high"):
        assert set(document["outputs"][bound]) == OUTPUT_KEYS
    assert set(document["output_units"]) == OUTPUT_KEYS


def test_inputs_carry_value_range_and_provenance(shipped_content: Content, document: dict) -> None:
    inputs = document["inputs"]
    assert set(inputs) == INPUT_KEYS
    for key in INPUT_KEYS - {"accelerators", "default_accelerator"}:
        assert PROVENANCE <= set(inputs[key]), key
        assert set(inputs[key]["source"]) == {"id", "publisher", "url"}
    capacity = shipped_content.capacity
    power = shipped_content.figures[capacity.site_power.figure]
    site = inputs["site_power_mw"]
    assert (site["value"], site["unit"], site["figure"], site["status"], site["as_of"]) == (
        power.lead.value, "MW", power.id, power.lead.status, power.lead.as_of,
    )
    assert site["source"]["id"] == power.lead.source
    investment = shipped_content.figures[capacity.investment.figure]
    assert (inputs["investment_eur"]["value"], inputs["investment_eur"]["figure"]) == (investment.lead.value, investment.id)
    assert (inputs["pue"]["low"], inputs["pue"]["high"]) == (capacity.pue.low, capacity.pue.high)
    accelerator = next(a for a in capacity.accelerators if a.id == capacity.default_accelerator)
    shown = inputs["accelerators"][accelerator.id]
    assert shown["number_format"] == accelerator.number_format
    assert shown["power_kw_all_in"]["value"] == accelerator.power_kw_all_in.value
    assert shown["power_kw_all_in"]["unit"] == "kW"
    assert set(shown["sparsity_note"]) == {"fr", "en"}


def test_outputs_are_the_model_bounds(shipped_content: object, document: dict) -> None:
    bounds = compute_bounds(capacity_inputs(shipped_content))  # type: ignore[arg-type]
    assert document["outputs"] == bounds.as_dict()
    assert document["accelerators"]["gb200"] == document["outputs"]
    assert set(document["accelerators"]) == {"gb200", "h100"}


def test_scenarios_are_the_phases(shipped_content: Content, document: dict) -> None:
    scenarios = document["scenarios"]
    phases = shipped_content.capacity.phases
    assert [s["site_power_mw"] for s in scenarios] == [shipped_content.phase_power_mw(p) for p in phases]
    inputs = capacity_inputs(shipped_content)  # type: ignore[arg-type]
    for scenario in scenarios:
        central = compute(inputs, point={"site_power_mw": scenario["site_power_mw"]}).as_dict()
        # No source ties the first tranche to a phase: a phase carries no cost per MW.
        assert scenario["outputs"]["central"] == {**central, "investment_eur_per_mw": None}
        assert set(scenario["outputs"]) == {"central", "low", "high"}
        assert all(scenario["outputs"][b]["investment_eur_per_mw"] is None for b in ("low", "high"))
    for scenario, phase in zip(scenarios, phases):
        milestone = shipped_content.milestones_by_id[phase.milestone] if phase.milestone else None
        assert scenario["milestone"] == (
            {"id": milestone.id, "date": milestone.date, "date_qualifier": milestone.date_qualifier} if milestone else None)


def test_notes_state_number_format_sparsity_and_marginal_intensity(document: dict) -> None:
    notes = document["notes"]
    assert notes["number_format"] == "BF16"
    assert "sparsity" in notes["compute"] and "dense" in notes["compute"]
    assert "not the marginal intensity" in notes["grid_intensity"]
    assert "net exporter" in notes["grid_intensity"]
    assert document["references"]["net_exports"]["figure"] == "france-net-exports-2024"


def test_comparisons_come_from_capacity_yml(document: dict) -> None:
    ids = [c["id"] for c in document["comparisons"]]
    assert "stargate-abilene" in ids and len(ids) == len(set(ids))


def test_json_is_strict_utf8_and_ends_with_a_newline(shipped_content: object) -> None:
    raw = capacity_json(shipped_content)  # type: ignore[arg-type]
    assert raw.endswith(b"\n")
    json.loads(raw.decode("utf-8"), parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert "Élysée" in raw.decode("utf-8")  # not \u-escaped: readable in a browser


def test_editing_site_power_and_pue_changes_the_outputs(
    shipped_content: Content, edited_content: Callable[..., Content]
) -> None:
    capacity = shipped_content.capacity
    content = edited_content(
        lead_value_edit(shipped_content, capacity.site_power.figure, 1000),
        ("capacity.yml", f"pue:\n  value: {capacity.pue.value}\n", "pue:\n  value: 1.25\n"),
    )
    document = capacity_document(content)
    central = document["outputs"]["central"]
    assert document["inputs"]["site_power_mw"]["value"] == 1000
    assert document["inputs"]["pue"]["value"] == 1.25
    assert central["it_power_mw"] == pytest.approx(800)  # 1000 / 1.25
    accelerator = next(a for a in capacity.accelerators if a.id == capacity.default_accelerator)
    assert central["accelerators"] == pytest.approx(800_000 / accelerator.power_kw_all_in.value)
    investment = shipped_content.figures[capacity.investment.figure].lead.value
    assert central["investment_eur_per_mw"] == pytest.approx(investment / 1000)
    # The phases keep their own powers: only the PUE reaches them.
    first_phase = shipped_content.phase_power_mw(capacity.phases[0])
    assert document["scenarios"][0]["outputs"]["central"]["it_power_mw"] == pytest.approx(first_phase / 1.25)


def test_cost_per_mw_spans_the_reported_amounts_at_the_announced_power(
    shipped_content: object, document: dict
) -> None:
    """Low and high cost per MW come from the lowest and highest current reports of the amount,
    each divided by the site power the tranche is for, never by a phase's power."""
    figure, lead = investment_report(shipped_content)  # type: ignore[arg-type]
    amounts = [r.value for r in figure.reports if r.standing != "superseded" and r.value is not None]
    power = site_power_estimate(shipped_content).value  # type: ignore[arg-type]
    outputs = document["outputs"]
    assert outputs["central"]["investment_eur_per_mw"] == pytest.approx(lead.value / power)
    assert outputs["low"]["investment_eur_per_mw"] == pytest.approx(min(amounts) / power)
    assert outputs["high"]["investment_eur_per_mw"] == pytest.approx(max(amounts) / power)
    assert len(set(amounts)) > 1, "the shipped content reports several amounts; the range must show them"
    assert outputs["low"]["investment_eur_per_mw"] < outputs["high"]["investment_eur_per_mw"]
    shown = document["inputs"]["investment_eur"]
    assert (shown["low"], shown["high"], shown["site_power_mw"]) == (min(amounts), max(amounts), power)
