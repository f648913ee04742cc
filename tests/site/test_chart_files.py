"""The capacity page's charts as files, on the real build: SVG, PNG and the CSV of their data.

Each file is read back with a real parser (lxml's XML parser, Pillow, the csv module) and
its numbers are compared with the capacity model computed here from ``content/`` through
the project's loader and model, not with what the page shows.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from campus_ia.capacity.from_content import capacity_inputs
from campus_ia.capacity.model import compute_bounds
from campus_ia.content import Content
from campus_ia.pages.downloads import CHART_DOWNLOADS, CHART_KEYS
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly, load_site_content
from campus_ia.site.chart_files import PNG_SCALE
from tests.support import REPO_ROOT

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
PRIMARY_ON_WHITE_AT_35 = tuple(round(255 + (c - 255) * 0.35) for c in (0x1A, 0x3A, 0x6B))
"""The bars' colour as drawn: the site's primary colour at 35 % opacity on white."""


def expected_charts(content: Content) -> list[str]:
    """The charts the content draws: the electricity chart needs phases."""
    return [key for key in CHART_KEYS if key != "electricity" or content.capacity.phases]


SHIPPED = load_site_content(REPO_ROOT / "content", display_root=REPO_ROOT)
CHARTS = expected_charts(SHIPPED)
CSV_EDITIONS = [(key, lang, False) for key in CHARTS for lang in LANGUAGES] + [(key, "fr", True) for key in CHARTS]
"""(chart, language, spreadsheet edition): the canonical CSV in each language, the spreadsheet one in French."""


@pytest.fixture(scope="module")
def content() -> Content:
    return SHIPPED


def read_csv(data: bytes, *, spreadsheet: bool) -> list[list[str]]:
    if spreadsheet:
        assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would misread the accents"
        text = data.decode("utf-8-sig")
    else:
        assert not data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8")
    assert "\r\n" in text  # RFC 4180 line ends
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if spreadsheet else ","))


def number(cell: str, *, spreadsheet: bool) -> float:
    if spreadsheet:
        assert "." not in cell, f"{cell!r} would be text in a spreadsheet set to French"
        return float(cell.replace(",", "."))
    assert "," not in cell
    return float(cell)


def expected_rows(content: Content, key: str, lang: str) -> list[tuple[str, list[float]]]:
    """Each bar's label and numbers, from the model run here on the content."""
    inputs = capacity_inputs(content)
    if key == "electricity":
        rows = []
        for phase in content.capacity.phases:
            power = content.phase_power_mw(phase)
            b = compute_bounds(inputs.with_values(site_power_mw=power, investment_eur=None))
            rows.append((phase.label[lang], [power, b.low.annual_energy_twh, b.central.annual_energy_twh,
                                              b.high.annual_energy_twh, b.central.share_of_france_consumption * 100]))
        return rows
    b = compute_bounds(inputs)
    capacity = content.capacity
    return [
        (None, [capacity.grid_intensity.value, b.low.annual_emissions_kt_co2, b.central.annual_emissions_kt_co2,
                b.high.annual_emissions_kt_co2]),
        (None, [capacity.comparison_grid.value, b.low.annual_emissions_kt_co2_comparison_grid,
                b.central.annual_emissions_kt_co2_comparison_grid, b.high.annual_emissions_kt_co2_comparison_grid]),
    ]


def test_every_chart_has_its_files(built_site: Path, content: Content) -> None:
    charts = expected_charts(content)
    assert charts, "the content draws no chart"
    written = {p.relative_to(built_site).as_posix() for p in (built_site / "data" / "charts").iterdir()
               if p.suffix != ".gz"}
    assert written == {f.path for key in charts for f in CHART_DOWNLOADS[key].files}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", CHARTS)
