"""The in-page calculator: its data block, its form, and the figures it must show.

The page contract is in the header of ``theme/assets/javascripts/capacity-calculator.js``.
This module writes the data block and the form for it, and ``calculator_expected`` says,
from Python, what the script will display for given slider values, so an end-to-end test
can check the built page against the model without reimplementing either.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ..content import Content
from ..formatting import Formatter
from ..i18n import N_
from .display import OUTPUT_LABELS, SIGNIFICANT_FIGURES, exact, output_text
from .from_content import accelerator_entry, calculator_reach_mw, capacity_inputs, model_accelerator
from .inputs import RANGED_INPUTS, Estimate
from .model import OUTPUT_KEYS, compute

if TYPE_CHECKING:
    from .page_text import PageText

FIELD_LABELS: dict[str, str] = {
    "site_power_mw": N_("Site power (MW)"),
    "pue": N_("PUE (facility power / IT power)"),
    "load_factor": N_("Average load factor over the year, as a fraction"),
    "accelerator_power_kw": N_("IT power per accelerator, all-in (kW)"),
}
"""The calculator's inputs, in the order the form shows them."""

_PAGE_BOUNDS_FROM_PHASES = "site_power_mw"
"""The input whose slider also spans the grid-connection phases and the announced expansion."""

_AS_FRACTION = "load_factor"
"""The input written as a fraction, whose messages say so ("0.8 means 80%")."""

_KEEPS_LAST = N_("the results keep the last value accepted.")

# JSON inside <script> ends at the first "</script" and is parsed as HTML before that;
# escaping <, > and & (and the JS line separators) makes any string in the data inert.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                0x2028: "\\u2028", 0x2029: "\\u2029"}


@dataclass(frozen=True)
class CalculatorField:
    """A ranged input: a slider and a number box sharing one ``name`` and one label."""

    name: str
    label: str
    label_id: str
    slider_id: str
    number_id: str
    value: str
    """The slider's value, as JavaScript writes numbers (1.2)."""
    box_value: str
    """The number box's value, as the page's language writes numbers ("1,2" in French)."""
    min: str | None
    max: str | None
    hint_id: str
    error_id: str
    hint: str
    """The accepted span in words ("From 1,1 to 1,4"), under the field."""


@dataclass(frozen=True)
class CalculatorOutput:
    """One ``<output data-output=KEY>``; ``initial`` is the central value, as the JS writes it."""

    key: str
    id: str
    label: Markup
    unit: str
    initial: str


@dataclass(frozen=True)
class AcceleratorOption:
    """An ``<option>`` of the accelerator choice."""

    id: str
    name: str
    selected: bool


@dataclass(frozen=True)
class CalculatorView:
    """Everything the calculator's part of the template prints."""

    legend: str
    accelerator_label: str
    accelerators: tuple[AcceleratorOption, ...]
    fields: tuple[CalculatorField, ...]
    results_label: str
    outputs: tuple[CalculatorOutput, ...]
    noscript: str
    data_json: Markup


def _attribute(value: float) -> str:
    """A number for an HTML attribute, written like JavaScript's ``String(n)`` (1400, 1.2)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def box_text(value: float, lang: str) -> str:
    """A number as the calculator writes it in a number box: JavaScript's digits, French comma."""
    text = _attribute(value)
    return text.replace(".", ",") if lang == "fr" else text


def _estimate(estimate: Estimate) -> dict[str, float | None]:
    return {"value": estimate.value, "low": estimate.low, "high": estimate.high}


