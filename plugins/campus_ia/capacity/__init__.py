"""The capacity model: what 1.4 GW of site power means in accelerators, compute, energy and CO2.

Plain Python with inputs as plain numbers; no MkDocs, no YAML. The same formulas run in the
browser from ``theme/assets/javascripts/capacity-calculator.js``.
"""

from __future__ import annotations

from .charts import Bar, bar_chart
from .inputs import (
    RANGED_INPUTS,
    SCALAR_INPUTS,
    Accelerator,
    CapacityInputError,
    CapacityInputs,
    Estimate,
    check_input,
)
from .model import (
    HOURS_PER_YEAR,
    OUTPUT_KEYS,
    Bounds,
    Results,
    compute,
    compute_bounds,
    scenarios,
)

__all__ = [
    "HOURS_PER_YEAR",
    "OUTPUT_KEYS",
    "RANGED_INPUTS",
    "SCALAR_INPUTS",
    "Accelerator",
    "Bar",
    "Bounds",
    "CapacityInputError",
    "CapacityInputs",
    "Estimate",
    "Results",
    "bar_chart",
    "check_input",
    "compute",
    "compute_bounds",
    "scenarios",
]
