"""How the model's outputs are written on the page: precision, units and labels.

The tables, the chart texts, the prose and the in-page calculator show the outputs with
the same number of significant figures (``SIGNIFICANT_FIGURES``, also sent to the
calculator), so a reader who moves no slider sees the calculator agree with the central
column of the results table: "about 556,000 accelerators", not "555,556".
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from ..formatting import UNITS, Formatter
from ..i18n import N_
from .model import OUTPUT_KEYS

SHARE_KEY = "share_of_france_consumption"
INVESTMENT_KEY = "investment_eur_per_mw"

SIGNIFICANT_FIGURES: dict[str, int] = {key: 3 for key in OUTPUT_KEYS}
"""Significant figures per output (for the share: of the percentage), on the page and in the JS.

These are estimates: three figures is all their assumptions can carry ("556,000", not "555,556").
"""

OUTPUT_UNITS: dict[str, str] = {
    "it_power_mw": "MW",
    "accelerators": "accelerators",
    "peak_compute_exaflops": "EFLOP/s",
    "annual_energy_twh": "TWh",
    SHARE_KEY: "ratio",
    "annual_emissions_kt_co2": "kt CO2",
    "annual_emissions_kt_co2_comparison_grid": "kt CO2",
    INVESTMENT_KEY: "EUR/MW",
}
"""The unit of each output, as a unit code of ``campus_ia.formatting.UNITS`` ("ratio": a share)."""

OUTPUT_LABELS: dict[str, str] = {
    "it_power_mw": N_("IT power"),
    "accelerators": N_("Accelerators"),
    "peak_compute_exaflops": N_("Peak compute, dense %(format)s, without sparsity"),
    "annual_energy_twh": N_("Annual electricity use"),
    SHARE_KEY: N_("Share of France's electricity consumption"),
    "annual_emissions_kt_co2": N_("Annual emissions at the French grid's average intensity"),
    "annual_emissions_kt_co2_comparison_grid": N_("Annual emissions on the %(grid)s"),
    INVESTMENT_KEY: N_("Initial investment per MW of site power"),
}
"""What each output is, in English msgids; ``%(format)s`` and ``%(grid)s`` come from content."""

UNKNOWN = "\u2014"
"""Shown for an output that cannot be computed (the cost per MW of an unknown investment)."""

assert set(SIGNIFICANT_FIGURES) == set(OUTPUT_UNITS) == set(OUTPUT_LABELS) == set(OUTPUT_KEYS)


def output_text(fmt: Formatter, key: str, value: float | None) -> str:
    """An output to its ``SIGNIFICANT_FIGURES``, exactly as the calculator writes it (no unit)."""
    if value is None:
        return UNKNOWN
    if key == SHARE_KEY:
        return approximate_share(fmt, value, SIGNIFICANT_FIGURES[key])
    return approximate(fmt, value, None, SIGNIFICANT_FIGURES[key])


def unit_text(key: str, gettext: Callable[[str], str]) -> str:
    """The unit shown beside an output ("" for counts and shares, whose text says it)."""
    code = OUTPUT_UNITS[key]
    if code == "EUR/MW":
        return gettext("EUR per MW")
    unit = UNITS.get(code)
    return unit.symbol if unit is not None and unit.kind == "symbol" else ""


def output_label(key: str, gettext: Callable[[str], str], *, number_format: str, grid: str) -> str:
    """The translated label of output ``key``, with the number format and the grid name filled in."""
    return gettext(OUTPUT_LABELS[key]) % {"format": number_format, "grid": grid}


def _significant(value: float, significant: int) -> tuple[Decimal, int]:
    """``value`` rounded half up to ``significant`` figures, and the decimals left to show."""
    if value == 0:
        return Decimal(0), 0
    places = significant - 1 - math.floor(math.log10(abs(value)))
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded, max(places, 0)


def round_significant(value: float, significant: int = 3) -> float:
    """``value`` rounded half up to ``significant`` figures (555,555.6 -> 556,000)."""
    return float(_significant(value, significant)[0])


def approximate(fmt: Formatter, value: float, unit: str | None = None, significant: int = 3) -> str:
    """``value`` to ``significant`` figures for prose, with ``unit`` (a unit code) if given."""
    rounded, digits = _significant(value, significant)
    if unit is None:
        return fmt.number(rounded, digits)
    return fmt.quantity(rounded, unit, digits)


def approximate_share(fmt: Formatter, ratio: float, significant: int = 3) -> str:
    """A share as a percentage to ``significant`` figures (0.0218415 -> "2,18 %")."""
    rounded, digits = _significant(ratio * 100, significant)
    return fmt.percent(rounded / 100, digits)


def exact(fmt: Formatter, value: float, unit: str | None = None, max_decimals: int = 4) -> str:
    """A value from ``content/`` with every decimal it was written with (0.989 stays 0,989)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    digits = min(max(-int(exponent), 0), max_decimals)
    if unit is None or unit == "ratio":
        return fmt.number(value, digits)
    return fmt.quantity(value, unit, digits)
