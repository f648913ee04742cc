"""The capacity model: from site power to accelerators, compute, energy, emissions and cost.

The formulas are mirrored in ``theme/assets/javascripts/capacity-calculator.js``; keep the
order of operations identical in both so the in-page calculator and the build-time tables
agree to the last bit (a test checks this).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .inputs import RANGED_INPUTS, CapacityInputError, CapacityInputs, check_input

HOURS_PER_YEAR = 8760
"""Hours in a non-leap year; annual figures are for a typical year, not a calendar one."""


@dataclass(frozen=True)
class Results:
    """Model outputs. Field names are a public contract (``/data/capacity.json``)."""

    it_power_mw: float
    accelerators: float
    """Kept fractional: rounding to whole accelerators is a display decision."""
    peak_compute_exaflops: float
    """Dense compute, in the accelerator's number format (e.g. BF16)."""
    annual_energy_twh: float
    share_of_france_consumption: float
    """A ratio (0.0218 means 2.18 %)."""
    annual_emissions_kt_co2: float
    annual_emissions_kt_co2_comparison_grid: float
    investment_eur_per_mw: float | None
    """None when the investment is unknown."""

    def as_dict(self) -> dict[str, float | None]:
        """The outputs as a plain dict, in field order, ready for JSON."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}


OUTPUT_KEYS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(Results))
"""The eight output names, in display order."""


@dataclass(frozen=True)
class Bounds:
    """Central results and, per output, the lowest and highest value the input ranges allow.

    ``low`` and ``high`` are not scenarios: each output's extreme may come from a different
    combination of inputs (the most accelerators come from the lowest PUE, the most energy
    from the highest load factor), so the fields of ``low`` need not be consistent together.
    """

    central: Results
    low: Results
    high: Results

    def as_dict(self) -> dict[str, dict[str, float | None]]:
        """``{"central": {...}, "low": {...}, "high": {...}}`` for JSON export."""
        return {
            "central": self.central.as_dict(),
            "low": self.low.as_dict(),
            "high": self.high.as_dict(),
        }


def _evaluate(inputs: CapacityInputs, values: Mapping[str, float]) -> Results:
    site_power_mw = values["site_power_mw"]
    it_power_mw = site_power_mw / values["pue"]
    accelerators = it_power_mw * 1000 / values["accelerator_power_kw"]
    peak_compute_exaflops = accelerators * inputs.accelerator.compute_pflops_dense / 1000
    # Facility power drawn on average over the year, cooling and losses included.
    annual_energy_twh = site_power_mw * values["load_factor"] * HOURS_PER_YEAR / 1_000_000
    # 1 TWh x 1 g/kWh = 1e9 kWh x 1 g/kWh = 1e9 g = 1 kt, hence no conversion factor.
    emissions = annual_energy_twh * inputs.grid_intensity_g_per_kwh
    comparison = annual_energy_twh * inputs.comparison_grid_intensity_g_per_kwh
    investment = inputs.investment_eur
    # The amount is for the announced site power: per MW against that power, whatever power
    # is being tried (a phase, a slider), rather than charge the whole tranche to a part of it.
    investment_power = inputs.investment_site_power_mw or site_power_mw
    return Results(
        it_power_mw=it_power_mw,
        accelerators=accelerators,
        peak_compute_exaflops=peak_compute_exaflops,
        annual_energy_twh=annual_energy_twh,
        share_of_france_consumption=annual_energy_twh / inputs.france_consumption_twh,
        annual_emissions_kt_co2=emissions,
        annual_emissions_kt_co2_comparison_grid=comparison,
        investment_eur_per_mw=None if investment is None else investment / investment_power,
    )


def compute(inputs: CapacityInputs, *, point: Mapping[str, float] | None = None) -> Results:
    """Compute the results from the central values of ``inputs``.

    ``point`` replaces the central value of some ranged inputs (``site_power_mw``, ``pue``,
    ``load_factor``, ``accelerator_power_kw``) without rebuilding the inputs; its values are
    checked for physical possibility but may lie outside the published ranges (scenarios do).
    Raises ``CapacityInputError`` for an unknown name or an impossible value.
    """
    values = {name: inputs.estimate_of(name).value for name in RANGED_INPUTS}
    for name, value in (point or {}).items():
        if name not in RANGED_INPUTS:
            raise CapacityInputError(
                f"{name!r} cannot be varied (allowed: {', '.join(RANGED_INPUTS)})"
            )
        values[name] = check_input(name, value)
    return _evaluate(inputs, values)


def _extreme(results: Sequence[Results], pick: Callable[[list[float]], float]) -> Results:
    fields: dict[str, float | None] = {}
    for key in OUTPUT_KEYS:
        column = [getattr(r, key) for r in results]
        # Only the investment can be None, and then it is None at every corner.
        fields[key] = None if column[0] is None else pick(column)
    return Results(**fields)  # type: ignore[arg-type]


def compute_bounds(inputs: CapacityInputs) -> Bounds:
    """Central results plus, per output, its minimum and maximum over the input ranges.

    Every output is a product of positive inputs each raised to the power +1 or -1
    (e.g. accelerators = site power x PUE^-1 x accelerator power^-1 x 1000). So each output
    moves in one fixed direction when one input grows, whatever the others are, and its
    extremes over the box of ranged inputs sit at corners of that box. Evaluating every
    corner (at most 2^4 = 16) finds them without hand-coding which end of which input is
    favourable for which output, so a new formula cannot silently get the direction wrong.
    Inputs without a range stay at their central value.
    """
    axes = [inputs.estimate_of(name).extremes for name in RANGED_INPUTS]
    corners = [
        compute(inputs, point=dict(zip(RANGED_INPUTS, corner)))
        for corner in itertools.product(*axes)
    ]
    low, high = _extreme(corners, min), _extreme(corners, max)
    if inputs.investment_eur is not None and inputs.investment_range_eur is not None:
        # The amount's range comes from the reports, not from the physical inputs' box.
        power = inputs.investment_site_power_mw or inputs.site_power_mw.value
        low = dataclasses.replace(low, investment_eur_per_mw=inputs.investment_range_eur[0] / power)
        high = dataclasses.replace(high, investment_eur_per_mw=inputs.investment_range_eur[1] / power)
    return Bounds(central=compute(inputs), low=low, high=high)


def scenarios(inputs: CapacityInputs, site_powers_mw: Sequence[float]) -> list[Results]:
    """Central results at other site powers, e.g. the grid-connection phases 240, 700, 1400 MW."""
    if isinstance(site_powers_mw, (str, bytes)):
        raise CapacityInputError(
            f"site_powers_mw: {site_powers_mw!r} must be a list of numbers, not text"
        )
    return [compute(inputs, point={"site_power_mw": power}) for power in site_powers_mw]
