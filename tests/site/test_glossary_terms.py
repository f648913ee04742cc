"""Where the glossary's tooltips go in a page's markup: first free occurrence only, never inside skipped elements."""

from __future__ import annotations

from campus_ia.site.glossary_terms import TermNote, explain_terms

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
