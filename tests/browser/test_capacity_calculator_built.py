"""The calculator on the BUILT capacity page agrees with the Python model, to the displayed precision."""

from __future__ import annotations

from typing import Any

import pytest

from campus_ia.capacity import calculator_expected
from campus_ia.content import load_content
from tests.support import REPO_ROOT

PAGES = {"fr": "fr/modele-de-capacite/", "en": "en/capacity-model/"}
INPUT_SETS = [
    {},
    {"site_power_mw": 240, "pue": 1.1},
    {"site_power_mw": 700, "load_factor": 0.9, "accelerator_power_kw": 1.7},
    {"pue": 1.4, "load_factor": 0.6, "accelerator_power_kw": 2.4},
    {"accelerator": "h100", "site_power_mw": 1000},
]


def _outputs(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "output[data-output]", "els => Object.fromEntries(els.map(e => [e.dataset.output, e.textContent.trim()]))"
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_calculator_matches_python_model(page: Any, site_server: str, lang: str) -> None:
    content = load_content(REPO_ROOT / "content")
    for inputs in INPUT_SETS:
        page.goto(site_server + PAGES[lang])
        # The script starts when the browser is idle, then reveals the form.
        page.wait_for_selector("#cia-calculator", state="visible", timeout=10_000)
        if "accelerator" in inputs:
            page.select_option("#cia-calculator-accelerator", inputs["accelerator"])
        for name, value in inputs.items():
            if name == "accelerator":
                continue
            field = page.locator(f"#cia-calculator-{name.replace('_', '-')}-number, #cia-calculator-{name}-number").first
            field.fill(str(value))
            field.dispatch_event("change")
        assert _outputs(page) == calculator_expected(content, inputs, lang=lang), inputs
