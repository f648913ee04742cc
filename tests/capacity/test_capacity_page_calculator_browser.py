"""The calculator on the rendered capacity page, in Chromium under a strict CSP, against Python.

The page is the real template rendered from content and passed through Python-Markdown as
the build does; what the script shows must equal ``calculator_expected`` character for
character. Browser work runs in the ``browser_thread`` (see conftest); the page is
rendered before, in the test's own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from campus_ia.capacity.calculator import calculator_expected

pytestmark = pytest.mark.browser

T = TypeVar("T")
JS_FILE = (
    Path(__file__).resolve().parents[2]
    / "plugins/campus_ia/theme/assets/javascripts/capacity-calculator.js"
)
ORIGIN = "https://cia.test"
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"
PAGES = {"fr": "/fr/modele-de-capacite/", "en": "/en/capacity-model/"}
InPage = Callable[[object, str, Callable[[Any], Any]], Any]


def open_document(browser: Any, document: str, lang: str) -> Any:
    """``document`` at the capacity page's address, its script served beside it (browser thread)."""
    page = browser.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    script = JS_FILE.read_text(encoding="utf-8")

    def handle(route: Any) -> None:
        url = route.request.url
        if url == f"{ORIGIN}/assets/javascripts/capacity-calculator.js":
            route.fulfill(body=script, content_type="text/javascript")
        elif url == f"{ORIGIN}{PAGES[lang]}":
            route.fulfill(body=document, content_type="text/html", headers={"Content-Security-Policy": CSP})
        else:
            route.fulfill(status=404, body="")

    page.route(f"{ORIGIN}/**", handle)
    page.goto(f"{ORIGIN}{PAGES[lang]}")
    page.wait_for_selector("#cia-calculator:not([hidden])")
    return page


@pytest.fixture
def in_capacity_page(browser_thread: Any, capacity_html: Callable[[object, str], str]) -> InPage:
    """``in_capacity_page(content, lang, check)``: ``check(page)``'s result, the page then closed."""

    def run(content: object, lang: str, check: Callable[[Any], T]) -> T:
        body = capacity_html(content, lang)
        document = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head>'
            f"<body><main>{body}</main></body></html>"
        )

        def scenario(browser: Any) -> T:
            page = open_document(browser, document, lang)
            try:
                return check(page)
            finally:
                page.close()

        return browser_thread.run(scenario)

    return run


def shown(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('output[data-output]')]
             .map((o) => [o.dataset.output, o.textContent]))"""
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_initial_figures_match_python(shipped_content: object, in_capacity_page: InPage, lang: str) -> None:
    figures, errors = in_capacity_page(shipped_content, lang, lambda page: (shown(page), page.errors))
    assert figures == calculator_expected(shipped_content, {}, lang=lang)  # type: ignore[arg-type]
    assert errors == []


def test_moved_inputs_match_python(shipped_content: object, in_capacity_page: InPage) -> None:
    def move(page: Any) -> tuple[dict[str, str], tuple[str, str]]:
        page.locator("#cia-calculator-site-power-mw-number").fill("700")
        page.locator("#cia-calculator-pue-number").fill("1.3")
        page.locator("#cia-calculator-load-factor-number").fill("0.65")
        slider = page.locator("#cia-calculator-site-power-mw")
        return shown(page), (slider.get_attribute("min"), slider.get_attribute("max"))

    figures, span = in_capacity_page(shipped_content, "fr", move)
    assert figures == calculator_expected(
        shipped_content, {"site_power_mw": 700, "pue": 1.3, "load_factor": 0.65}  # type: ignore[arg-type]
    )
    # The site power slider spans the grid-connection phases, from the page's own bounds.
    assert span == ("240", "1400")


def test_clamping_matches_python(shipped_content: object, in_capacity_page: InPage) -> None:
    def too_low(page: Any) -> tuple[str, dict[str, str]]:
        box = page.locator("#cia-calculator-site-power-mw-number")
        box.fill("100")
        box.dispatch_event("change")
        return box.input_value(), shown(page)

    value, figures = in_capacity_page(shipped_content, "en", too_low)
    assert value == "240"
    assert figures == calculator_expected(shipped_content, {"site_power_mw": 100}, lang="en")  # type: ignore[arg-type]


def test_other_accelerator_matches_python(shipped_content: object, in_capacity_page: InPage) -> None:
    def choose(page: Any) -> tuple[dict[str, str], str]:
        page.select_option("#cia-calculator-accelerator", "h100")
        return shown(page), page.text_content("[data-number-format]")

    figures, number_format = in_capacity_page(shipped_content, "fr", choose)
    assert figures == calculator_expected(shipped_content, {"accelerator": "h100"})  # type: ignore[arg-type]
    assert number_format == "BF16"


def test_edited_content_reaches_the_calculator(
    edited_content: Callable[..., object], in_capacity_page: InPage
) -> None:
    content = edited_content(("capacity.yml", "pue:\n  value: 1.2\n", "pue:\n  value: 1.25\n"))
    figures = in_capacity_page(content, "en", shown)
    assert figures == calculator_expected(content, {}, lang="en")  # type: ignore[arg-type]
    assert figures["it_power_mw"] == "1,120"  # 1400 / 1.25


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_page_passes_axe_with_the_calculator_shown(
    shipped_content: object, in_capacity_page: InPage, lang: str
) -> None:
    axe = pytest.importorskip("tests.support.axe")
    if not axe.AXE_SCRIPT.is_file():
        pytest.skip("axe-core is not installed (scripts/install-test-deps)")
    violations = in_capacity_page(shipped_content, lang, axe.run_axe)
    assert violations == [], axe.format_violations(violations)
