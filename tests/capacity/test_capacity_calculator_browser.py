"""The in-page calculator in headless Chromium, under a strict Content-Security-Policy."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.support import REPO_ROOT

pytestmark = pytest.mark.browser

JS_FILE = (
    REPO_ROOT
    / "plugins/campus_ia/theme/assets/javascripts/capacity-calculator.js"
)
ORIGIN = "https://cia.test"
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"
KEYS = [
    "it_power_mw",
    "accelerators",
    "peak_compute_exaflops",
    "annual_energy_twh",
    "share_of_france_consumption",
    "annual_emissions_kt_co2",
    "annual_emissions_kt_co2_comparison_grid",
    "investment_eur_per_mw",
]


def data(lang: str = "fr", investment: float | None = 8.5e9) -> dict[str, Any]:
    return {
        "lang": lang,
        "inputs": {
            "site_power_mw": {"value": 1400, "low": 1300, "high": 1400},
            "pue": {"value": 1.2, "low": 1.1, "high": 1.3},
            "load_factor": {"value": 0.8, "low": 0.6, "high": 0.9},
            "accelerators": {
                "gb200": {
                    "power_kw_all_in": {"value": 2.1, "low": 1.8, "high": 2.4},
                    "compute_pflops_dense": 2.5,
                    "number_format": "BF16",
                },
                "h100": {
                    "power_kw_all_in": {"value": 1.4, "low": 1.2, "high": 1.6},
                    "compute_pflops_dense": 0.99,
                    "number_format": "FP16",
                },
            },
            "default_accelerator": "gb200",
            "france_consumption_twh": 449.2,
            "grid_intensity_g_per_kwh": 21.7,
            "comparison_grid_intensity_g_per_kwh": 214,
            "investment_eur": investment,
        },
        "significant": {key: 3 for key in KEYS},
    }


def page_html(payload: dict[str, Any]) -> str:
    outputs = "".join(f'<output data-output="{key}"></output>' for key in KEYS)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>
<div id="cia-calculator" hidden>
  <select name="accelerator">
    <option value="gb200">GB200</option><option value="h100">H100</option>
  </select>
  <input type="range" name="site_power_mw"><input type="text" inputmode="decimal" name="site_power_mw">
  <input type="range" name="pue"><input type="text" inputmode="decimal" name="load_factor">
  <p data-error-for="load_factor"></p>
  <input type="text" inputmode="decimal" name="accelerator_power_kw"><span data-number-format></span>
  <div aria-live="polite">{outputs}</div>
</div>
<script type="application/json" id="cia-capacity-data">{json.dumps(payload)}</script>
<script src="/capacity-calculator.js"></script>
</body></html>"""


def open_page(browser: Any, payload: dict[str, Any]) -> Any:
    """A page holding the calculator with ``payload``, served under a strict CSP (browser thread)."""
    page = browser.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: page.errors.append(msg.text) if msg.type == "error" else None,
    )
    html = page_html(payload)
    script = JS_FILE.read_text(encoding="utf-8")

    def handle(route: Any) -> None:
        if route.request.url.endswith(".js"):
            route.fulfill(body=script, content_type="text/javascript")
        else:
            route.fulfill(body=html, content_type="text/html", headers={
                "Content-Security-Policy": CSP,
            })

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}/capacite/")
    page.wait_for_selector("#cia-calculator:not([hidden])")
    return page


@pytest.fixture
def in_page(browser_thread: Any) -> Callable[[dict[str, Any], Callable[[Any], None]], None]:
    """``in_page(payload, check)``: run ``check(page)`` in the browser's thread, then close the page."""

    def run(payload: dict[str, Any], check: Callable[[Any], None]) -> None:
        def scenario(browser: Any) -> None:
            page = open_page(browser, payload)
            try:
                check(page)
            finally:
                page.close()

        browser_thread.run(scenario)

    return run


def outputs(page: Any) -> dict[str, str]:
    texts = {
        key: page.text_content(f'output[data-output="{key}"]') or "" for key in KEYS
    }
    # Intl uses (narrow) no-break spaces in French; compare on plain spaces.
    return {k: v.replace("\u202f", " ").replace("\xa0", " ") for k, v in texts.items()}


