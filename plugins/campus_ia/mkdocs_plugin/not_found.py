"""A "page not found" page per language, served by the host for unknown addresses under /fr/ and /en/."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation

from ..formatting.html_typography import french_html
from ..site.assembly import SiteAssembly


def write_language_404s(
    assembly: SiteAssembly, env: jinja2.Environment, navigations: Mapping[str, Navigation], config: MkDocsConfig
) -> None:
    """Render the theme's 404 template once per language into ``<lang>/404.html``.

    The page can be served at any depth, so its links are absolute from the site root,
    as MkDocs does for the root 404 page.
    """
    template = env.get_template("404.html")
    root_path = urlsplit(config.site_url or "/").path or "/"
    for lang, navigation in navigations.items():
        context = get_context(navigation, [], config, page=None, base_url=root_path.rstrip("/") or "/")
        context.update(campus=assembly.chrome.not_found(lang, root_path), gettext=assembly.languages[lang].gettext)
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(french_html(template.render(context), lang), encoding="utf-8")
