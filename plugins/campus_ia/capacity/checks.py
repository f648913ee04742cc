"""Whether ``content/`` can feed the capacity model, as located problems (errors are values).

The content model checks each file's shape; this checks what only the capacity model knows
(a site power it can convert to MW, an investment in euros, a PUE of at least 1, an
accelerator power above 0), so a build can report these with the other content problems,
at their line in ``capacity.yml``, instead of failing later while rendering the page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..content import Content, Problem
from ..content.problems import format_path
from .from_content import (
    MODEL_NAMES,
    capacity_inputs,
    investment_eur,
    model_accelerator,
    net_exports_reference,
    scalar_input,
    site_power_estimate,
)
from .inputs import CapacityInputError, check_input

YamlPath = tuple[str | int, ...]
Check = tuple[YamlPath, Callable[[], object]]


def _scalar_checks(content: Content) -> list[Check]:
    checks: list[Check] = []
    for key, model_name in MODEL_NAMES.items():
        entry = getattr(content.capacity, key)
        checks.append(((key, "unit"), partial(scalar_input, content, key)))
        for end in ("value", "low", "high"):
            number = getattr(entry, end)
            if number is not None:
                checks.append(((key, end), partial(check_input, model_name, number, label=f"{key}.{end}")))
    return checks


def capacity_problems(content: Content) -> list[Problem]:
    """Every reason the capacity model cannot run on ``content``, located in ``capacity.yml``."""
    checks: list[Check] = [
        (("site_power", "figure"), partial(site_power_estimate, content)),
        (("investment", "figure"), partial(investment_eur, content)),
        *_scalar_checks(content),
        *(
            (("accelerators", index, "power_kw_all_in"), partial(model_accelerator, entry))
            for index, entry in enumerate(content.capacity.accelerators)
        ),
        (("references",), partial(net_exports_reference, content)),
    ]
    problems = [problem for path, check in checks if (problem := _run(content, path, check))]
    if not problems:
        # Whatever the field checks cannot see (none today) still surfaces as a problem.
        problem = _run(content, (), partial(capacity_inputs, content))
        problems.extend([problem] if problem else [])
    return problems


def _run(content: Content, path: YamlPath, check: Callable[[], object]) -> Problem | None:
    try:
        check()
    except CapacityInputError as exc:
        return _located(content, path, str(exc))
    return None


def _located(content: Content, path: YamlPath, message: str) -> Problem:
    document = content.documents.get("capacity")
    if document is None:
        return Problem("content/capacity.yml", 1, 1, format_path(path), message)
    position = document.position_of(path)
    return Problem(document.display_name, position.line, position.column, format_path(path), message)
