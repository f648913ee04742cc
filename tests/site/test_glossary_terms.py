"""Where the glossary's tooltips go in a page's markup: first free occurrence only, never inside skipped elements."""

from __future__ import annotations

import random

from campus_ia.site.glossary_terms import TermNote, _matches, _term_pattern, explain_terms

NOTES = [TermNote("GPU", "Graphics processing unit."), TermNote("PUE", "Power usage effectiveness.")]


def _abbr(term: str, text: str) -> str:
    return f'<abbr title="{text}">{term}</abbr>'


def test_first_free_occurrence_is_marked_once() -> None:
    html = "<p>Les GPU et le PUE. Encore des GPU.</p>"
    out = explain_terms(html, NOTES)
    assert out == (f"<p>Les {_abbr('GPU', 'Graphics processing unit.')} et le "
                   f"{_abbr('PUE', 'Power usage effectiveness.')}. Encore des GPU.</p>")


def test_links_headings_code_comments_and_scripts_are_left_alone() -> None:
    html = (
        '<h2 id="gpu">GPU</h2><p><a href="/gpu/" title="GPU">des GPU</a> <code>GPU</code></p>'
        "<!-- GPU --><script>var s = '</a> GPU';</script><style>/* PUE */</style>"
        '<p>Un <span class="x"/>GPU <svg><path d="M0"/><title>PUE</title></svg> PUE</p>'
    )
    out = explain_terms(html, NOTES)
    # Everything before the last paragraph is as it was; there the free occurrences are marked.
    head, _, tail = html.partition("<p>Un ")
    assert out.startswith(head)
    assert out[len(head):] == (f'<p>Un <span class="x"/>{_abbr("GPU", "Graphics processing unit.")} '
                               f'<svg><path d="M0"/><title>PUE</title></svg> '
                               f'{_abbr("PUE", "Power usage effectiveness.")}</p>')


def test_terms_inside_words_paths_and_attributes_are_not_terms() -> None:
    html = '<p><img alt="GPU" src="/GPU/x.png">GPUs, /PUE, PUE-like</p>'
    assert explain_terms(html, NOTES) == html


def test_terms_are_found_where_the_terms_pattern_finds_them() -> None:
    """The quick search (str.find, then the pattern where a term starts) finds what scanning
    every position with the pattern finds: overlapping terms, longer terms first, word edges."""
    terms = ("GW", "GWh", "TWh", "W", "sovereign cloud", "cloud", "AI", "A", "IA", "x/y")
    pattern = _term_pattern(terms)
    pieces = ["GW", "h", "T", "W", " ", "-", "/", "é", "_", "cloud", "sovereign ", "AI", "A", "I", "x", "y", "<b>", "\u00a0"]
    rng = random.Random(7)
    texts = ["1.4 GW and 3 GWh, AI/IA: sovereign cloud", "TWh-GW GW_ éGW GW", *(
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000))]
    for text in texts:
        assert [m.span() for m in _matches(pattern, terms, text)] == [m.span() for m in pattern.finditer(text)], text