def test_svg_stands_alone(built_site: Path, content: Content, key: str, lang: str) -> None:
    data = (built_site / CHART_DOWNLOADS[key].svg[lang].path).read_bytes()
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == f"{SVG}svg"
    assert root.get("width") and root.get("height") and root.get("viewBox")
    # Colours travel in attributes: no <style> and no style="" that a page's CSS or CSP would need.
    assert list(root.iter(f"{SVG}style")) == [] and b"style=" not in data
    assert root.find(f".//{SVG}rect[@class='cia-chart__bar']").get("fill") == "#1a3a6b"
    lines = ["".join(t.itertext()) for t in root.iter(f"{SVG}tspan")]
    title = root.find(f"{SVG}title").text
    assert " ".join(lines).startswith(" ".join(title.split()[:3]))  # the title, shown inside
    site_title = content.site.title[lang].replace("'", "’")
    assert any(site_title in line for line in lines), "the source (the site's name) is not inside the chart"
    page = next(p for p in content.site.pages if p.id == "capacity")
    assert f"/{lang}/{page.slug[lang]}/#chart-{key}" in " ".join(lines)
    expected = expected_rows(content, key, lang)
    bars = root.findall(f".//{SVG}rect[@class='cia-chart__bar']")
    assert len(bars) == len(expected)
    for label, _numbers in expected:
        if label:
            assert label.replace("'", "’") in " ".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", CHARTS)
def test_png_is_the_svg_drawn(built_site: Path, content: Content, key: str, lang: str) -> None:
    svg = etree.fromstring((built_site / CHART_DOWNLOADS[key].svg[lang].path).read_bytes())
    _x, _y, width, height = (float(n) for n in svg.get("viewBox").split())
    with Image.open(built_site / CHART_DOWNLOADS[key].png[lang].path) as image:
        image.load()
        assert image.format == "PNG"
        assert image.size == (round(width * PNG_SCALE), round(height * PNG_SCALE))
        colours = {colour for _count, colour in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert (255, 255, 255) in colours and (0x22, 0x22, 0x22) in colours  # background and text
    assert any(max(abs(a - b) for a, b in zip(c, PRIMARY_ON_WHITE_AT_35)) <= 1 for c in colours), "no bar drawn"


@pytest.mark.parametrize(("key", "lang", "spreadsheet"), CSV_EDITIONS)
def test_csv_holds_the_models_numbers(built_site: Path, content: Content, key: str, lang: str, spreadsheet: bool) -> None:
    files = CHART_DOWNLOADS[key]
    path = files.spreadsheet_csv.path if spreadsheet else files.csv[lang].path
    header, *rows = read_csv((built_site / path).read_bytes(), spreadsheet=spreadsheet)
    expected = expected_rows(content, key, lang)
    assert len(rows) == len(expected)
    assert all(len(row) == len(header) for row in rows), "a row does not split into the header's columns"
    decimals = 0
    for row, (label, numbers) in zip(rows, expected):
        if label is not None:
            assert row[0] == label.replace("'", "’")
        found = [number(c, spreadsheet=spreadsheet) for c in row[1:] if NUMBER.match(c)]
        assert found == pytest.approx(numbers, rel=1e-5)
        decimals += sum(("," if spreadsheet else ".") in c for c in row[1:])
    assert decimals, "no number with decimals: the decimal mark is not being tested"


def test_a_label_starting_with_a_formula_is_neutralised(tmp_path: Path) -> None:
    """A phase label "=HYPERLINK(...)" in content/ comes out as text in every chart CSV."""
    project = tmp_path / "project"
    for folder in ("content", "locales"):
        shutil.copytree(REPO_ROOT / folder, project / folder)
    capacity = project / "content" / "capacity.yml"
    text = capacity.read_text(encoding="utf-8")
    for label in ("Première étape du raccordement", "First grid-connection step"):
        assert label in text, "the first phase's label changed: update this test's content edit"
        text = text.replace(label, "'=HYPERLINK(\"http://evil.test\")'", 1)
    capacity.write_text(text, encoding="utf-8")
    assembly = SiteAssembly.load(project / "content", project / "locales", root=project)
    files = assembly.downloads()
    assert CHART_DOWNLOADS["electricity"].spreadsheet_csv.path in files
    for download in CHART_DOWNLOADS["electricity"].files:
        if download.media_type != "text/csv":
            continue
        spreadsheet = ".spreadsheet." in download.path
        rows = read_csv(files[download.path], spreadsheet=spreadsheet)
        assert rows[1][0].startswith("'="), f"{download.path}: {rows[1][0]!r} would run as a formula"
        assert not any(cell.startswith("=") for row in rows for cell in row)