def calculator_data(content: Content, lang: str) -> dict[str, Any]:
    """The JSON payload of ``<script type="application/json" id="cia-capacity-data">``."""
    inputs = capacity_inputs(content)
    accelerators = {}
    for entry in content.capacity.accelerators:
        model = model_accelerator(entry)
        accelerators[entry.id] = {
            "power_kw_all_in": _estimate(model.power_kw_all_in),
            "compute_pflops_dense": model.compute_pflops_dense,
            "number_format": model.number_format,
        }
    return {
        "lang": lang,
        "inputs": {
            "site_power_mw": _estimate(inputs.site_power_mw),
            "pue": _estimate(inputs.pue),
            "load_factor": _estimate(inputs.load_factor),
            "accelerators": accelerators,
            "default_accelerator": inputs.accelerator.id,
            "france_consumption_twh": inputs.france_consumption_twh,
            "grid_intensity_g_per_kwh": inputs.grid_intensity_g_per_kwh,
            "comparison_grid_intensity_g_per_kwh": inputs.comparison_grid_intensity_g_per_kwh,
            "investment_eur": inputs.investment_eur,
            "investment_site_power_mw": inputs.investment_site_power_mw,
        },
        "significant": dict(SIGNIFICANT_FIGURES),
    }


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe verbatim inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def page_bounds(content: Content) -> dict[str, tuple[float, float]]:
    """The min/max the page puts on some inputs: the site power spans the phases."""
    powers = [content.phase_power_mw(phase) for phase in content.capacity.phases]
    reach = calculator_reach_mw(content)
    if reach is not None:
        powers.append(reach)
    return {_PAGE_BOUNDS_FROM_PHASES: (min(powers), max(powers))} if powers else {}


def calculator_bounds(content: Content, accelerator_id: str | None = None) -> dict[str, tuple[float, float]]:
    """Each input's slider span, as the script computes it: the data range widened by the page's."""
    inputs = capacity_inputs(content, accelerator_id)
    page = page_bounds(content)
    spans = {}
    for name in RANGED_INPUTS:
        estimate = inputs.estimate_of(name)
        low, high = estimate.lowest, estimate.highest
        # The accelerator power follows the chosen accelerator: the page never widens it.
        if name in page and name != "accelerator_power_kw":
            low, high = min(low, page[name][0]), max(high, page[name][1])
        spans[name] = (low, high)
    return spans


def calculator_expected(
    content: Content, inputs: Mapping[str, Any], *, lang: str = "fr"
) -> dict[str, str]:
    """The text of each ``<output data-output=KEY>`` once a reader has set ``inputs``.

    ``inputs`` may give ``accelerator`` (an id; chosen first, which resets the accelerator
    power to its central value) and any of ``site_power_mw``, ``pue``, ``load_factor``,
    ``accelerator_power_kw``; the others stay at their central values. A value outside its
    slider's span raises ``ValueError``: the script refuses it (with a message) rather than
    clamping it, and keeps the last figures. The strings are exactly what the
    script writes: its ``Intl.NumberFormat`` output, French spaces set to U+202F, equals our
    ``Formatter``'s to the page's ``SIGNIFICANT_FIGURES`` (a browser test holds both to this).
    """
    accelerator_id = inputs.get("accelerator") or accelerator_entry(content).id
    model_inputs = capacity_inputs(content, accelerator_id)
    spans = calculator_bounds(content, accelerator_id)
    point = {}
    for name in RANGED_INPUTS:
        if inputs.get(name) is not None:
            low, high = spans[name]
            value = float(inputs[name])
            if not low <= value <= high:
                raise ValueError(f"{name}: {value} is outside the calculator's span {low} to {high}")
            point[name] = value
    results = compute(model_inputs, point=point)
    fmt = Formatter(lang)
    return {key: output_text(fmt, key, getattr(results, key)) for key in OUTPUT_KEYS}


def _span_words(t: PageText, name: str, span: tuple[float, float]) -> dict[str, str]:
    """The placeholders of a field's hint and messages: its span, an example, as the page writes them."""
    words = {"low": exact(t.fmt, span[0]), "high": exact(t.fmt, span[1]),
             "example": box_text(t.inputs.estimate_of(name).value, t.lang)}
    if name == _AS_FRACTION:
        words["percent"] = t.fmt.percent(t.inputs.estimate_of(name).value, None)
    return words


