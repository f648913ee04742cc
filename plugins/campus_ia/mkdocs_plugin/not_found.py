"""A "page not found" page per language, served by the host for unknown addresses under /fr/ and /en/."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation

from ..pages.downloads import UPDATES_FEED
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
    base_url = urlsplit(config.site_url or "/").path.rstrip("/") or ""
    for lang, navigation in navigations.items():
        home = assembly.structure.get("home", lang)
        context = get_context(navigation, [], config, page=None, base_url=base_url or "/")
        chrome = assembly.page_chrome(home)
        chrome.update(
            lang_root=f"{base_url}/{lang}/",
            switch=[
                {"lang": p.lang, "name": alt.name, "href": f"{base_url}/{p.url}", "current": p.lang == lang}
                for p, alt in zip(chrome["translations"], chrome["alternates"])
            ],
            alternates=[],
            feed=f"{base_url}/{UPDATES_FEED[lang].path}",
            accessibility_url=f"{base_url}/{assembly.structure.get('accessibility', lang).url}",
            jsonld=[],
            not_found=True,
            home_url=f"{base_url}/{home.url}",
        )
        context.update(campus=chrome, gettext=assembly.translator(lang))
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(french_html(template.render(context), lang), encoding="utf-8")
