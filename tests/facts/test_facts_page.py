"""The facts page in both languages, rendered and parsed: every figure, date, citation and download."""

from __future__ import annotations

from tests.support import SITE_BASE

import dataclasses
import json
import posixpath
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from campus_ia.content.model import Bilingual
from campus_ia.exports import build_downloads
from campus_ia.pages.downloads import LISTED_DOWNLOADS
from campus_ia.facts import TEMPLATE_DIR, context_figures, key_figures, key_milestones
from campus_ia.site.assembly import SiteAssembly
from tests.support.site_markdown import markdown_to_html

PAGE_URLS = {"fr": f"{SITE_BASE}fr/chiffres-cles/",
             "en": f"{SITE_BASE}en/facts/"}
LANGS = ["fr", "en"]


def plain(text: str) -> str:
    """``text`` with the formatter's no-break spaces as plain spaces, and whitespace collapsed."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def text_of(element: Any) -> str:
    return plain(element.text_content())


def one(tree: Any, xpath: str) -> Any:
    found = tree.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} matches"
    return found[0]


@pytest.fixture(scope="module")
def facts(assembly: SiteAssembly) -> dict[str, Any]:
    return json.loads(build_downloads(assembly.content, assembly.languages)["data/facts.json"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_has_its_anchor_and_display(facts_pages, facts, lang: str) -> None:
    tree = facts_pages[lang]["tree"]
    for record in facts["figures"]:
        article = one(tree, f'//article[@id="{record["id"]}"]')
        assert "cia-fact" in article.get("class").split()
        value = one(article, './p[contains(@class, "cia-fact__value")]')
        assert value.text_content() == record["display"][lang]
        assert one(article, './/a[@class="cia-fact__anchor"]').get("href") == f"#{record['id']}"
        shown_reports = article.xpath('.//span[@class="cia-fact__report-value"]')
        assert [s.text_content() for s in shown_reports] == [r["display"][lang] for r in record["reports"][1:]]


@pytest.mark.parametrize("lang", LANGS)
def test_sections_hold_the_selected_figures_and_dates(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    tree = facts_pages[lang]["tree"]
    key = [a.get("id") for a in tree.xpath('//div[contains(@class, "cia-facts--key")]/article')]
    context = [a.get("id") for a in tree.xpath('//div[contains(@class, "cia-facts--context")]/article')]
    dates = [a.get("id") for a in tree.xpath('//div[contains(@class, "cia-facts--dates")]/article')]
    assert key == [f.id for f in key_figures(assembly.content)]
    assert context == [f.id for f in context_figures(assembly.content)]
    assert dates == [f"date-{m.id}" for m in key_milestones(assembly.content)]
    assert key and context and dates
    headings = [h.get("id") for h in tree.xpath("//h2")]
    # The figures first; what the campus is, how to cite the page and the rest after them.
    assert headings == ["key-figures", "key-dates", "context-figures", "campus", "cite", "corrections", "updates",
                        "downloads"]


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_unique(facts_pages, lang: str) -> None:
    ids = [e.get("id") for e in facts_pages[lang]["tree"].xpath("//*[@id]")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_key_dates_show_the_date_with_its_qualifier(facts_pages, facts, assembly: SiteAssembly, lang: str) -> None:
    tree = facts_pages[lang]["tree"]
    for record in facts["milestones"]:
        if not record["key"]:
            continue
        value = one(tree, f'//article[@id="date-{record["id"]}"]/p[contains(@class, "cia-fact__value")]')
        assert value.text_content() == record["display"][lang]
        timeline_link = one(tree, f'//article[@id="date-{record["id"]}"]//p[@class="cia-fact__more"]/a')
        assert timeline_link.get("href").endswith(f"#{record['id']}")
    content, fmt = assembly.content, assembly.languages[lang].fmt
    dated = [m for m in key_milestones(content) if m.date]
    assert dated
    for milestone in dated:
        period = content.partial_date(milestone.date)
        value = one(tree, f'//article[@id="date-{milestone.id}"]/p[contains(@class, "cia-fact__value")]')
        # The date as precise as content/ gives it, in words with its qualifier ("expected in", "from").
        assert plain(fmt.date(period, milestone.date_qualifier)) in text_of(value)
        if period.precision in ("day", "month", "year"):
            assert one(value, "./time").get("datetime") == fmt.iso_date(period)


@pytest.mark.parametrize("lang", LANGS)
def test_last_updated_is_a_time_element(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    time = one(facts_pages[lang]["tree"], '//p[@class="cia-facts__updated"]/time')
    reviewed = assembly.content.partial_date(assembly.content.site.last_reviewed)
    assert time.get("datetime") == reviewed.iso()
    assert text_of(time) == plain(assembly.languages[lang].fmt.date(reviewed))


CITATION = {
    "fr": "{project} – {label} : {value} ({source}, {status} ; date du chiffre : {as_of}). "
          "Source : {site}, « {page} », {url}, consulté le {accessed}.",
    "en": "{project} – {label}: {value} ({source}, {status}; figure dated {as_of}). "
          "Source: {site}, “{page}”, {url}, accessed {accessed}.",
}
"""The citation's wording in each language; every part of it comes from content/."""
STATUS_WORDS = {"official": "official", "press": "press report", "estimate": "estimate"}


