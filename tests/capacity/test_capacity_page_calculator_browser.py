"""The calculator on the rendered capacity page, in Chromium under a strict CSP, against Python.

The page is the real template rendered from content and passed through Python-Markdown as
the build does; what the script shows must equal ``calculator_expected`` character for
character. Browser work runs in the ``browser_thread`` (see conftest); the page is
rendered before, in the test's own thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from campus_ia.capacity.calculator import calculator_bounds, calculator_expected
from campus_ia.capacity.display import output_text
from campus_ia.capacity.from_content import capacity_inputs
from campus_ia.content import Content
from campus_ia.formatting import Formatter
from tests.support import REPO_ROOT

pytestmark = pytest.mark.browser

T = TypeVar("T")
JS_FILE = (
    REPO_ROOT
    / "plugins/campus_ia/theme/assets/javascripts/capacity-calculator.js"
)
CITATION_JS = JS_FILE.with_name("copy-citation.js")
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
        elif url == f"{ORIGIN}/assets/javascripts/copy-citation.js":
            route.fulfill(body=CITATION_JS.read_text(encoding="utf-8"), content_type="text/javascript")
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
    # The site power slider spans the grid-connection phases and reaches the announced
    # expansion (capacity.yml calculator_reach), from the page's own bounds.
    content = shipped_content
    phases = [content.phase_power_mw(p) for p in content.capacity.phases]  # type: ignore[attr-defined]
    reach = content.figures[content.capacity.calculator_reach]  # type: ignore[attr-defined]
    assert reach.unit == "MW"
    assert span == (f"{min(phases):g}", f"{reach.lead.value:g}")


def field_state(page: Any, name: str) -> dict[str, Any]:
    """What a reader (and a screen reader) gets from the text box of input ``name``."""
    box = page.locator(f"#cia-calculator-{name.replace('_', '-')}-number")
    described = (box.get_attribute("aria-describedby") or "").split()
    error = page.locator(f'[data-error-for="{name}"]')
    return {
        "value": box.input_value(),
        "invalid": box.get_attribute("aria-invalid"),
        "message": error.text_content() if error.is_visible() else "",
        "described": error.get_attribute("id") in described,
    }


def test_french_decimal_comma_is_read(shipped_content: object, in_capacity_page: InPage) -> None:
    def type_it(page: Any) -> tuple[dict[str, Any], dict[str, str], str]:
        box = page.locator("#cia-calculator-pue-number")
        box.fill("1,3")
        box.dispatch_event("change")
        return field_state(page, "pue"), shown(page), page.locator("#cia-calculator-pue").input_value()

    state, figures, slider = in_capacity_page(shipped_content, "fr", type_it)
    assert figures == calculator_expected(shipped_content, {"pue": 1.3})  # type: ignore[arg-type]
    assert state["invalid"] is None and state["message"] == "" and state["value"] == "1,3"
    assert slider == "1.3"


def test_the_boxes_write_numbers_the_page_s_way(shipped_content: object, in_capacity_page: InPage) -> None:
    pue = shipped_content.capacity.pue.value  # type: ignore[attr-defined]
    for lang, expected in (("fr", f"{pue:g}".replace(".", ",")), ("en", f"{pue:g}")):
        assert in_capacity_page(shipped_content, lang, lambda page: field_state(page, "pue")["value"]) == expected


@pytest.mark.parametrize(("lang", "name", "typed"), [
    ("fr", "pue", "0,5"),  # below the physical minimum of 1: was silently raised to the span's low end
    ("en", "pue", "0.5"),
    ("fr", "load_factor", "80"),  # 80 % typed as a percentage: was silently cut to the high end
    ("en", "site_power_mw", "100"),
])
def test_out_of_range_is_refused_in_words(
    shipped_content: object, in_capacity_page: InPage, lang: str, name: str, typed: str
) -> None:
    def type_it(page: Any) -> tuple[dict[str, Any], dict[str, str], str]:
        box = page.locator(f"#cia-calculator-{name.replace('_', '-')}-number")
        box.fill(typed)
        box.dispatch_event("change")
        page.wait_for_function(
            "() => document.querySelector('[data-calculator-status]').textContent !== ''", timeout=5000
        )
        return field_state(page, name), shown(page), page.text_content("[data-calculator-status]")

    state, figures, announced = in_capacity_page(shipped_content, lang, type_it)
    assert state["value"] == typed  # no silent change of what the reader typed
    assert state["invalid"] == "true" and state["described"]
    assert state["message"] and announced == state["message"]
    # The message gives the accepted span, written the page's way.
    low, high = calculator_bounds(shipped_content)[name]  # type: ignore[arg-type]
    for end in (low, high):
        written = f"{end:,g}".replace(",", "\u202f" if lang == "fr" else ",")
        assert (written.replace(".", ",") if lang == "fr" else written) in state["message"]
    # The figures keep the last accepted value (here: the central assumptions).
    assert figures == calculator_expected(shipped_content, {}, lang=lang)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        calculator_expected(shipped_content, {name: float(typed.replace(",", "."))}, lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_emptied_box_says_so_and_the_calculator_keeps_working(
    shipped_content: object, in_capacity_page: InPage, lang: str
) -> None:
    def empty_then_type(page: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
        box = page.locator("#cia-calculator-site-power-mw-number")
        box.fill("")
        emptied = field_state(page, "site_power_mw")
        box.fill("700")
        return emptied, field_state(page, "site_power_mw"), shown(page)

    emptied, retyped, figures = in_capacity_page(shipped_content, lang, empty_then_type)
    assert emptied["invalid"] == "true"
    assert ("vide" if lang == "fr" else "empty") in emptied["message"]
    assert retyped["invalid"] is None and retyped["message"] == ""
    assert figures == calculator_expected(shipped_content, {"site_power_mw": 700}, lang=lang)  # type: ignore[arg-type]


def test_other_accelerator_matches_python(shipped_content: object, in_capacity_page: InPage) -> None:
    def choose(page: Any) -> tuple[dict[str, str], str]:
        page.select_option("#cia-calculator-accelerator", "h100")
        return shown(page), page.text_content("[data-number-format]")

    figures, number_format = in_capacity_page(shipped_content, "fr", choose)
    assert figures == calculator_expected(shipped_content, {"accelerator": "h100"})  # type: ignore[arg-type]
    assert number_format == "BF16"


def test_edited_content_reaches_the_calculator(
    shipped_content: Content, edited_content: Callable[..., Content], in_capacity_page: InPage
) -> None:
    pue = shipped_content.capacity.pue.value
    content = edited_content(("capacity.yml", f"pue:\n  value: {pue}\n", "pue:\n  value: 1.25\n"))
    figures = in_capacity_page(content, "en", shown)
    assert figures == calculator_expected(content, {}, lang="en")
    power = capacity_inputs(shipped_content).site_power_mw.value
    assert figures["it_power_mw"] == output_text(Formatter("en"), "it_power_mw", power / 1.25)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_page_passes_axe_with_the_calculator_shown(
    shipped_content: object, in_capacity_page: InPage, lang: str
) -> None:
    axe = pytest.importorskip("tests.support.axe")
    if not axe.AXE_SCRIPT.is_file():
        pytest.skip("axe-core is not installed (scripts/install-test-deps)")
    violations = in_capacity_page(shipped_content, lang, axe.run_axe)
    assert violations == [], axe.format_violations(violations)
