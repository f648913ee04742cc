"""Generated pages' HTML blocks kept out of Markdown: the converted page must not change."""

from __future__ import annotations

import markdown
import pytest

from campus_ia.pages.raw_blocks import restore_html_blocks, stash_html_blocks
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from tests.support.site_markdown import EXTENSION_CONFIGS, EXTENSIONS


def _convert(text: str) -> str:
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS).convert(body)


@pytest.fixture(scope="module")
def generated_pages(assembly: SiteAssembly) -> list[tuple[str, str]]:
    return [(page.src_uri, assembly.generated_markdown(page)) for page in assembly.structure.generated()]


def test_every_generated_page_converts_to_the_same_html(generated_pages: list[tuple[str, str]]) -> None:
    assert len(generated_pages) >= 8 * len(LANGUAGES)
    stashed_somewhere = 0
    for src, text in generated_pages:
        stashed, blocks = stash_html_blocks(text)
        stashed_somewhere += bool(blocks)
        assert restore_html_blocks(_convert(stashed), blocks) == _convert(text), src
    assert stashed_somewhere >= len(generated_pages) // 2  # the point: most pages have blocks to skip


@pytest.mark.parametrize(
    "text",
    [
        '<div markdown="1">\n*emphasis*\n</div>',  # asks for Markdown inside
        "<div>\n<p>one</p>",  # not closed in the block
        "<div><div>a</div>",  # closes fewer than it opens
        "<span>inline</span>",  # not a block-level element
        "text <div>x</div>",  # does not start with a tag
    ],
)
def test_blocks_markdown_would_not_pass_through_are_left_to_it(text: str) -> None:
    page = f"# Title\n\n{text}\n\nAfter."
    stashed, blocks = stash_html_blocks(page)
    assert blocks == [] and stashed == page


def test_a_page_that_looks_like_a_token_is_left_alone() -> None:
    page = "CIARAWBLOCK00000X\n\n<div>x</div>"
    assert stash_html_blocks(page) == (page, [])
