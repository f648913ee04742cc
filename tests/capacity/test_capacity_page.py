"""The capacity page in both languages: well-formed, CSP-safe, accessible, and computed from content/."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import html5lib
import lxml.html
import pytest

from campus_ia.capacity import OUTPUT_KEYS, compute_bounds
from campus_ia.capacity.calculator import calculator_data, calculator_expected, script_json
from campus_ia.capacity.display import approximate, output_text
from campus_ia.capacity.from_content import capacity_inputs
from campus_ia.content import Content
from campus_ia.formatting import Formatter
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT
from tests.support.content_edits import Change, lead_value_edit

TEMPLATE = REPO_ROOT / "plugins/campus_ia/capacity/templates/capacity.md.j2"
LANGS = ("fr", "en")
NOTICE = {"fr": "Une estimation, pas une annonce", "en": "An estimate, not an announcement"}
NNBSP = "\u202f"

Html = Callable[[object, str], str]


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def text(element: lxml.html.HtmlElement) -> str:
    """The element's text with line breaks and runs of plain spaces as one space.

    No-break spaces are kept: they are what the formatter writes, and what is compared.
    """
    return re.sub(r"[ \t\r\n]+", " ", element.text_content()).strip()


def table_rows(root: lxml.html.HtmlElement, css_class: str) -> list[list[str]]:
    """The body rows of the table with ``css_class``, each as [row header, cell, ...]."""
    tables = root.xpath(f'.//div[contains(concat(" ", @class, " "), " {css_class} ")]/table')
    assert len(tables) == 1, css_class
    return [[text(cell) for cell in row.xpath("./th|./td")] for row in tables[0].xpath("./tbody/tr")]


@pytest.mark.parametrize("lang", LANGS)
def test_page_is_well_formed_html(shipped_content: object, capacity_html: Html, lang: str) -> None:
    html = capacity_html(shipped_content, lang)
    # strict=True raises on any parse error (unclosed or misnested elements, bad attributes).
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(html)
    root = parse(html)
    # Markdown must not have wrapped our blocks in paragraphs nor touched the data block.
    assert not root.xpath("//p/div|//p/table|//p/svg|//p/form|//p/script")
    assert [h.get("id") for h in root.xpath("//h2")] == [
        "assumptions", "results", "phases", "emissions", "comparisons", "calculator",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_estimate_notice_leads_the_page(shipped_content: object, capacity_html: Html, lang: str) -> None:
    root = parse(capacity_html(shipped_content, lang))
    first = root[0]
    assert first.tag == "div" and {"admonition", "warning"} <= set(first.get("class").split())
    assert text(first.xpath('./p[@class="admonition-title"]')[0]) == NOTICE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_strict_csp_no_inline_style_or_code(shipped_content: object, capacity_html: Html, lang: str) -> None:
    root = parse(capacity_html(shipped_content, lang))
    assert not root.xpath("//*[@style]")
    assert not [a for el in root.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
    scripts = root.xpath("//script")
    with_src = [s for s in scripts if s.get("src")]
    data = [s for s in scripts if not s.get("src")]
    assert [s.get("src") for s in with_src] == ["../../assets/javascripts/capacity-calculator.js",
                                                 "../../assets/javascripts/copy-citation.js"]
    assert [(s.get("type"), s.get("id")) for s in data] == [("application/json", "cia-capacity-data")]


@pytest.mark.parametrize("lang", LANGS)
def test_data_block_is_the_calculator_contract(shipped_content: object, capacity_html: Html, lang: str) -> None:
    root = parse(capacity_html(shipped_content, lang))
    block = root.xpath('//script[@id="cia-capacity-data"]')[0].text
    assert not set("<>&") & set(block)
    shown = json.loads(block)
    messages = shown.pop("messages")
    assert shown == json.loads(json.dumps(calculator_data(shipped_content, lang)))  # type: ignore[arg-type]
    # Every input says, in the page's language, what it accepts and why it refuses an entry.
    kinds = {"hint", "empty", "not_number", "out_of_range"}
    for name in ("site_power_mw", "pue", "load_factor"):
        assert set(messages[name]) == kinds
    assert set(messages["accelerator_power_kw"]) == set(shown["inputs"]["accelerators"])
    assert all(set(texts) == kinds for texts in messages["accelerator_power_kw"].values())


def test_script_json_cannot_close_its_script() -> None:
    nasty = {"name": "</script><script>alert(1)</script><!-- & \u2028"}
    shown = str(script_json(nasty))
    assert not set("<>&\u2028") & set(shown)
    assert json.loads(shown) == nasty


def test_yaml_text_cannot_inject_markup(edited_content: Callable[..., object], capacity_html: Html) -> None:
    content = edited_content(
        ("capacity.yml", "name: NVIDIA H100 (Hopper)", 'name: "H100 </script><script>alert(1)</script> *x* [l](javascript:x)"'),
    )
    root = parse(capacity_html(content, "en"))
    assert len(root.xpath("//script")) == 3  # the calculator's data and code, the citations' code
    assert not root.xpath("//a[starts-with(@href, 'javascript')]") and not root.xpath("//em")
    option = root.xpath('//option[@value="h100"]')[0]
    assert text(option) == "H100 </script><script>alert(1)</script> *x* [l](javascript:x)"


@pytest.mark.parametrize("lang", LANGS)
def test_calculator_form_is_labelled_and_hidden_without_js(
    shipped_content: object, capacity_html: Html, lang: str
) -> None:
    root = parse(capacity_html(shipped_content, lang))
    form = root.xpath('//div[@id="cia-calculator"]')[0]
    assert not root.xpath("//form"), "nothing is submitted: no <form> (a checker expects a submit button in one)"
    assert form.get("hidden") is not None
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    label_targets = {label.get("for") for label in root.xpath("//label")}
    for control in form.xpath(".//input|.//select"):
        named_by = control.get("aria-labelledby")
        assert control.get("id") in label_targets or (named_by and named_by in ids), control.get("name")
    assert {i.get("name") for i in form.xpath(".//input")} == {
        "site_power_mw", "pue", "load_factor", "accelerator_power_kw",
    }
    # Two live regions: the figures, and the status line that reads out a refused entry.
    live = form.xpath('.//dl[@aria-live="polite"]')
    assert len(live) == 1
    assert len(form.xpath('.//*[@data-calculator-status][@aria-live="polite"]')) == 1
    outputs = live[0].xpath(".//output")
    assert [o.get("data-output") for o in outputs] == list(OUTPUT_KEYS)
    assert all(o.get("id") in label_targets for o in outputs)
    assert form.xpath(".//*[@data-number-format]")
    assert root.xpath("//noscript")


@pytest.mark.parametrize("lang", LANGS)
def test_every_compute_figure_states_format_and_sparsity(
    shipped_content: object, capacity_html: Html, lang: str
) -> None:
    root = parse(capacity_html(shipped_content, lang))
    sparsity = {"fr": "parcimonie", "en": "sparsity"}[lang]
    blocks = root.xpath("//p|//table|//svg|//label")
    with_compute = [b for b in blocks if "FLOP/s" in text(b) and not b.xpath("ancestor::table")]
    assert len(with_compute) >= 4
    for block in with_compute:
        assert "BF16" in text(block), text(block)[:80]
    summary = root.xpath('//div[@class="cia-capacity-summary"]/p')[0]
    assert sparsity in text(summary)


@pytest.mark.parametrize("lang", LANGS)
def test_emissions_say_average_not_marginal_and_net_exporter(
    shipped_content: object, capacity_html: Html, lang: str
) -> None:
    root = parse(capacity_html(shipped_content, lang))
    caveats = text(root.xpath('//div[@class="cia-capacity-caveats"]')[0])
    marginal, exporter = {
        "fr": ("intensité marginale", "exportatrice nette"),
        "en": ("marginal intensity", "net exporter"),
    }[lang]
    assert marginal in caveats and exporter in caveats
    exports = shipped_content.figures["france-net-exports-2024"].lead.value  # type: ignore[attr-defined]
    assert Formatter(lang).quantity(exports, "TWh").replace("\u00a0", " ") in caveats.replace("\u00a0", " ")
    caption = text(root.xpath('//div[contains(@class, "cia-capacity-emissions")]//figcaption')[0])
    assert marginal in caption and exporter in caption


def test_french_summary_reads_as_plain_sentences(shipped_content: object, capacity_html: Html) -> None:
    root = parse(capacity_html(shipped_content, "fr"))
    # text_content, not text(): the no-break spaces are part of what is tested.
    first = root.xpath('//div[@class="cia-capacity-summary"]/p')[0].text_content()
    assert first.startswith(
        f"À pleine puissance, 1,4\u00a0GW correspondrait à environ 1{NNBSP}170\u00a0MW informatiques, "
        f"soit de l’ordre de 556{NNBSP}000 accélérateurs de classe NVIDIA GB200"
    )


def _edited(content: Content) -> tuple[Change, ...]:
    """The site power set to 1,000 MW and the PUE to 1.25 (so 800 MW of IT power)."""
    capacity = content.capacity
    return (lead_value_edit(content, capacity.site_power.figure, 1000),
            ("capacity.yml", f"pue:\n  value: {capacity.pue.value}\n", "pue:\n  value: 1.25\n"))


CASES: dict[str, Callable[[Content], tuple[Change, ...]]] = {"shipped": lambda content: (), "edited": _edited}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_page_numbers_follow_the_model(
    shipped_content: Content, edited_content: Callable[..., Content], capacity_html: Html, case: str, lang: str
) -> None:
    content = edited_content(*CASES[case](shipped_content))
    fmt = Formatter(lang)
    bounds = compute_bounds(capacity_inputs(content))  # type: ignore[arg-type]
    root = parse(capacity_html(content, lang))

    summary = text(root.xpath('//div[@class="cia-capacity-summary"]/p')[0])
    assert approximate(fmt, bounds.central.it_power_mw, "MW") in summary
    assert approximate(fmt, bounds.central.accelerators) in summary

    results = table_rows(root, "cia-capacity-results")
    for key, row in zip(OUTPUT_KEYS, results):
        expected = [output_text(fmt, key, getattr(b, key)) for b in (bounds.low, bounds.central, bounds.high)]
        assert row[2:] == expected, key

    shown = {o.get("data-output"): o.text for o in root.xpath("//output")}
    assert shown == calculator_expected(content, {}, lang=lang)  # type: ignore[arg-type]

    emissions = root.xpath('//div[contains(@class, "cia-capacity-emissions")]')[0]
    desc = emissions.xpath(".//*[local-name()='desc']")[0].text
    chart_rows = table_rows(emissions, "cia-chart-data")
    for row in chart_rows:
        for cell in row[2:]:
            assert cell in desc
    central = fmt.number(bounds.central.annual_emissions_kt_co2, 0)
    assert chart_rows[0][3].startswith(central)

    energy = root.xpath('//div[contains(@class, "cia-capacity-energy")]')[0]
    desc = energy.xpath(".//*[local-name()='desc']")[0].text
    for row in table_rows(energy, "cia-chart-data"):
        assert all(cell in desc for cell in row[1:])

    data = json.loads(root.xpath('//script[@id="cia-capacity-data"]')[0].text)
    assert data["inputs"]["site_power_mw"]["value"] == capacity_inputs(content).site_power_mw.value  # type: ignore[arg-type]


def test_edited_content_changes_the_page(
    shipped_content: Content, edited_content: Callable[..., Content], capacity_html: Html
) -> None:
    before = capacity_html(shipped_content, "en")
    after = capacity_html(edited_content(*_edited(shipped_content)), "en")
    assert "about 800\u00a0MW of IT power" in after and "about 800\u00a0MW" not in before
    shipped = output_text(Formatter("en"), "it_power_mw", compute_bounds(capacity_inputs(shipped_content)).central.it_power_mw)
    assert shipped in before and shipped not in after.split('id="cia-capacity-data"')[0]


def test_template_types_no_number() -> None:
    source = TEMPLATE.read_text(encoding="utf-8")
    literal = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", "", source, flags=re.S)
    # tabindex="0" makes a scrollable table reachable by keyboard; it is markup, not a figure.
    literal = literal.replace('tabindex="0"', "")
    assert not re.search(r"\d", literal)
    assert "style=" not in source
    assert "fmt." not in source and "fig." not in source  # the view formats, not the template


def test_interface_strings_are_all_in_the_catalogs(
    shipped_content: object, render_capacity: Callable[[object, str], str], assembly: SiteAssembly
) -> None:
    assembly.catalogs.reset_missing()
    for lang in LANGS:
        render_capacity(shipped_content, lang)
    assert assembly.catalogs.missing() == []