@pytest.mark.parametrize("lang", LANGS)
def test_figure_citation_ready_to_paste(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    content, language = assembly.content, assembly.languages[lang]
    # Without JavaScript the page says the review date; copy-citation.js puts the day of copying.
    accessed = language.fmt.date(content.partial_date(content.site.last_reviewed))
    page_title = next(p.title[lang] for p in content.site.pages if p.id == "facts")
    cited = [f for f in key_figures(content) if f.lead.status in STATUS_WORDS]
    assert cited
    for figure in cited:
        lead = language.figures.report(figure, figure.lead)
        expected = CITATION[lang].format(
            project=content.campus.campus.name[lang], label=figure.label[lang], value=lead.value,
            source=lead.source_label, status=language.gettext(STATUS_WORDS[figure.lead.status]),
            as_of=lead.as_of, site=content.site.title[lang], page=page_title,
            url=f"{PAGE_URLS[lang]}#{figure.id}", accessed=accessed)
        citation = one(facts_pages[lang]["tree"], f'//article[@id="{figure.id}"]//blockquote[@class="cia-citation"]/p')
        assert text_of(citation) == plain(language.fmt.typography(expected))


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_and_key_date_has_a_citation_with_its_address(facts_pages, facts, lang: str) -> None:
    tree = facts_pages[lang]["tree"]
    for record in facts["figures"]:
        citation = text_of(one(tree, f'//article[@id="{record["id"]}"]//blockquote[@class="cia-citation"]/p'))
        assert f"{PAGE_URLS[lang]}#{record['id']} " in citation.replace(",", " ")
        assert plain(record["labels"][lang]) in citation
        if record["status"] != "unknown":
            assert plain(record["display"][lang]) in citation
    for record in facts["milestones"]:
        if record["key"]:
            citation = text_of(one(tree, f'//article[@id="date-{record["id"]}"]//blockquote[@class="cia-citation"]/p'))
            assert f"{PAGE_URLS[lang]}#date-{record['id']}," in citation
    page_citation = text_of(one(tree, '//blockquote[@id="cite-page"]/p'))
    assert f"{PAGE_URLS[lang]}," in page_citation


@pytest.mark.parametrize("lang", LANGS)
def test_sources_are_named_and_linked_when_known(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    tree, content = facts_pages[lang]["tree"], assembly.content
    for figure in content.figures.values():
        article = one(tree, f'//article[@id="{figure.id}"]')
        for standing in ("alternative", "superseded"):
            shown = article.xpath(f'.//li[contains(@class, "cia-fact__report--{standing}")]')
            assert len(shown) == sum(r.standing == standing for r in figure.reports), (figure.id, standing)
        for report in figure.reports:
            source = content.sources[report.source]
            named = plain(assembly.languages[lang].fmt.typography(source.publisher_in(lang)))
            assert named in text_of(article), (figure.id, named)
            if source.url:
                link = article.xpath(f'.//a[@href="{source.url}"]')
                assert link and text_of(link[0]) == named, (figure.id, source.url)


@pytest.mark.parametrize("lang", LANGS)
def test_corrections_and_updates_have_anchors(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    tree = facts_pages[lang]["tree"]
    for correction in assembly.content.campus.corrections:
        item = one(tree, f'//li[@id="correction-{correction.id}"]')
        assert plain(correction.title[lang]) in text_of(item)
    updates = [li.get("id") for li in tree.xpath('//ol[@class="cia-updates"]/li')]
    assert updates == [f"update-{u.id}" for u in reversed(assembly.content.updates)]


@pytest.mark.parametrize("lang", LANGS)
def test_download_links_point_at_built_files(facts_pages, assembly: SiteAssembly, lang: str) -> None:
    downloads = assembly.downloads()  # the site's, the capacity model's files included
    page_url = assembly.structure.get("facts", lang).url
    hrefs = [a.get("href") for a in facts_pages[lang]["tree"].xpath(
        '//div[contains(@class, "cia-facts--downloads")]//a[@download] | //p[@class="cia-feed"]/a')]
    targets = {posixpath.normpath(posixpath.join(page_url, href)) for href in hrefs}
    # The data files of the one downloads table, and this language's feed; the charts and the press
    # kit are on the press page, which the section links to.
    listed = {d.path for _heading, group in LISTED_DOWNLOADS for d in group}
    assert listed <= set(downloads)
    assert targets == listed | {f"{lang}/feed.xml"}
    more = one(facts_pages[lang]["tree"], '//p[@class="cia-downloads__more"]/a').get("href")
    assert posixpath.normpath(posixpath.join(page_url, more)) + "/" == assembly.structure.get("press", lang).url
    notes = " ".join(text_of(p) for p in facts_pages[lang]["tree"].xpath('//p[@class="cia-downloads__notes"]'))
    assert "UTF-8" in notes and "ISO 8601" in notes


def test_markdown_never_sees_yaml_text(facts_pages) -> None:
    """Outside HTML blocks the Markdown source only has headings made of catalog strings."""
    for page in facts_pages.values():
        body = page["markdown"].split("\n---\n", 1)[1]
        depth = 0
        for line in body.splitlines():
            if depth == 0 and line and not line.startswith(("#", "<")):
                pytest.fail(f"Markdown text outside an HTML block: {line!r}")
            depth += len(re.findall(r"<(div|blockquote|p)\b", line)) - len(re.findall(r"</(div|blockquote|p)>", line))


def test_template_types_no_numbers() -> None:
    """The markup and text the templates write out hold no digit: every figure comes from the YAML."""
    for path in sorted(Path(TEMPLATE_DIR).glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        written = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", "", source, flags=re.S)
        written = re.sub(r"</?h[1-6]\b", "", written)
        assert not re.search(r"\d", written), f"{path.name} types a number"


def test_text_from_yaml_is_escaped(assembly: SiteAssembly) -> None:
    content = assembly.content
    figure = content.campus.figures[0]
    hostile = figure.model_copy(update={"label": Bilingual(
        fr="<script>alert(1)</script>", en="[x](javascript:alert(1)) *bold*")})
    campus = content.campus.model_copy(update={"figures": [hostile, *content.campus.figures[1:]]})
    hostile_site = dataclasses.replace(assembly, content=dataclasses.replace(content, campus=campus))
    for lang in LANGS:
        page = hostile_site.structure.get("facts", lang)
        html = markdown_to_html(hostile_site.page_body(page))
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
        # The only script is the page's own "copy citation" file.
        assert [s.get("src", "") for s in tree.xpath("//script")] == ["../../assets/javascripts/copy-citation.js"]
        assert not [a for a in tree.xpath("//a[@href]") if a.get("href").startswith("javascript:")]
        assert not tree.xpath("//strong[text()='bold']")
        label = one(tree, f'//article[@id="{figure.id}"]//a[@class="cia-fact__anchor"]')
        assert text_of(label) == plain(hostile.label[lang])
