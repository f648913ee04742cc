"""Build the model's inputs from ``content/``: the one bridge between YAML data and the model.

The site power and the investment are not capacity data: ``capacity.yml`` points at the
figures in ``campus.yml`` and ``investment.yml`` and this module reads their lead reports,
so a corrected figure changes the model with no second edit.
"""

from __future__ import annotations

from ..content import Content
from ..content.model import Accelerator as AcceleratorEntry
from ..content.model import Figure, FigureRef, RangedInput, Report
from .inputs import Accelerator, CapacityInputError, CapacityInputs, Estimate

_TO_MW: dict[str, float] = {"W": 1e-6, "kW": 1e-3, "MW": 1.0, "GW": 1e3}
"""Power units a site-power figure may use, and the factor that turns them into MW."""

_TO_KW: dict[str, float] = {"W": 1e-3, "kW": 1.0}
"""Power units an accelerator's all-in power may use, and the factor that turns them into kW."""

MODEL_NAMES: dict[str, str] = {
    "pue": "pue",
    "load_factor": "load_factor",
    "france_consumption_twh": "france_consumption_twh",
    "grid_intensity": "grid_intensity_g_per_kwh",
    "comparison_grid": "comparison_grid_intensity_g_per_kwh",
}
"""Each model input written directly in ``capacity.yml``, and its name in the model."""

_EXPECTED_UNITS: dict[str, tuple[str, ...]] = {
    "pue": ("ratio",),
    "load_factor": ("ratio",),
    "france_consumption_twh": ("TWh",),
    "grid_intensity": ("gCO2e/kWh", "gCO2/kWh"),
    "comparison_grid": ("gCO2e/kWh", "gCO2/kWh"),
}
"""The unit each scalar input of ``capacity.yml`` must be written in (the model does not convert)."""


def referenced_figure(content: Content, ref: FigureRef, where: str) -> Figure:
    """The figure ``ref`` points at; ``where`` names the reference in the error message."""
    try:
        return content.figures[ref.figure]
    except KeyError:
        raise CapacityInputError(
            f"capacity.yml {where}.figure: no figure '{ref.figure}' in campus.yml or investment.yml"
        ) from None


