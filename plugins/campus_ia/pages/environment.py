"""The Jinja environment for generated pages: autoescaped, with gettext per language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .bytecode_cache import compiled_templates

TEMPLATE_DIRS = [
    Path(__file__).parent / "templates",
    Path(__file__).parent.parent / "facts" / "templates",
    Path(__file__).parent.parent / "capacity" / "templates",
    Path(__file__).parent.parent / "home" / "templates",
]


@lru_cache(maxsize=None)
def page_environment() -> jinja2.Environment:
    """One shared environment; gettext callables are passed per render, not installed globally."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in TEMPLATE_DIRS]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled_templates(),
    )
    env.filters["mdsafe"] = markdown_safe
    # Helpers from the layers above (the capacity page's view) come with each render, see render_page.
    return env


_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|<>&\"'"})


def markdown_safe(text: str) -> Markup:
    """Escape text from YAML for a place Markdown will parse (a heading, a table cell).

    HTML escaping alone is not enough there: ``[x](javascript:...)`` or ``*`` would
    still be Markdown. Numeric character references are inert in both languages.
    """
    return Markup(str(text).translate(_MARKDOWN_SPECIALS))


def escape_html(text: str) -> Markup:
    return escape(text)
