"""The capacity model against hand-computed values, its edges, its bounds and its JS twin."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

from campus_ia.capacity import (
    OUTPUT_KEYS,
    RANGED_INPUTS,
    SCALAR_INPUTS,
    Accelerator,
    CapacityInputError,
    CapacityInputs,
    Estimate,
    Results,
    compute,
    compute_bounds,
    scenarios,
)
from tests.support import REPO_ROOT

PACKAGE = REPO_ROOT / "plugins" / "campus_ia" / "capacity"
JS_FILE = REPO_ROOT / "plugins/campus_ia/theme/assets/javascripts/capacity-calculator.js"


def make_inputs(**ranges: tuple[float, float] | None) -> CapacityInputs:
    """The worked example; ``ranges`` gives (low, high) per ranged input (None = exact)."""
    spans = {
        "site_power_mw": (1300.0, 1400.0),
        "pue": (1.1, 1.3),
        "load_factor": (0.6, 0.9),
        "accelerator_power_kw": (1.8, 2.4),
    }
    spans.update(ranges)
    central = {"site_power_mw": 1400, "pue": 1.2, "load_factor": 0.8, "accelerator_power_kw": 2.1}

    def est(name: str) -> Estimate:
        span = spans[name]
        return Estimate(central[name], *(span or (None, None)))

    return CapacityInputs(
        site_power_mw=est("site_power_mw"),
        pue=est("pue"),
        load_factor=est("load_factor"),
        accelerator=Accelerator("gb200", est("accelerator_power_kw"), 2.5, "BF16"),
        france_consumption_twh=449.2,
        grid_intensity_g_per_kwh=21.7,
        comparison_grid_intensity_g_per_kwh=214,
        investment_eur=8.5e9,
    )


@pytest.fixture
def inputs() -> CapacityInputs:
    return make_inputs()


# --- hand-computed values -------------------------------------------------------------


def test_worked_example_matches_hand_computation(inputs: CapacityInputs) -> None:
    r = compute(inputs)
    assert r.it_power_mw == pytest.approx(1166.6667, rel=1e-6)  # 1400 / 1.2
    assert r.accelerators == pytest.approx(555555.56, rel=1e-8)  # 1 166 667 kW / 2.1
    assert r.peak_compute_exaflops == pytest.approx(1388.8889, rel=1e-7)  # x 2.5 / 1000
    assert r.annual_energy_twh == pytest.approx(9.8112, rel=1e-12)  # 1120 MW x 8760 h
    assert r.share_of_france_consumption == pytest.approx(0.0218415, rel=1e-5)  # / 449.2
    assert r.annual_emissions_kt_co2 == pytest.approx(212.90304, rel=1e-9)  # x 21.7
    assert r.annual_emissions_kt_co2_comparison_grid == pytest.approx(2099.5968, rel=1e-9)
    assert r.investment_eur_per_mw == pytest.approx(6071428.57, rel=1e-8)  # 8.5e9 / 1400


def test_results_field_names_are_the_public_contract(inputs: CapacityInputs) -> None:
    expected = [
        "it_power_mw",
        "accelerators",
        "peak_compute_exaflops",
        "annual_energy_twh",
        "share_of_france_consumption",
        "annual_emissions_kt_co2",
        "annual_emissions_kt_co2_comparison_grid",
        "investment_eur_per_mw",
    ]
    assert list(OUTPUT_KEYS) == expected
    as_dict = compute(inputs).as_dict()
    assert list(as_dict) == expected
    json.dumps(as_dict)  # plain JSON-ready values


def test_results_and_inputs_are_frozen(inputs: CapacityInputs) -> None:
    with pytest.raises(AttributeError):
        compute(inputs).accelerators = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        inputs.pue = Estimate(1.5)  # type: ignore[misc]


def test_unknown_investment_gives_no_cost_per_mw(inputs: CapacityInputs) -> None:
    unknown = inputs.with_values(investment_eur=None)
    assert compute(unknown).investment_eur_per_mw is None
    bounds = compute_bounds(unknown)
    assert bounds.low.investment_eur_per_mw is None
    assert bounds.high.investment_eur_per_mw is None


# --- each input at the ends of its range ----------------------------------------------

# (input, value, output, hand-computed expectation)
EDGES = [
    ("site_power_mw", 1300, "it_power_mw", 1083.3333),  # 1300 / 1.2
    ("site_power_mw", 1300, "annual_energy_twh", 9.1104),  # 1300 x 0.8 x 8760
    ("site_power_mw", 1400, "it_power_mw", 1166.6667),
    ("pue", 1.1, "it_power_mw", 1272.7273),  # 1400 / 1.1
    ("pue", 1.3, "it_power_mw", 1076.9231),  # 1400 / 1.3
    ("pue", 1.3, "annual_energy_twh", 9.8112),  # PUE does not change facility energy
    ("load_factor", 0.6, "annual_energy_twh", 7.3584),  # 840 MW x 8760 h
    ("load_factor", 0.9, "annual_energy_twh", 11.0376),  # 1260 MW x 8760 h
    ("load_factor", 0.9, "accelerators", 555555.56),
    ("load_factor", 1.0, "annual_energy_twh", 12.264),  # the physical maximum is allowed  # load does not change installed count
    ("accelerator_power_kw", 1.8, "accelerators", 648148.15),  # 1 166 667 / 1.8
    ("accelerator_power_kw", 2.4, "accelerators", 486111.11),  # 1 166 667 / 2.4
    ("accelerator_power_kw", 2.4, "peak_compute_exaflops", 1215.2778),
]


@pytest.mark.parametrize(("name", "value", "output", "expected"), EDGES)
def test_inputs_at_their_range_ends(
    inputs: CapacityInputs, name: str, value: float, output: str, expected: float
) -> None:
    via_point = compute(inputs, point={name: value})
    via_copy = compute(inputs.with_values(**{name: value}))
    assert getattr(via_point, output) == pytest.approx(expected, rel=1e-7)
    assert via_point == via_copy


@pytest.mark.parametrize("name", RANGED_INPUTS)
def test_range_ends_stay_within_bounds(inputs: CapacityInputs, name: str) -> None:
    bounds = compute_bounds(inputs)
    estimate = inputs.estimate_of(name)
    for end in (estimate.low, estimate.high):
        results = compute(inputs, point={name: end})
        for key in OUTPUT_KEYS:
            assert getattr(bounds.low, key) <= getattr(results, key) <= getattr(bounds.high, key)


# --- bounds ---------------------------------------------------------------------------


def test_bounds_bracket_the_central_value(inputs: CapacityInputs) -> None:
    bounds = compute_bounds(inputs)
    assert bounds.central == compute(inputs)
    for key in OUTPUT_KEYS:
        low, central, high = (getattr(r, key) for r in (bounds.low, bounds.central, bounds.high))
        assert low <= central <= high, key
    data = bounds.as_dict()
    assert list(data) == ["central", "low", "high"]
    assert all(list(part) == list(OUTPUT_KEYS) for part in data.values())


def test_bounds_match_hand_computed_extremes(inputs: CapacityInputs) -> None:
    bounds = compute_bounds(inputs)
    # Most accelerators: most power, best PUE, lightest accelerator: 1400 / 1.1 / 1.8 kW.
    assert bounds.high.accelerators == pytest.approx(707070.71, rel=1e-8)
    assert bounds.low.accelerators == pytest.approx(416666.67, rel=1e-8)  # 1300 / 1.3 / 2.4
    assert bounds.high.annual_energy_twh == pytest.approx(11.0376)  # 1400 x 0.9
    assert bounds.low.annual_energy_twh == pytest.approx(6.8328)  # 1300 x 0.6
    # Cost per MW falls as power grows: its high end comes from the low site power.
    assert bounds.high.investment_eur_per_mw == pytest.approx(6538461.54, rel=1e-8)
    assert bounds.low.investment_eur_per_mw == pytest.approx(6071428.57, rel=1e-8)


def test_corners_are_the_extremes_over_a_dense_grid(inputs: CapacityInputs) -> None:
    bounds = compute_bounds(inputs)
    axes = []
    for name in RANGED_INPUTS:
        e = inputs.estimate_of(name)
        axes.append([e.lowest + (e.highest - e.lowest) * i / 4 for i in range(5)])
    for values in itertools.product(*axes):
        r = compute(inputs, point=dict(zip(RANGED_INPUTS, values)))
        for key in OUTPUT_KEYS:
            low, high = getattr(bounds.low, key), getattr(bounds.high, key)
            assert low * (1 - 1e-12) <= getattr(r, key) <= high * (1 + 1e-12), key


def test_exact_inputs_have_collapsed_bounds() -> None:
    exact = make_inputs(
        site_power_mw=None, pue=None, load_factor=None, accelerator_power_kw=None
    )
    bounds = compute_bounds(exact)
    assert bounds.low == bounds.central == bounds.high


def test_one_sided_range_uses_the_central_value_for_the_missing_end() -> None:
    exact = make_inputs(
        site_power_mw=None, pue=None, load_factor=None, accelerator_power_kw=None
    )
    one_sided = dataclasses.replace(exact, pue=Estimate(1.2, high=1.4))
    bounds = compute_bounds(one_sided)
    assert bounds.high.it_power_mw == pytest.approx(1166.6667, rel=1e-6)
    assert bounds.low.it_power_mw == pytest.approx(1000.0)  # 1400 / 1.4


# --- scenarios ------------------------------------------------------------------------


def test_grid_connection_phases(inputs: CapacityInputs) -> None:
    phases = scenarios(inputs, [240, 700, 1400])
    assert [r.it_power_mw for r in phases] == pytest.approx([200.0, 583.33333, 1166.66667])
    assert [r.annual_energy_twh for r in phases] == pytest.approx([1.68192, 4.9056, 9.8112])
    assert phases[2] == compute(inputs)
    assert all(isinstance(r, Results) for r in phases)


def test_scenario_with_impossible_power_is_rejected(inputs: CapacityInputs) -> None:
    with pytest.raises(CapacityInputError, match="site_power_mw"):
        scenarios(inputs, [240, 0])


# --- impossible inputs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("pue", 0.9),
        ("load_factor", -0.1),
        ("load_factor", 0),
        ("load_factor", 1.5),
        ("site_power_mw", 0),
        ("site_power_mw", -10),
        ("accelerator_power_kw", 0),
    ],
)
def test_impossible_ranged_inputs_are_rejected(
    inputs: CapacityInputs, name: str, value: float
) -> None:
    with pytest.raises(CapacityInputError, match=name):
        inputs.with_values(**{name: value})
    with pytest.raises(CapacityInputError, match=name):
        compute(inputs, point={name: value})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("compute_pflops_dense", 0),
        ("france_consumption_twh", 0),
        ("grid_intensity_g_per_kwh", -1),
        ("comparison_grid_intensity_g_per_kwh", -0.5),
        ("investment_eur", -1),
    ],
)
def test_impossible_scalar_inputs_are_rejected(
    inputs: CapacityInputs, name: str, value: float
) -> None:
    with pytest.raises(CapacityInputError, match=name):
        inputs.with_values(**{name: value})


def test_error_messages_speak_to_editors(inputs: CapacityInputs) -> None:
    with pytest.raises(CapacityInputError) as pue:
        inputs.with_values(pue=0.9)
    assert str(pue.value) == (
        "pue: 0.9 is impossible: PUE is facility power / IT power and cannot be below 1"
    )
    with pytest.raises(CapacityInputError) as load:
        inputs.with_values(load_factor=1.5)
    assert "load_factor: 1.5 is impossible" in str(load.value)
    assert "at most 1" in str(load.value)
    assert issubclass(CapacityInputError, ValueError)


def test_impossible_range_end_names_the_input_and_the_end() -> None:
    with pytest.raises(CapacityInputError, match=r"pue \(low end of range\): 0.95"):
        dataclasses.replace(make_inputs(), pue=Estimate(1.2, 0.95, 1.3))
    with pytest.raises(CapacityInputError, match="accelerators.gb200.power_kw_all_in"):
        Accelerator("gb200", Estimate(2.1, 0, 2.4), 2.5, "BF16")


@pytest.mark.parametrize(("value", "low", "high"), [(2, 3, 4), (5, 3, 4)])
def test_estimate_value_must_lie_within_its_range(value: float, low: float, high: float) -> None:
    with pytest.raises(CapacityInputError, match="low <= value <= high"):
        Estimate(value, low, high)


@pytest.mark.parametrize("bad", ["1.2", True, float("nan"), float("inf"), None])
def test_non_numbers_are_rejected(bad: object) -> None:
    with pytest.raises(CapacityInputError, match="not a"):
        Estimate(bad)  # type: ignore[arg-type]


def test_unknown_names_are_rejected(inputs: CapacityInputs) -> None:
    with pytest.raises(CapacityInputError, match="not a capacity input"):
        inputs.with_values(puee=1.2)
    with pytest.raises(CapacityInputError, match="cannot be varied"):
        compute(inputs, point={"france_consumption_twh": 400})


def test_with_values_makes_the_replaced_input_exact(inputs: CapacityInputs) -> None:
    changed = inputs.with_values(site_power_mw=240, accelerator_power_kw=1.0)
    assert changed.site_power_mw == Estimate(240.0)
    assert changed.accelerator.power_kw_all_in == Estimate(1.0)
    assert changed.pue == inputs.pue  # untouched inputs keep their range
    assert inputs.site_power_mw.value == 1400  # original unchanged


# --- package hygiene ------------------------------------------------------------------


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_core_stays_free_of_mkdocs_and_yaml(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add((node.module or "").split(".")[0])
    assert not imported & {"mkdocs", "material", "yaml"}
    assert len(source.splitlines()) < 400


# --- the JavaScript twin --------------------------------------------------------------

NODE = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)

JS_CASES = [
    {},
    {"site_power_mw": 240},
    {"site_power_mw": 700, "pue": 1.1, "load_factor": 0.6},
    {"site_power_mw": 1300, "pue": 1.3, "load_factor": 0.9, "accelerator_power_kw": 2.4},
    {"pue": 1.0, "load_factor": 1.0, "accelerator_power_kw": 1.8},
    {"site_power_mw": 1234.5678, "pue": 1.17, "load_factor": 0.73, "accelerator_power_kw": 1.93},
]


def _flat(inputs: CapacityInputs) -> dict[str, float | None]:
    return {name: inputs.value_of(name) for name in RANGED_INPUTS + SCALAR_INPUTS}


def _run_node(script: str, payload: object) -> str:
    assert NODE is not None
    done = subprocess.run(
        [NODE, "-e", script, str(JS_FILE), json.dumps(payload)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_compute_matches_python(inputs: CapacityInputs) -> None:
    cases = [inputs.with_values(**case) for case in JS_CASES]
    cases.append(inputs.with_values(investment_eur=None, grid_intensity_g_per_kwh=0))
    script = (
        "const {compute} = require(process.argv[1]);"
        "const cases = JSON.parse(process.argv[2]);"
        "process.stdout.write(JSON.stringify(cases.map(compute)));"
    )
    js_results = json.loads(_run_node(script, [_flat(case) for case in cases]))
    for case, js in zip(cases, js_results):
        python = compute(case).as_dict()
        assert list(js) == list(python)
        for key, value in python.items():
            if value is None:
                assert js[key] is None, key
            else:
                assert math.isclose(js[key], value, rel_tol=1e-9), (key, js[key], value)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize(
    ("name", "value"),
    [("pue", 0.9), ("load_factor", -0.1), ("load_factor", 1.5), ("site_power_mw", 0)],
)
def test_javascript_compute_rejects_impossible_inputs(
    inputs: CapacityInputs, name: str, value: float
) -> None:
    script = (
        "const {compute} = require(process.argv[1]);"
        "try { compute(JSON.parse(process.argv[2])); process.stdout.write('accepted'); }"
        "catch (e) { process.stdout.write(e.name + ': ' + e.message); }"
    )
    out = _run_node(script, {**_flat(inputs), name: value})
    assert out.startswith(f"RangeError: {name}: ")
