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
    calculator_reach_mw,
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
        (("calculator_reach",), partial(calculator_reach_mw, content)),
        *_scalar_checks(content),
        *(
            (("accelerators", index, "power_kw_all_in"), partial(model_accelerator, entry))
            for index, entry in enumerate(content.capacity.accelerators)
        ),
        (("references",), partial(net_exports_reference, content)),
    ]
    problems = [problem for path, check in checks if (problem := _run(content, path, check))]
    if not problems:
        # Whatever the field checks cannot see (a site power below zero) still surfaces as a problem.
        problem = _run(content, (), partial(capacity_inputs, content))
        problems.extend([problem] if problem else [])
    # A site power that the model refuses (below zero...) is wrong where it is typed: at the
    # figure's lead value, in campus.yml, not at the reference to it in capacity.yml.
    return [_at_figure_value(content, problem) for problem in problems]


_FIGURE_REFS = {"site_power.figure": "site_power", "investment.figure": "investment"}
_MODEL_INPUTS = {"site_power_mw": "site_power", "investment_eur": "investment"}
"""The model's inputs that are figures of campus.yml or investment.yml, and their reference in capacity.yml."""


def _at_figure_value(content: Content, problem: Problem) -> Problem:
    """``problem`` moved to the referenced figure's lead value if that value is what was refused."""
    key = _FIGURE_REFS.get(problem.where) or next(
        (ref for name, ref in _MODEL_INPUTS.items() if not problem.where and problem.message.startswith(f"{name}:")), None)
    if key is None:
        return problem
    figure = content.figures.get(getattr(content.capacity, key).figure)
    if figure is None or figure.lead.value is None or f"is in {figure.unit}" in problem.message:
        return problem  # no value, or the wrong kind of figure: the reference is what to fix
    stem = content.figure_file(figure.id)
    document = content.documents.get(stem)
    if document is None:
        return problem
    figures = content.capacity.references if stem == "capacity" else getattr(content, stem).figures
    index = next(i for i, f in enumerate(figures) if f.id == figure.id)
    lead = next(i for i, r in enumerate(figure.reports) if r.standing == "lead")
    path: YamlPath = ("references" if stem == "capacity" else "figures", index, "reports", lead, "value")
    position = document.position_of(path)
    return Problem(document.display_name, position.line, position.column, format_path(path),
                   f"{problem.message} (capacity.yml {key} uses this figure)")


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