def _scale(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def site_power_estimate(content: Content) -> Estimate:
    """The site power in MW: the lead report of the referenced figure, with the reference's range.

    ``low``/``high`` on the reference are in the referenced figure's unit, like its value.
    """
    ref = content.capacity.site_power
    figure = referenced_figure(content, ref, "site_power")
    factor = _TO_MW.get(figure.unit)
    if factor is None:
        raise CapacityInputError(
            f"capacity.yml site_power: figure '{figure.id}' is in {figure.unit}; "
            f"the site power must be a power ({', '.join(_TO_MW)})"
        )
    lead = figure.lead
    if lead.value is None:
        raise CapacityInputError(
            f"capacity.yml site_power: figure '{figure.id}' has no value in its lead report; "
            "the capacity model needs a known site power"
        )
    try:
        return Estimate(lead.value * factor, _scale(ref.low, factor), _scale(ref.high, factor))
    except CapacityInputError as exc:
        raise CapacityInputError(f"capacity.yml site_power (figure '{figure.id}'): {exc}") from None


def calculator_reach_mw(content: Content) -> float | None:
    """The power, in MW, the calculator's site power reaches (``capacity.yml`` calculator_reach).

    None when the file names no such figure. The figure is read from content, never copied,
    so a new expansion figure widens the calculator without a code change.
    """
    figure_id = content.capacity.calculator_reach
    if figure_id is None:
        return None
    figure = content.figures.get(figure_id)
    if figure is None:
        raise CapacityInputError(
            f"capacity.yml calculator_reach: no figure '{figure_id}' in campus.yml or investment.yml"
        )
    factor = _TO_MW.get(figure.unit)
    if factor is None or figure.lead.value is None or figure.lead.value <= 0:
        raise CapacityInputError(
            f"capacity.yml calculator_reach: figure '{figure_id}' must be a power above 0 "
            f"({', '.join(_TO_MW)}) with a value in its lead report"
        )
    return figure.lead.value * factor


def investment_report(content: Content) -> tuple[Figure, Report]:
    """The referenced investment figure and its lead report."""
    figure = referenced_figure(content, content.capacity.investment, "investment")
    return figure, figure.lead


def investment_eur(content: Content) -> float | None:
    """The lead value of the referenced investment figure in euros, or None when it is unknown."""
    figure, lead = investment_report(content)
    if lead.status == "unknown" or lead.value is None:
        return None
    if figure.unit != "EUR":
        raise CapacityInputError(
            f"capacity.yml investment: figure '{figure.id}' is in {figure.unit}; "
            "the model needs an amount in EUR (no exchange rate is assumed)"
        )
    return lead.value


def investment_range_eur(content: Content) -> tuple[float, float] | None:
    """Lowest and highest amount of the investment figure's current reports (superseded ones left
    out), or None when fewer than two amounts are reported."""
    figure, lead = investment_report(content)
    if investment_eur(content) is None:
        return None
    values = [r.value for r in figure.reports if r.standing != "superseded" and r.value is not None]
    if len(values) < 2:
        return None
    return min(values), max(values)


def _estimate(entry: RangedInput) -> Estimate:
    return Estimate(entry.value, entry.low, entry.high)


def scalar_input(content: Content, key: str) -> float:
    """The central value of input ``key`` of ``capacity.yml`` once its unit is checked."""
    entry: RangedInput = getattr(content.capacity, key)
    if entry.unit not in _EXPECTED_UNITS[key]:
        raise CapacityInputError(
            f"capacity.yml {key}.unit: '{entry.unit}' is not supported "
            f"(expected {' or '.join(_EXPECTED_UNITS[key])})"
        )
    # The model takes these as single numbers; their ranges are shown, not propagated.
    return entry.value


def model_accelerator(entry: AcceleratorEntry) -> Accelerator:
    """The model's view of one accelerator of ``capacity.yml``, its power converted to kW."""
    power = entry.power_kw_all_in
    factor = _TO_KW.get(power.unit)
    if factor is None:
        raise CapacityInputError(
            f"capacity.yml accelerators.{entry.id}.power_kw_all_in.unit: '{power.unit}' "
            f"is not supported (expected {' or '.join(_TO_KW)})"
        )
    estimate = Estimate(power.value * factor, _scale(power.low, factor), _scale(power.high, factor))
    return Accelerator(entry.id, estimate, entry.compute_pflops_dense, entry.number_format)


def accelerator_entry(content: Content, accelerator_id: str | None = None) -> AcceleratorEntry:
    """The accelerator named ``accelerator_id`` (the default one when None)."""
    wanted = accelerator_id or content.capacity.default_accelerator
    for entry in content.capacity.accelerators:
        if entry.id == wanted:
            return entry
    known = ", ".join(a.id for a in content.capacity.accelerators)
    raise CapacityInputError(f"accelerator '{wanted}' is not in capacity.yml (known: {known})")


def capacity_inputs(content: Content, accelerator_id: str | None = None) -> CapacityInputs:
    """The capacity model's inputs for ``accelerator_id`` (the default accelerator when None).

    Raises ``CapacityInputError`` naming the YAML entry when the content cannot feed the
    model (a unit it cannot convert, a site power without a value, an unknown accelerator).
    """
    capacity = content.capacity
    for key in ("pue", "load_factor"):
        scalar_input(content, key)  # unit check only; the value keeps its range below
    return CapacityInputs(
        site_power_mw=site_power_estimate(content),
        pue=_estimate(capacity.pue),
        load_factor=_estimate(capacity.load_factor),
        accelerator=model_accelerator(accelerator_entry(content, accelerator_id)),
        france_consumption_twh=scalar_input(content, "france_consumption_twh"),
        grid_intensity_g_per_kwh=scalar_input(content, "grid_intensity"),
        comparison_grid_intensity_g_per_kwh=scalar_input(content, "comparison_grid"),
        investment_eur=investment_eur(content),
        investment_range_eur=investment_range_eur(content),
        investment_site_power_mw=site_power_estimate(content).value,
    )


NET_EXPORTS_FIGURE = "france-net-exports-2024"
"""The reference in ``capacity.yml`` that says France is a net exporter (cited with emissions)."""


def net_exports_reference(content: Content) -> Figure:
    """France's net electricity exports, from the references of ``capacity.yml``."""
    for figure in content.capacity.references:
        if figure.id == NET_EXPORTS_FIGURE:
            return figure
    raise CapacityInputError(
        f"capacity.yml references: the emissions caveat cites France's net exports; "
        f"add a reference with id '{NET_EXPORTS_FIGURE}'"
    )
