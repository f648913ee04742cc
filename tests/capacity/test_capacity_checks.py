"""capacity_problems: what the model cannot use, reported at its line in capacity.yml."""

from __future__ import annotations

from campus_ia.content import ContentError

import pytest

from collections.abc import Callable
from pathlib import Path

from campus_ia.capacity.checks import capacity_problems


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_shipped_content_has_no_capacity_problem(shipped_content: object) -> None:
    assert capacity_problems(shipped_content) == []  # type: ignore[arg-type]


def test_impossible_values_are_located(edited_content: Callable[..., object], tmp_path: Path) -> None:
    # The site's load runs the capacity checks, so the problems arrive as one ContentError.
    with pytest.raises(ContentError) as caught:
        edited_content(
        ("capacity.yml", "pue:\n  value: 1.2\n  low: 1.1\n", "pue:\n  value: 1.2\n  low: 0.9\n"),
        ("capacity.yml", "  figure: first-tranche\n", "  figure: first-tranche-usd\n"),
        ("capacity.yml", "      value: 2.1\n      low: 1.7\n      high: 2.4\n      unit: kW\n",
         "      value: 2.1\n      low: 1.7\n      high: 2.4\n      unit: MW\n"),
    )
    problems = {p.where: p for p in caught.value.problems}
    assert set(problems) == {"pue.low", "investment.figure", "accelerators[0].power_kw_all_in"}
    assert "cannot be below 1" in problems["pue.low"].message
    assert "USD" in problems["investment.figure"].message
    assert "'MW' is not supported" in problems["accelerators[0].power_kw_all_in"].message
    edited = tmp_path / "content" / "capacity.yml"
    assert {p.file for p in problems.values()} == {"content/capacity.yml"}
    assert problems["pue.low"].line == line_of(edited, "  low: 0.9")
    assert problems["investment.figure"].line == line_of(edited, "figure: first-tranche-usd")


@pytest.mark.parametrize(("figure", "says"), [
    ("expansion-powr", "no figure 'expansion-powr'"),
    ("first-tranche", "must be a power"),  # an amount of money cannot bound a site power
])
def test_calculator_reach_must_be_a_known_power(
    edited_content: Callable[..., object], tmp_path: Path, figure: str, says: str
) -> None:
    with pytest.raises(ContentError) as caught:
        edited_content(("capacity.yml", "calculator_reach: expansion-power\n", f"calculator_reach: {figure}\n"))
    problems = {p.where: p for p in caught.value.problems}
    assert set(problems) == {"calculator_reach"}
    assert says in problems["calculator_reach"].message
    edited = tmp_path / "content" / "capacity.yml"
    assert problems["calculator_reach"].line == line_of(edited, f"calculator_reach: {figure}")
