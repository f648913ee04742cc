"""Inputs of the capacity model: central values with optional uncertainty ranges.

Inputs arrive as plain numbers (reading YAML is someone else's job). This module only
checks that they describe a physically possible campus, with messages a content editor
can act on, so that a typo in a data file stops the build instead of publishing nonsense.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Callable

RANGED_INPUTS: tuple[str, ...] = ("site_power_mw", "pue", "load_factor", "accelerator_power_kw")
"""Inputs that may carry an uncertainty range, in the order ``compute(point=...)`` accepts."""

SCALAR_INPUTS: tuple[str, ...] = (
    "compute_pflops_dense",
    "france_consumption_twh",
    "grid_intensity_g_per_kwh",
    "comparison_grid_intensity_g_per_kwh",
    "investment_eur",
)
"""Inputs known as a single number (or unknown, for the investment)."""


class CapacityInputError(ValueError):
    """An input that cannot describe a real campus; the message is written for a content editor."""


@dataclass(frozen=True)
class _Rule:
    allowed: Callable[[float], bool]
    reason: str


# Keyed by the canonical input name; the reason says why the value is impossible and what
# is allowed, because the editor reading it may not know the physics behind the number.
_RULES: dict[str, _Rule] = {
    "site_power_mw": _Rule(
        lambda v: v > 0,
        "the site power is the electrical power the campus draws and must be above 0 MW",
    ),
    "pue": _Rule(
        lambda v: v >= 1,
        "PUE is facility power / IT power and cannot be below 1",
    ),
    "load_factor": _Rule(
        lambda v: 0 < v <= 1,
        "the load factor is the average share of site power drawn over a year "
        "and must be above 0 and at most 1",
    ),
    "accelerator_power_kw": _Rule(
        lambda v: v > 0,
        "an accelerator's all-in power (chip, server share, network, storage) must be above 0 kW",
    ),
    "compute_pflops_dense": _Rule(
        lambda v: v > 0,
        "an accelerator's dense compute must be above 0 PFLOP/s",
    ),
    "france_consumption_twh": _Rule(
        lambda v: v > 0,
        "France's annual electricity consumption must be above 0 TWh",
    ),
    "grid_intensity_g_per_kwh": _Rule(
        lambda v: v >= 0,
        "a grid's carbon intensity cannot be negative (allowed: 0 gCO2/kWh or more)",
    ),
    "comparison_grid_intensity_g_per_kwh": _Rule(
        lambda v: v >= 0,
        "a grid's carbon intensity cannot be negative (allowed: 0 gCO2/kWh or more)",
    ),
    "investment_eur": _Rule(
        lambda v: v >= 0,
        "an investment cannot be negative (allowed: 0 EUR or more, or unknown)",
    ),
}


def _show(value: object) -> str:
    """Render a number the way an editor typed it (1400, 0.9, 8.5e+09), anything else as repr."""
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def _as_number(label: str, value: object) -> float:
    # bool is an int subclass: `pue: true` in a data file must not become 1.0.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CapacityInputError(f"{label}: {_show(value)} is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise CapacityInputError(f"{label}: {_show(value)} is not a finite number")
    return number


def check_input(name: str, value: object, *, label: str | None = None) -> float:
    """Return ``value`` as a float if it is possible for input ``name``.

    ``label`` replaces ``name`` in the message when the editor knows the input under
    another path (e.g. ``accelerators.b200.power_kw_all_in``).
    Raises ``CapacityInputError`` naming the input and the allowed range otherwise.
    """
    try:
        rule = _RULES[name]
    except KeyError:
        raise CapacityInputError(
            f"{name!r} is not a capacity input (known: {', '.join(_RULES)})"
        ) from None
    shown = label or name
    number = _as_number(shown, value)
    if not rule.allowed(number):
        raise CapacityInputError(f"{shown}: {_show(value)} is impossible: {rule.reason}")
    return number


@dataclass(frozen=True)
class Estimate:
    """A central value with an optional range; ``low <= value <= high`` when given.

    Either end of the range may be missing: the missing end is then the central value.
    """

    value: float
    low: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _as_number("estimate value", self.value))
        for end in ("low", "high"):
            raw = getattr(self, end)
            if raw is not None:
                object.__setattr__(self, end, _as_number(f"estimate {end}", raw))
        if (self.low is not None and self.low > self.value) or (
            self.high is not None and self.value > self.high
        ):
            raise CapacityInputError(
                f"estimate: central value {_show(self.value)} lies outside its range "
                f"[{_show(self.low)}, {_show(self.high)}]; expected low <= value <= high"
            )

    @property
    def has_range(self) -> bool:
        """True when at least one end of the range differs from the central value."""
        return self.lowest != self.value or self.highest != self.value

    @property
    def lowest(self) -> float:
        """The low end of the range, or the central value when there is none."""
        return self.value if self.low is None else self.low

    @property
    def highest(self) -> float:
        """The high end of the range, or the central value when there is none."""
        return self.value if self.high is None else self.high

    @property
    def extremes(self) -> tuple[float, ...]:
        """The distinct ends of the range (one value when the estimate is exact)."""
        return (self.lowest,) if self.lowest == self.highest else (self.lowest, self.highest)


def _check_estimate(name: str, estimate: Estimate, label: str | None = None) -> None:
    if not isinstance(estimate, Estimate):
        raise CapacityInputError(
            f"{label or name}: expected an Estimate(value, low, high), got {estimate!r}"
        )
    shown = label or name
    check_input(name, estimate.value, label=shown)
    if estimate.low is not None:
        check_input(name, estimate.low, label=f"{shown} (low end of range)")
    if estimate.high is not None:
        check_input(name, estimate.high, label=f"{shown} (high end of range)")


@dataclass(frozen=True)
class Accelerator:
    """One accelerator model; its power is 'all in': its share of servers, network and storage."""

    id: str
    power_kw_all_in: Estimate
    compute_pflops_dense: float
    number_format: str

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise CapacityInputError(f"accelerator id: {self.id!r} must be a non-empty text")
        where = f"accelerators.{self.id}"
        _check_estimate(
            "accelerator_power_kw", self.power_kw_all_in, f"{where}.power_kw_all_in"
        )
        object.__setattr__(
            self,
            "compute_pflops_dense",
            check_input(
                "compute_pflops_dense",
                self.compute_pflops_dense,
                label=f"{where}.compute_pflops_dense",
            ),
        )
        if not isinstance(self.number_format, str) or not self.number_format.strip():
            raise CapacityInputError(
                f"{where}.number_format: {self.number_format!r} must name the number format "
                "the compute figure is quoted in, e.g. 'BF16'"
            )


@dataclass(frozen=True)
class CapacityInputs:
    """Everything the capacity model needs, already validated on construction."""

    site_power_mw: Estimate
    pue: Estimate
    load_factor: Estimate
    accelerator: Accelerator
    france_consumption_twh: float
    grid_intensity_g_per_kwh: float
    comparison_grid_intensity_g_per_kwh: float
    investment_eur: float | None
    investment_range_eur: tuple[float, float] | None = None
    """Lowest and highest amount reported for the same investment (None: one report only)."""
    investment_site_power_mw: float | None = None
    """The site power the investment is for: the cost per MW is given against it alone,
    never against a phase or a what-if power the sources do not tie the amount to."""

    def __post_init__(self) -> None:
        for name in ("site_power_mw", "pue", "load_factor"):
            _check_estimate(name, getattr(self, name))
        if not isinstance(self.accelerator, Accelerator):
            raise CapacityInputError(
                f"accelerator: expected an Accelerator, got {self.accelerator!r}"
            )
        for name in (
            "france_consumption_twh",
            "grid_intensity_g_per_kwh",
            "comparison_grid_intensity_g_per_kwh",
        ):
            object.__setattr__(self, name, check_input(name, getattr(self, name)))
        if self.investment_eur is not None:
            object.__setattr__(
                self, "investment_eur", check_input("investment_eur", self.investment_eur)
            )
        if self.investment_range_eur is not None:
            low, high = (check_input("investment_eur", v) for v in self.investment_range_eur)
            if not low <= high:
                raise CapacityInputError(f"investment_range_eur: {low} is above {high}")
            object.__setattr__(self, "investment_range_eur", (low, high))
        if self.investment_site_power_mw is not None:
            object.__setattr__(
                self, "investment_site_power_mw", check_input("site_power_mw", self.investment_site_power_mw)
            )

    def value_of(self, name: str) -> float | None:
        """The central value of input ``name`` (one of ``RANGED_INPUTS`` or ``SCALAR_INPUTS``)."""
        if name == "accelerator_power_kw":
            return self.accelerator.power_kw_all_in.value
        if name == "compute_pflops_dense":
            return self.accelerator.compute_pflops_dense
        if name in RANGED_INPUTS:
            return getattr(self, name).value
        if name in SCALAR_INPUTS:
            return getattr(self, name)
        raise CapacityInputError(_unknown(name))

    def estimate_of(self, name: str) -> Estimate:
        """The estimate (with its range) of a ranged input."""
        if name == "accelerator_power_kw":
            return self.accelerator.power_kw_all_in
        if name in RANGED_INPUTS:
            return getattr(self, name)
        raise CapacityInputError(
            f"{name!r} has no range (ranged inputs: {', '.join(RANGED_INPUTS)})"
        )

    def with_values(self, **overrides: float | None) -> CapacityInputs:
        """Return a copy with some central values replaced, e.g. ``with_values(pue=1.3)``.

        Names are those of ``RANGED_INPUTS`` and ``SCALAR_INPUTS``. A replaced ranged input
        becomes exact: its old range described the uncertainty around the old central value,
        not around a what-if value. The copy is validated like any other inputs.
        """
        changes: dict[str, object] = {}
        accelerator = self.accelerator
        for name, value in overrides.items():
            if name == "accelerator_power_kw":
                accelerator = dataclasses.replace(
                    accelerator, power_kw_all_in=Estimate(check_input(name, value))
                )
            elif name == "compute_pflops_dense":
                accelerator = dataclasses.replace(accelerator, compute_pflops_dense=value)
            elif name in RANGED_INPUTS:
                changes[name] = Estimate(check_input(name, value))
            elif name in SCALAR_INPUTS:
                changes[name] = value
            else:
                raise CapacityInputError(_unknown(name))
        return dataclasses.replace(self, accelerator=accelerator, **changes)


def _unknown(name: str) -> str:
    return f"{name!r} is not a capacity input (known: {', '.join(RANGED_INPUTS + SCALAR_INPUTS)})"
