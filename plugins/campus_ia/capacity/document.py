"""``/data/capacity.json``: the capacity model's inputs, results and caveats as open data.

Every number comes from ``content/`` through ``capacity_inputs`` and the model; nothing is
rounded (rounding is a display decision), and every input carries its source and status so
a journalist can trace a figure without reading the page.
"""

from __future__ import annotations

import json
from typing import Any

from .. import LANGUAGES
from ..content import Content
from ..content.model import Accelerator as AcceleratorEntry
from ..content.model import Bilingual, Figure, RangedInput, Report
from .display import OUTPUT_UNITS
from .from_content import (
    accelerator_entry,
    capacity_inputs,
    investment_report,
    model_accelerator,
    net_exports_reference,
    referenced_figure,
    site_power_estimate,
)
from .inputs import CapacityInputs, Estimate
from .model import HOURS_PER_YEAR, compute_bounds

FORMAT_VERSION = 1
"""Bumped when a key is renamed or removed (adding keys keeps the version)."""

NOTES: dict[str, str] = {
    "status": "An estimate computed from public figures and stated assumptions, "
    "not an announcement by the project.",
    "bounds": "'low' and 'high' are, for each output separately, its lowest and highest value "
    "over the input ranges; they are not consistent scenarios.",
    "compute": "Peak compute is dense (without sparsity) and in each accelerator's number "
    "format (see inputs.accelerators.*.number_format); datasheet figures quoted with "
    "sparsity are higher and are not used.",
    "grid_intensity": "Emissions use the average carbon intensity of the grid, not the marginal "
    "intensity of new load; France is a net exporter of electricity (see "
    "references.net_exports), so the effect of new load depends on what the power would "
    "otherwise have displaced abroad.",
    "energy": f"Annual figures are for a typical year of {HOURS_PER_YEAR} hours at the average "
    "load factor, cooling and losses included.",
}
"""Caveats that hold whatever the content says; content-specific notes sit next to their inputs."""


def _bilingual(text: Bilingual | None) -> dict[str, str] | None:
    return None if text is None else {"fr": text.fr, "en": text.en}


def _source(content: Content, source_id: str) -> dict[str, Any]:
    source = content.sources[source_id]
    return {"id": source.id, "publisher": {lang: source.publisher_in(lang) for lang in LANGUAGES}, "url": source.url}


def _ranged(content: Content, entry: RangedInput, estimate: Estimate | None = None) -> dict[str, Any]:
    """A YAML input; ``estimate`` overrides its numbers once converted to the model's unit."""
    shown = estimate or Estimate(entry.value, entry.low, entry.high)
    return {
        "value": shown.value,
        "unit": entry.unit,
        "low": shown.low,
        "high": shown.high,
        "label": _bilingual(entry.label),
        "source": _source(content, entry.source),
        "status": entry.status,
        "as_of": entry.as_of,
        "note": _bilingual(entry.note),
    }


def _from_figure(content: Content, figure: Figure, lead: Report, label: Bilingual) -> dict[str, Any]:
    return {
        "figure": figure.id,
        "label": _bilingual(label),
        "source": _source(content, lead.source),
        "status": lead.status,
        "as_of": lead.as_of,
        "note": _bilingual(lead.note),
    }


def _site_power(content: Content) -> dict[str, Any]:
    ref = content.capacity.site_power
    figure = referenced_figure(content, ref, "site_power")
    estimate = site_power_estimate(content)
    numbers = {"value": estimate.value, "unit": "MW", "low": estimate.low, "high": estimate.high}
    return {**numbers, **_from_figure(content, figure, figure.lead, ref.label)}


def _investment(content: Content, inputs: CapacityInputs) -> dict[str, Any]:
    figure, lead = investment_report(content)
    low, high = inputs.investment_range_eur or (None, None)
    numbers = {"value": inputs.investment_eur, "unit": "EUR", "low": low, "high": high,
               "site_power_mw": inputs.investment_site_power_mw}
    return {**numbers, **_from_figure(content, figure, lead, content.capacity.investment.label)}


def _accelerator(content: Content, entry: AcceleratorEntry) -> dict[str, Any]:
    model = model_accelerator(entry)
    return {
        "name": entry.name,
        "power_kw_all_in": {**_ranged(content, entry.power_kw_all_in, model.power_kw_all_in), "unit": "kW"},
        "compute_pflops_dense": model.compute_pflops_dense,
        "number_format": model.number_format,
        "sparsity_note": _bilingual(entry.sparsity_note),
    }