def test_renders_french_figures_without_csp_violations(in_page: Any) -> None:
    def check(page: Any) -> None:
        assert outputs(page) == {
            "it_power_mw": "1 170",
            "accelerators": "556 000",
            "peak_compute_exaflops": "1 390",
            "annual_energy_twh": "9,81",
            "share_of_france_consumption": "2,18 %",
            "annual_emissions_kt_co2": "213",
            "annual_emissions_kt_co2_comparison_grid": "2 100",
            "investment_eur_per_mw": "6 070 000",
        }
        assert page.text_content("[data-number-format]") == "BF16"
        assert page.errors == []

    in_page(data(), check)


def test_english_and_unknown_investment(in_page: Any) -> None:
    def check(page: Any) -> None:
        shown = outputs(page)
        assert shown["accelerators"] == "556,000"
        assert shown["share_of_france_consumption"] == "2.18%"
        assert shown["investment_eur_per_mw"] == "\u2014"

    in_page(data(lang="en", investment=None), check)


def test_inputs_get_ranges_and_stay_in_sync(in_page: Any) -> None:
    def check(page: Any) -> None:
        slider = page.locator('input[type=range][name="site_power_mw"]')
        box = page.locator('input[type=text][name="site_power_mw"]')
        assert (slider.get_attribute("min"), slider.get_attribute("max")) == ("1300", "1400")
        assert page.locator('input[name="pue"]').get_attribute("step") == "any"
        box.fill("1300")
        assert slider.input_value() == "1300"
        assert outputs(page)["it_power_mw"] == "1 080"  # 1300 / 1.2 = 1083, to three figures

    in_page(data(), check)


def test_out_of_range_values_are_refused_not_clamped(in_page: Any) -> None:
    def check(page: Any) -> None:
        box = page.locator('input[name="load_factor"]')
        before = outputs(page)
        box.fill("5")
        box.dispatch_event("change")
        # What was typed stays; the box is marked invalid; the figures keep the last value.
        assert box.input_value() == "5"
        assert box.get_attribute("aria-invalid") == "true"
        assert page.text_content('[data-error-for="load_factor"]') == "out_of_range"  # no messages in this data
        assert outputs(page) == before
        box.fill("0,9")
        assert box.get_attribute("aria-invalid") is None
        assert page.text_content('[data-error-for="load_factor"]') == ""
        assert outputs(page)["annual_energy_twh"] == "11,0"  # 1400 x 0.9 x 8760 = 11.04 TWh, to three figures

    in_page(data(), check)


def test_accelerator_choice_resets_its_power(in_page: Any) -> None:
    def check(page: Any) -> None:
        page.select_option('select[name="accelerator"]', "h100")
        power = page.locator('input[name="accelerator_power_kw"]')
        assert power.input_value() == "1,4"  # a French page writes a decimal comma
        assert (power.get_attribute("min"), power.get_attribute("max")) == ("1.2", "1.6")
        assert page.text_content("[data-number-format]") == "FP16"
        assert outputs(page)["accelerators"] == "833 000"  # 1 166 667 kW / 1.4, to three figures

    in_page(data(), check)


def test_only_changed_outputs_are_rewritten(in_page: Any) -> None:
    def check(page: Any) -> None:
        page.evaluate(
            """() => {
              window.ciaChanged = [];
              new MutationObserver((records) => records.forEach((r) => {
                const out = r.target.closest ? r.target : r.target.parentElement;
                window.ciaChanged.push(out.closest('output').dataset.output);
              })).observe(document.querySelector('[aria-live]'),
                          {subtree: true, childList: true, characterData: true});
            }"""
        )
        page.locator('input[name="load_factor"]').fill("0.6")
        page.wait_for_function("window.ciaChanged.length > 0")
        changed = set(page.evaluate("window.ciaChanged"))
        # The load factor changes energy and what follows from it, not the installed base.
        assert changed == {
            "annual_energy_twh",
            "share_of_france_consumption",
            "annual_emissions_kt_co2",
            "annual_emissions_kt_co2_comparison_grid",
        }

    in_page(data(), check)


def test_exposes_compute_on_window(in_page: Any) -> None:
    def check(page: Any) -> None:
        assert page.evaluate("typeof window.CampusIA.compute") == "function"

    in_page(data(), check)
