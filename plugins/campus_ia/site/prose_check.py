"""The build's prose rules, run without a build: what ``campus-ia check`` reports about ``docs/``.

The MkDocs plugin applies these rules while MkDocs renders each page; ``check`` renders
each prose page the same way (figure markers, French typography, Python-Markdown with
the extensions ``mkdocs.yml`` names, the sanitiser, the link check) so that an editor
who sees "valid" can trust the build to pass.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import markdown
import yaml

from ..content.problems import Problem
from ..content.project_files import is_inside
from .assembly import SiteAssembly
from .prose_figures import insert_figures
from .prose_html import sanitise_prose
from .prose_links import absolute_links, broken_anchors, broken_links, element_ids, resolve
from .prose_markers import marker_text

BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
"""Extensions MkDocs always adds to the configured ones."""

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its Markdown settings; MkDocs' own tags (!ENV, !!python/name) become None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def markdown_settings(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings that ``mkdocs.yml`` gives (plus MkDocs' built-ins)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) if config_file.is_file() else {}
    names: list[str] = list(BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in (data or {}).get("markdown_extensions") or []:
        if isinstance(item, str):
            name, settings = item, None
        elif isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if isinstance(settings, dict):
            configs[name] = settings
    return names, configs


def prose_problems(assembly: SiteAssembly, docs_dir: Path, root: Path, config_file: Path,
                   docs_shown: str = "docs") -> list[Problem]:
    """Every problem the build would find in the prose pages' text, located in their files."""
    extensions, configs = markdown_settings(config_file)
    known = {p.src_uri for p in assembly.structure.pages} | {"index.md"}
    if docs_dir.is_dir():
        known |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}

    def exists(base: str, path: str) -> bool:
        target = resolve(base, path)
        return any(candidate in known for candidate in (target, f"{target}/index.md", f"{target}.md"))

    def convert(text: str) -> str:
        return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)

    problems: list[Problem] = []
    rendered: dict[str, tuple[str, str, str]] = {}  # prose page -> (html, source, shown)
    ids: dict[str, set[str]] = {}  # every page -> the ids a #fragment may point to
    for page in assembly.structure.pages:
        path = docs_dir / page.src_uri
        if page.generated:
            ids[page.src_uri] = element_ids(convert(assembly.generated_markdown(page)))
            continue
        if not path.is_file() or not is_inside(path, root):
            continue  # a missing or refused page is reported by check_prose
        try:
            source = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # reported by check_prose
        shown = f"{docs_shown}/{page.src_uri}"
        front = _FRONT_MATTER.match(source)
        offset = source.count("\n", 0, front.end()) if front else 0
        body = source[front.end():] if front else source
        language = assembly.languages[page.lang]
        text, found = insert_figures(body, lambda kind, ident: marker_text(language, kind, ident), shown)
        problems.extend(Problem(p.file, p.line + offset, p.column, p.where, p.message) for p in found)
        html = convert(language.fmt.typography(text))
        problems.extend(sanitise_prose(html, source, shown)[1])
        base = posixpath.dirname(page.src_uri)
        problems.extend(broken_links(html, source, shown, lambda target: exists(base, target)))
        problems.extend(absolute_links(html, source, shown))  # the build's strict mode refuses them too
        rendered[page.src_uri] = (html, source, shown)
        ids[page.src_uri] = element_ids(html)
    for src_uri, (html, source, shown) in rendered.items():
        base = posixpath.dirname(src_uri)

        def ids_of(path: str, src_uri: str = src_uri, base: str = base) -> set[str] | None:
            if not path:
                return ids.get(src_uri)
            target = resolve(base, path)
            return next((ids[c] for c in (target, f"{target}/index.md", f"{target}.md") if c in ids), None)

        problems.extend(broken_anchors(html, source, shown, ids_of))
    return problems