def _inputs(content: Content, inputs: CapacityInputs) -> dict[str, Any]:
    capacity = content.capacity
    return {
        "site_power_mw": _site_power(content),
        "investment_eur": _investment(content, inputs),
        "pue": _ranged(content, capacity.pue),
        "load_factor": _ranged(content, capacity.load_factor),
        "france_consumption_twh": _ranged(content, capacity.france_consumption_twh),
        "grid_intensity_g_per_kwh": _ranged(content, capacity.grid_intensity),
        "comparison_grid_intensity_g_per_kwh": {
            **_ranged(content, capacity.comparison_grid),
            "name": _bilingual(capacity.comparison_grid_name),
        },
        "accelerators": {entry.id: _accelerator(content, entry) for entry in capacity.accelerators},
        "default_accelerator": capacity.default_accelerator,
    }


def _scenarios(content: Content, inputs: CapacityInputs) -> list[dict[str, Any]]:
    milestones = {m.id: m for m in content.milestones}
    found = []
    for phase in content.capacity.phases:
        milestone = milestones.get(phase.milestone) if phase.milestone else None
        # No source ties the first tranche to a phase: no cost per MW at a phase.
        bounds = compute_bounds(
            inputs.with_values(site_power_mw=content.phase_power_mw(phase), investment_eur=None)
        )
        found.append({
            "id": phase.id,
            "label": _bilingual(phase.label),
            "site_power_mw": content.phase_power_mw(phase),
            "figure": phase.figure,
            "milestone": None if milestone is None else {
                "id": milestone.id,
                "date": milestone.date,
                "date_qualifier": milestone.date_qualifier,
            },
            "source": _source(content, content.figures[phase.figure].lead.source),
            "outputs": bounds.as_dict(),
        })
    return found


def _comparisons(content: Content) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "name": _bilingual(item.name),
            "country": item.country,
            "power_mw": item.power_mw,
            "power_note": _bilingual(item.power_note),
            "investment": _bilingual(item.investment),
            "source": _source(content, item.source),
            "status": item.status,
            "as_of": item.as_of,
        }
        for item in content.capacity.comparisons
    ]


def _reference(content: Content, figure: Figure) -> dict[str, Any]:
    lead = figure.lead
    return {
        "figure": figure.id,
        "label": _bilingual(figure.label),
        "value": lead.value,
        "unit": figure.unit,
        "source": _source(content, lead.source),
        "status": lead.status,
        "as_of": lead.as_of,
    }


def capacity_document(content: Content) -> dict[str, Any]:
    """The whole capacity model as a JSON-ready dict (see the module docstring for its use).

    Top-level keys: ``status`` ("estimate"), ``format_version``, ``inputs``, ``outputs``
    (``central``/``low``/``high`` of the default accelerator), ``output_units``,
    ``accelerators`` (the same per accelerator), ``scenarios`` (the grid-connection phases),
    ``comparisons``, ``references`` and ``notes``.
    """
    inputs = capacity_inputs(content)
    default = accelerator_entry(content).id
    per_accelerator = {
        entry.id: compute_bounds(capacity_inputs(content, entry.id)).as_dict()
        for entry in content.capacity.accelerators
    }
    exports = net_exports_reference(content)
    notes: dict[str, Any] = {
        **NOTES,
        "number_format": inputs.accelerator.number_format,
        "sparsity": _bilingual(accelerator_entry(content).sparsity_note),
        "grid_intensity_source_note": _bilingual(content.capacity.grid_intensity.note),
    }
    return {
        "status": "estimate",
        "format_version": FORMAT_VERSION,
        "default_accelerator": default,
        "inputs": _inputs(content, inputs),
        "outputs": per_accelerator[default],
        "output_units": dict(OUTPUT_UNITS),
        "accelerators": per_accelerator,
        "scenarios": _scenarios(content, inputs),
        "comparisons": _comparisons(content),
        "references": {"net_exports": _reference(content, exports)},
        "notes": notes,
    }


def capacity_json(content: Content) -> bytes:
    """``capacity_document`` as UTF-8 JSON, indented for people who open it in a browser."""
    text = json.dumps(capacity_document(content), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")
