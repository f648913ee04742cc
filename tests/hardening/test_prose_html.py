"""The prose sanitiser: allow-listed HTML out, every active thing named and located."""

from __future__ import annotations

import pytest

from campus_ia.site.prose_html import may_hold_active_content, sanitise, sanitise_prose

ACTIVE = [
        ('<a href="javascript:alert(1)">x</a>', "a 'javascript:' address"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "a 'javascript:' address"),
        ('<a href="java&#9;script:alert(1)">x</a>', "a 'javascript:' address"),  # browsers drop the tab
        ('<a href=" &#14;javascript:alert(1)">x</a>', "a 'javascript:' address"),  # and leading controls
        ('<a href="vbscript:msgbox(1)">x</a>', "a 'vbscript:' address"),
        ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "a 'data:' address"),
        ("<p>a<script>alert(1)</script>b</p>", "a <script> element"),
        ('<img src="x.png" alt="" onerror="alert(1)">', "an event handler attribute (onerror)"),
        ('<p onclick="alert(1)">x</p>', "an event handler attribute (onclick)"),
        ('<iframe src="https://example.org/"></iframe>', "a <iframe> element"),
        ('<svg><a href="javascript:alert(1)">x</a></svg>', "a <svg> element"),
        ("<style>body{display:none}</style>", "a <style> element"),
        ('<a href="https://example.org/" title="x" onmouseover="alert(1)">x</a>', "an event handler attribute (onmouseover)"),
        ('<p/onclick="alert(1)">x</p>', "an event handler attribute (onclick)"),
        ('<a href\n=\n"javascript:alert(1)">x</a>', "a 'javascript:' address"),
        ('<a title="a:b" href=javascript:alert(1)>x</a>', "a 'javascript:' address"),
    ]


@pytest.mark.parametrize(("html", "removed"), ACTIVE)
def test_active_content_is_removed_and_named(html: str, removed: str) -> None:
    clean, found = sanitise(html)
    assert removed in [item.what for item in found]
    lowered = clean.lower()
    assert "javascript" not in lowered and "<script" not in lowered and "onerror" not in lowered
    assert "onclick" not in lowered and "<iframe" not in lowered and "<style" not in lowered


def test_ordinary_prose_html_is_kept() -> None:
    html = (
        '<h2 id="open-data">Open data</h2>\n'
        '<p>See the <a href="../facts/" hreflang="en" title="Facts">facts sheet</a>, '
        '<a href="https://example.org/a?b=1#c">a source</a>, <a href="mailto:x@example.org">mail</a>, '
        "<em>1,4\u00a0GW</em>, <abbr title=\"Power usage effectiveness\">PUE</abbr>.</p>\n"
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p lang="en">Text</p>\n</div>\n'
        '<table>\n<thead>\n<tr>\n<th align="right">A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="right">1</td>\n'
        "</tr>\n</tbody>\n</table>\n"
        '<p><img alt="Plan" src="plan.png"></p>\n<pre><code class="language-yaml">key: value\n</code></pre>'
    )
    clean, found = sanitise(html)
    assert found == []
    assert clean == html
    assert not may_hold_active_content(html)  # ordinary prose skips the tokenizer


@pytest.mark.parametrize(("html", "removed"), ACTIVE)
def test_the_quick_test_never_misses_what_the_tokenizer_finds(html: str, removed: str) -> None:
    assert may_hold_active_content(html)
    assert may_hold_active_content(f"<p>Some text, <a href=\"../x/\">a link</a>.</p>\n{html}\n<p>More.</p>")


def test_problems_point_at_the_markdown_source() -> None:
    source = "---\ndescription: x\n---\n# Title\n\nSee [this](javascript:alert(1)).\n\nThen <script>alert(2)</script>.\n"
    html = '<h1>Title</h1>\n<p>See <a href="javascript:alert(1)">this</a>.</p>\n<p>Then <script>alert(2)</script>.</p>'
    clean, problems = sanitise_prose(html, source, "docs/en/about.md")
    assert [f"{p.file}:{p.line}:{p.column}" for p in problems] == ["docs/en/about.md:6:12", "docs/en/about.md:8:6"]
    assert "<script" not in clean and "javascript" not in clean


def test_template_syntax_is_left_as_text() -> None:
    clean, found = sanitise("<p>{{ 7*7 }} {% if x %}y{% endif %}</p>")
    assert found == [] and clean == "<p>{{ 7*7 }} {% if x %}y{% endif %}</p>"
