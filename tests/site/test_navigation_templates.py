"""Our copies of Material's navigation templates, with the entry cache on or off, give
Material's own site byte for byte, whatever navigation features are turned on.

A small site with nested sections, section index pages, pages at several depths, a
top-level page and sections that do not follow the folders is built with Material as installed, then with our two templates
(``theme/partials/nav.html``, ``nav-item.html``) and ``NavigationCache`` reusing entries,
then with the cache off, for each of the 16 combinations of ``navigation.tabs``,
``navigation.sections``, ``navigation.indexes`` and ``navigation.prune``. Every file
of the three sites must be the same.
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tests.support import REPO_ROOT

THEME = REPO_ROOT / "plugins" / "campus_ia" / "theme"
FEATURES = ("navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.prune")

PAGES = {
    "index.md": "# Home\n\nWelcome.\n",
    "about.md": "# About\n\n## Who\n\nUs.\n\n## Why\n\nBecause.\n",
    "guide/index.md": "# Guide\n\nThe guide.\n",
    "guide/install.md": "# Install\n\nSteps.\n",
    "guide/usage/index.md": "# Usage\n\nHow.\n",
    "guide/usage/basics.md": "# Basics\n\n## First\n\nOne.\n",
    "guide/usage/advanced.md": "# Advanced\n\nTwo.\n",
    "reference/api.md": "# API\n\nCalls.\n",
    "reference/cli.md": "# CLI\n\nCommands.\n",
    "reference/formats/json.md": "# JSON\n\nData.\n",
    "news/index.md": "# News\n\nLatest.\n",
    "news/2025/may.md": "# May\n\nAnnounced.\n",
    "news/2025/june.md": "# June\n\nLater.\n",
    "news/2026/january.md": "# January\n\nWork.\n",
    "topics/index.md": "# Topics\n\nAll of them.\n",
    "topics/power.md": "# Power\n\nGigawatts.\n",
    "topics/water.md": "# Water\n\nCooling.\n",
    "topics/jobs.md": "# Jobs\n\nPeople.\n",
    "topics/roads.md": "# Roads\n\nAccess.\n",
    "topics/schools.md": "# Schools\n\nTraining.\n",
}

NAV = [
    {"Home": "index.md"},
    {"About": "about.md"},
    # Sections that follow the folders, with index pages at two levels.
    {"Guide": ["guide/index.md", "guide/install.md",
               {"Usage": ["guide/usage/index.md", "guide/usage/basics.md", "guide/usage/advanced.md"]}]},
    {"Reference": ["reference/api.md", "reference/cli.md", {"Formats": ["reference/formats/json.md"]}]},
    {"News": ["news/index.md", {"2025": ["news/2025/may.md", "news/2025/june.md"]},
              {"2026": ["news/2026/january.md"]}]},
    # Sections that do not: one folder's pages spread over two sections (as content/site.yml's
    # sections do), so an entry is seen from the same folder with its parent open and closed.
    {"Land": ["topics/index.md", "topics/power.md", {"Nearby": ["topics/water.md", "topics/roads.md"]}]},
    {"People": ["topics/jobs.md", {"Learning": ["topics/schools.md"]}]},
]

COMPILED_ONCE = '''
"""Material's templates compiled once per test process, not once per build (speed only)."""
from campus_ia.pages.bytecode_cache import compiled_templates


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates()
    return env
'''

HOOK = '''
"""Registers campus_nav_item as the campus-ia plugin does, counting what it renders."""
import json
from pathlib import Path

from jinja2 import pass_context

from campus_ia.mkdocs_plugin.nav_cache import NavigationCache
from campus_ia.pages.bytecode_cache import compiled_templates

CACHE = NavigationCache(enabled={enabled})
STATS = {{"asked": 0, "rendered": 0}}


def on_config(config):
    CACHE.reset({enabled})


@pass_context
def campus_nav_item(context, nav_item, path, level, render, parent=None):
    def counted(*arguments):
        STATS["rendered"] += 1
        return render(*arguments)

    STATS["asked"] += 1
    return CACHE.render(context, nav_item, path, level, counted, parent)


def on_env(env, config, files):
    env.globals["campus_nav_item"] = campus_nav_item
    env.bytecode_cache = compiled_templates()
    return env


def on_post_build(config):
    Path({stats!r}).write_text(json.dumps(STATS))
'''


def _project(root: Path, features: tuple[str, ...], variant: str) -> Path:
    """A small site; ``variant`` is ``material``, ``cached`` or ``uncached``."""
    docs = root / "docs"
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config: dict = {
        "site_name": "Navigation fixture",
        "site_url": "https://navigation.test/",
        "docs_dir": "docs",
        "site_dir": str(root / "site"),
        "nav": NAV,
        "theme": {"name": "material", "features": list(features)},
        "plugins": ["search"],
        "markdown_extensions": ["toc"],
    }
    if variant == "material":
        (root / "compiled_once.py").write_text(COMPILED_ONCE, encoding="utf-8")
        config["hooks"] = [str(root / "compiled_once.py")]
    else:
        overrides = root / "overrides" / "partials"
        overrides.mkdir(parents=True)
        for name in ("nav.html", "nav-item.html"):
            shutil.copy2(THEME / "partials" / name, overrides / name)
        config["theme"]["custom_dir"] = "overrides"
        hook = root / "nav_hook.py"
        hook.write_text(HOOK.format(enabled=variant == "cached", stats=str(root / "stats.json")), encoding="utf-8")
        config["hooks"] = [str(hook)]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def _build(root: Path) -> Path:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return root / "site"


COMBINATIONS = [tuple(f for f, on in zip(FEATURES, flags) if on) for flags in itertools.product((False, True), repeat=4)]


@pytest.mark.parametrize("features", COMBINATIONS, ids=lambda f: "+".join(x.split(".")[1] for x in f) or "none")
def test_our_navigation_gives_materials_site_byte_for_byte(tmp_path: Path, features: tuple[str, ...]) -> None:
    sites = {variant: _build(_project(tmp_path / variant, features, variant))
             for variant in ("material", "cached", "uncached")}
    files = sorted(p.relative_to(sites["material"]) for p in sites["material"].rglob("*") if p.is_file())
    assert len([f for f in files if f.suffix == ".html"]) >= len(PAGES)
    for variant in ("cached", "uncached"):
        theirs = sorted(p.relative_to(sites[variant]) for p in sites[variant].rglob("*") if p.is_file())
        assert theirs == files, variant
        different = [str(f) for f in files if (sites[variant] / f).read_bytes() != (sites["material"] / f).read_bytes()]
        assert different == [], f"{variant}: {different}"

    cached = json.loads((tmp_path / "cached" / "stats.json").read_text(encoding="utf-8"))
    uncached = json.loads((tmp_path / "uncached" / "stats.json").read_text(encoding="utf-8"))
    assert uncached["rendered"] == uncached["asked"] > 0
    # The cache was put to work: entries were reused (a reused section's entries are not even asked for).
    assert cached["rendered"] < cached["asked"] and cached["rendered"] < uncached["rendered"]
