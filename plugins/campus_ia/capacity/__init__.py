"""The capacity model: what 1.4 GW of site power means in accelerators, compute, energy and CO2.

Plain Python with inputs as plain numbers; no MkDocs, no YAML. The same formulas run in the
browser from ``theme/assets/javascripts/capacity-calculator.js``.

From ``content/`` to the site: ``capacity_inputs`` reads the model's inputs from a loaded
``Content`` (``capacity_problems`` says, as located problems, why it cannot); ``capacity_document``/``capacity_json`` are ``/data/capacity.json``;
``capacity_view`` is everything ``templates/capacity.md.j2`` prints (the page environment
must expose it, see ``TEMPLATE_GLOBALS``); ``calculator_expected`` says what the in-page
calculator shows for given slider values.
"""

from __future__ import annotations

from .calculator import calculator_bounds, calculator_data, calculator_expected
from .charts import Bar, bar_chart
from .checks import capacity_problems
from .document import capacity_document, capacity_json
from .from_content import capacity_inputs
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
from .page_view import TEMPLATE_GLOBALS, CapacityPageView, capacity_view

__all__ = [
    "HOURS_PER_YEAR",
    "OUTPUT_KEYS",
    "RANGED_INPUTS",
    "SCALAR_INPUTS",
    "TEMPLATE_GLOBALS",
    "Accelerator",
    "Bar",
    "Bounds",
    "CapacityInputError",
    "CapacityInputs",
    "CapacityPageView",
    "Estimate",
    "Results",
    "bar_chart",
    "calculator_bounds",
    "calculator_data",
    "calculator_expected",
    "capacity_document",
    "capacity_inputs",
    "capacity_json",
    "capacity_problems",
    "capacity_view",
    "check_input",
    "compute",
    "compute_bounds",
    "scenarios",
]