def _field_texts(t: PageText, name: str, span: tuple[float, float]) -> dict[str, str]:
    """What the form says about a field: its hint, and why it refuses an entry (empty, not a number, out of range)."""
    _ = t.gettext
    words = _span_words(t, name, span)
    keeps = _(_KEEPS_LAST)
    if name == _AS_FRACTION:
        hint = _("A fraction from %(low)s to %(high)s (%(example)s means %(percent)s)") % words
        out_of_range = _("Enter a fraction from %(low)s to %(high)s (%(example)s means %(percent)s);") % words
    else:
        hint = _("From %(low)s to %(high)s") % words
        out_of_range = _("This value is outside the range the model covers: enter a value from "
                         "%(low)s to %(high)s;") % words
    texts = {
        "hint": hint,
        "empty": _("This field is empty: enter a value from %(low)s to %(high)s;") % words,
        "not_number": _("This is not a number: enter a value from %(low)s to %(high)s, written "
                        "like %(example)s;") % words,
        "out_of_range": out_of_range,
    }
    return {key: t.typography(text if key == "hint" else f"{text} {keeps}") for key, text in texts.items()}


def _messages(t: PageText) -> dict[str, Any]:
    """Each field's hint and refusals for the script; the accelerator power's, per accelerator."""
    messages: dict[str, Any] = {}
    spans = calculator_bounds(t.content)
    for name in RANGED_INPUTS:
        if name != "accelerator_power_kw":
            messages[name] = _field_texts(t, name, spans[name])
    # The accelerator power's span follows the chosen accelerator: one set of texts for each.
    messages["accelerator_power_kw"] = {
        entry.id: _field_texts(
            t, "accelerator_power_kw", calculator_bounds(t.content, entry.id)["accelerator_power_kw"]
        )
        for entry in t.content.capacity.accelerators
    }
    return messages


def _fields(t: PageText) -> tuple[CalculatorField, ...]:
    page = page_bounds(t.content)
    spans = calculator_bounds(t.content)
    fields = []
    for name in RANGED_INPUTS:
        span = page.get(name)
        ident = name.replace("_", "-")
        value = t.inputs.estimate_of(name).value
        fields.append(CalculatorField(
            name=name,
            label=t.gettext(FIELD_LABELS[name]),
            label_id=f"cia-calculator-label-{ident}",
            slider_id=f"cia-calculator-{ident}",
            number_id=f"cia-calculator-{ident}-number",
            value=_attribute(value),
            box_value=box_text(value, t.lang),
            min=None if span is None else _attribute(span[0]),
            max=None if span is None else _attribute(span[1]),
            hint_id=f"cia-calculator-{ident}-hint",
            error_id=f"cia-calculator-{ident}-error",
            hint=_field_texts(t, name, spans[name])["hint"],
        ))
    return tuple(fields)


def _output_label(t: PageText, key: str) -> Markup:
    number_format = Markup("<span data-number-format>{}</span>").format(t.inputs.accelerator.number_format)
    grid = t.content.capacity.comparison_grid_name[t.lang]
    return escape(t.gettext(OUTPUT_LABELS[key])) % {"format": number_format, "grid": grid}


def calculator_view(t: PageText) -> CalculatorView:
    """The calculator's form and data block for the page ``t`` describes."""
    _ = t.gettext
    central = t.bounds.central
    outputs = tuple(
        CalculatorOutput(
            key=key,
            id=f"cia-calculator-out-{key.replace('_', '-')}",
            label=_output_label(t, key),
            unit=t.unit(key),
            initial=t.output(key, getattr(central, key)),
        )
        for key in OUTPUT_KEYS
    )
    accelerators = tuple(
        AcceleratorOption(entry.id, entry.name, entry.id == t.inputs.accelerator.id)
        for entry in t.content.capacity.accelerators
    )
    return CalculatorView(
        legend=_("Assumptions"),
        accelerator_label=_("Accelerator"),
        accelerators=accelerators,
        fields=_fields(t),
        results_label=_("Results"),
        outputs=outputs,
        noscript=_("The calculator needs JavaScript. The tables above give the same results "
                   "for the central assumptions and over their ranges."),
        data_json=script_json({**calculator_data(t.content, t.lang), "messages": _messages(t)}),
    )
