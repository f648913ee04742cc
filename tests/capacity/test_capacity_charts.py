"""Build-time SVG bar charts: well-formed, accessible, escaped, CSP-safe and theme-styled."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from campus_ia.capacity import Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"

BARS = [
    Bar("Phase 1 (2028)", 200.0, "200 MW"),
    Bar("Phase 2 : raccordement au réseau de transport d'électricité", 583.3, "583 MW"),
    Bar("Phase 3", 1166.7, "1 167 MW", low=1076.9, high=1272.7),
]


def render(title: str = "Puissance informatique", bars: list[Bar] | None = None) -> str:
    return bar_chart(
        title,
        "Puissance informatique par phase de raccordement, en mégawatts.",
        BARS if bars is None else bars,
        unit_label="MW",
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def test_is_well_formed_accessible_svg() -> None:
    root = parse(render())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    first, second = list(root)[:2]
    assert first.tag == f"{SVG}title" and first.text == "Puissance informatique"
    assert second.tag == f"{SVG}desc" and "mégawatts" in (second.text or "")
    assert root.get("aria-labelledby") == first.get("id")
    assert root.get("aria-describedby") == second.get("id")


def test_scales_to_its_container() -> None:
    root = parse(render())
    assert "cia-chart" in root.get("class", "").split()
    assert root.get("width") is None and root.get("height") is None


def test_text_is_escaped() -> None:
    hostile = '<script>alert("x")</script> & co'
    svg = render(title=hostile, bars=[Bar(hostile, 1.0, "<b>1</b>")])
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert root.find(f"{SVG}title").text == hostile  # type: ignore[union-attr]
    labels = by_class(root, "cia-chart__label")
    assert "".join(labels[0].itertext()) == hostile
    assert "".join(by_class(root, "cia-chart__value")[0].itertext()) == "<b>1</b>"


def test_control_characters_cannot_break_the_xml() -> None:
    parse(render(title="bad\x00\x0btitle", bars=[Bar("a\x1fb", 1.0, "1")]))


def test_no_inline_style_and_no_script() -> None:
    svg = render()
    root = parse(svg)
    assert "style=" not in svg
    assert all("style" not in el.attrib for el in root.iter())
    assert not [el for el in root.iter() if el.tag in (f"{SVG}script", f"{SVG}style")]
    assert not [k for el in root.iter() for k in el.attrib if k.lower().startswith("on")]


def test_ids_are_unique_across_charts() -> None:
    one = parse(render("Puissance informatique"))
    two = parse(render("Énergie annuelle"))
    same_title = parse(render("Puissance informatique", bars=BARS[:2]))
    ids = [el.get("id") for root in (one, two, same_title) for el in root.iter() if el.get("id")]
    assert len(ids) == 6
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("cia-chart-") for i in ids)
    assert "energie-annuelle" in two.find(f"{SVG}title").get("id", "")  # type: ignore[union-attr]


def test_same_chart_gets_the_same_ids() -> None:
    assert render() == render()  # deterministic output keeps rebuilds diff-free


def test_theme_classes_and_whiskers() -> None:
    root = parse(render())
    assert len(by_class(root, "cia-chart__bar")) == 3
    assert len(by_class(root, "cia-chart__label")) == 3
    assert len(by_class(root, "cia-chart__value")) == 3
    ranges = by_class(root, "cia-chart__range")
    assert len(ranges) == 1  # only the bar with low/high gets a whisker
    assert "".join(by_class(root, "cia-chart__unit")[0].itertext()) == "MW"


def test_bars_are_horizontal_and_proportional() -> None:
    root = parse(render())
    rects = by_class(root, "cia-chart__bar")
    widths = [float(r.get("width", "0")) for r in rects]
    heights = {r.get("height") for r in rects}
    assert len(heights) == 1
    assert widths[1] / widths[0] == pytest.approx(583.3 / 200.0, rel=1e-3)
    xs = {r.get("x") for r in rects}
    assert len(xs) == 1  # common baseline
    ys = [float(r.get("y", "0")) for r in rects]
    assert ys == sorted(ys)


def test_everything_fits_in_the_viewbox() -> None:
    root = parse(render())
    width, height = (float(n) for n in root.get("viewBox", "").split()[2:])
    for text in by_class(root, "cia-chart__value") + by_class(root, "cia-chart__label"):
        # Texts start at the left margin, on lines of their own above the bars.
        assert float(text.get("x", "0")) < width * 0.1
        assert float(text.get("y", "0")) < height
    path = by_class(root, "cia-chart__range")[0].get("d", "")
    numbers = [float(n) for n in path.replace("M", " ").replace("H", " ").replace("V", " ").split()]
    assert max(numbers) < width


def test_long_labels_wrap_onto_several_lines() -> None:
    label = "Consommation électrique annuelle du campus rapportée à la consommation française"
    root = parse(render(bars=[Bar(label, 1.0, "1")]))
    lines = list(by_class(root, "cia-chart__label")[0])
    assert len(lines) >= 2
    assert " ".join(t.text or "" for t in lines) == label


def test_display_text_is_used_verbatim() -> None:
    root = parse(render(bars=[Bar("Énergie", 9.8112, "9,8 TWh")]))
    values = ["".join(t.itertext()) for t in by_class(root, "cia-chart__value")]
    assert values == ["9,8 TWh"]
    assert "9.8112" not in "".join(root.itertext())


def test_all_zero_values_still_render() -> None:
    root = parse(render(bars=[Bar("a", 0.0, "0"), Bar("b", 0.0, "0")]))
    assert {r.get("width") for r in by_class(root, "cia-chart__bar")} == {"0"}


@pytest.mark.parametrize(
    "bars",
    [
        [],
        [Bar("neg", -1.0, "-1")],
        [Bar("nan", float("nan"), "?")],
        [Bar("range", 5.0, "5", low=6.0, high=7.0)],
        [Bar("range", 5.0, "5", low=1.0, high=4.0)],
    ],
)
def test_invalid_bars_are_rejected(bars: list[Bar]) -> None:
    with pytest.raises(ValueError):
        render(bars=bars)


def test_the_note_under_the_bars_wraps_and_stays_in_the_viewbox() -> None:
    note = "Térawattheures par an (part de la consommation française) ; les moustaches montrent la fourchette"
    root = ET.fromstring(bar_chart("t", "d", BARS, unit_label=note))
    lines = list(by_class(root, "cia-chart__unit")[0])
    assert len(lines) >= 2
    assert " ".join(t.text or "" for t in lines) == note
    height = float(root.get("viewBox", "").split()[3])
    last_y = float(by_class(root, "cia-chart__unit")[0].get("y", "0")) + sum(float(t.get("dy", "0")) for t in lines)
    assert last_y < height
