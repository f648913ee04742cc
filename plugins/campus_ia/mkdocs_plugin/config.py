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
