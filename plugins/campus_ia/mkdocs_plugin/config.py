"""Options of the ``campus-ia`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CampusConfig(base.Config):
    """``plugins: [campus-ia: {...}]``"""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (the site then has no generated pages)."""
    content_dir = c.Type(str, default="content")
    """Folder of the YAML content, relative to mkdocs.yml."""
    locales_dir = c.Type(str, default="locales")
    """Folder of the gettext catalogs, relative to mkdocs.yml."""
    reuse_navigation = c.Type(bool, default=True)
    """Render each navigation entry once per folder depth instead of once per page
    (``nav_cache.py``); the HTML is the same either way. Turn it off if a theme override
    makes an entry's HTML depend on the page that shows it."""
    stale_translations = c.Choice(("warn", "fail"), default="warn")
    """What a stale translated page does to the build: ``warn`` names it (and the page shows a
    notice), ``fail`` stops the build (for CI). The environment variable
    ``CAMPUS_IA_STALE_TRANSLATIONS=fail`` overrides it without editing mkdocs.yml."""
