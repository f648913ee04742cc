"""Hostile text in content fields: the build succeeds and the text is shown, escaped, as typed.

Each case types markup, a ``javascript:`` link or template syntax into one text
field of a copy of the real project, builds it with ``mkdocs build --strict``, and
checks with lxml that no page of the site gained a script, an event handler, an
embed or a ``javascript:`` address, and that the page shows the text literally.
Page titles and the site description are covered too: the theme prints them
outside any Markdown, in ``<title>``, in the navigation and in ``<meta>`` tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html

from campus_ia.content import load_content
from tests.hardening.edits import Edit
from tests.support import REPO_ROOT
from tests.hardening.html_checks import active_content, page_text
from tests.support.build import build

BUILD_SECONDS = 60


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    old: str
    """A whole text value in ``file``."""
    hostile: str
    """Put before ``old``; the value is written as a double-quoted YAML string. Must appear as typed."""
    page: str
    """A page of the built site that shows the field."""


SHIPPED = load_content(REPO_ROOT / "content")
"""The texts the cases put hostile text before, taken from the content as loaded (each is on one line)."""
PARTNERS_PAGE = next(p for p in SHIPPED.site.pages if p.id == "partners")
FIRST_PUBLISHER = next(s.publisher for s in SHIPPED.sources.values() if isinstance(s.publisher, str))

CASES = [
    Case("partners-script-in-description", "content/partners.yml", SHIPPED.partners[0].description.en,
         "<script>alert(1)</script>", "en/partners/index.html"),
    Case("education-onerror-in-text", "content/education.yml", SHIPPED.education.items[0].text.en,
         "<img src=x onerror=alert(1)>", "en/education-research/index.html"),
    Case("timeline-javascript-links-in-summary", "content/timeline.yml", SHIPPED.milestones[0].summary.en,
         "[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a>", "en/timeline/index.html"),
    Case("quotes-template-syntax", "content/quotes.yml", SHIPPED.quotes[0].text.en,
         "{{ 7*7 }} {% if true %}yes{% endif %} {{ fact:site-power }}", "en/quotes/index.html"),
    Case("sources-iframe-in-publisher", "content/sources.yml", FIRST_PUBLISHER,
         "<iframe src=javascript:alert(1)></iframe>", "en/sources/index.html"),
    Case("site-page-title-breaks-out-of-title", "content/site.yml", PARTNERS_PAGE.title.en,
         "</title><script>alert(1)</script><img src=x onerror=alert(2)>", "en/partners/index.html"),
    Case("site-page-title-entities", "content/site.yml", PARTNERS_PAGE.title.en,
         "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "en/partners/index.html"),
    Case("site-description-breaks-out-of-meta", "content/site.yml", SHIPPED.site.description.en,
         "\"><script>alert(3)</script><meta http-equiv=refresh content=0;url=javascript:alert(4)>", "index.html"),
]


def _yaml_double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_text_is_shown_escaped(case: Case, project: Path, tmp_path: Path) -> None:
    Edit(case.file, case.old, _yaml_double_quoted(f"{case.hostile} {case.old}")).apply(project)
    result = build(project, tmp_path / "site", timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr + result.stdout
    site = tmp_path / "site"

    assert active_content(site) == []
    shown = page_text(site, case.page)
    assert case.hostile in shown or case.hostile in _meta_texts(site / case.page), (
        f"{case.page} does not show the text as typed"
    )
    if "{{ 7*7 }}" in case.hostile:
        assert "{{ 7*7 }}" in shown and "{% if true %}yes{% endif %}" in shown


def _meta_texts(page: Path) -> str:
    tree = lxml_html.parse(str(page))
    return "\n".join(m.get("content") or "" for m in tree.iter("meta"))
