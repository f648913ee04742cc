"""Generated pages' HTML blocks kept out of Markdown: the converted page must not change."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from campus_ia.pages.raw_blocks import restore_html_blocks, stash_html_blocks
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly

REPO = Path(__file__).resolve().parents[2]


def _extensions() -> tuple[list[str], dict]:
    """The Markdown extensions and their settings, as mkdocs.yml gives them (no MkDocs needed)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        settings[name] = options or {}
    return names, settings


def _convert(text: str) -> str:
    names, settings = _extensions()
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(body)


@pytest.fixture(scope="module")
def generated_pages() -> list[tuple[str, str]]:
    assembly = SiteAssembly.load(REPO / "content", REPO / "locales", root=REPO)
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
