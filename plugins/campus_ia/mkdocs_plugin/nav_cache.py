"""Navigation entries rendered once and reused, instead of once per page.

Material renders the whole navigation on every page (``partials/nav.html`` calls the
``render`` macro of ``partials/nav-item.html`` for each top-level entry, which calls
itself for a section's entries), so a build costs pages x entries. An entry that does not hold the page being rendered comes out
the same on every page but for its links, which MkDocs writes relative to the page:
from ``en/a/`` and from ``en/b/``, ``en/c/`` is ``../c/`` both times. So the HTML of
such an entry depends only on the folder that holds the page's folder, as long as none
of the entry's addresses lies inside the page's own folder. :class:`NavigationCache`
keeps each entry's HTML under that key and renders it again only where the rule does
not hold (the active entry, an entry with links under the page). Our copies of
``partials/nav.html`` and ``partials/nav-item.html`` (Material 9.8's, which pyproject.toml
holds Material to) call it at every level; the output is byte for byte Material's: tests
build the site both ways, and a small site with every combination of navigation tabs,
sections, section indexes and pruning, comparing every byte.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any, Callable

from jinja2 import pass_context
from markupsafe import Markup


class NavigationCache:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._html: dict[tuple, Markup] = {}
        self._folders_by_item: dict[int, frozenset[str]] = {}

    def reset(self, enabled: bool) -> None:
        """Forget everything: a new build has new navigation objects."""
        self.enabled = enabled
        self._html.clear()
        self._folders_by_item.clear()

    @pass_context
    def render(self, context: Any, nav_item: Any, path: str, level: int, render: Callable[..., Markup],
               parent: Any = None) -> Markup:
        """``render(nav_item, path, level[, parent])`` from the cache when the result cannot differ."""
        arguments = (nav_item, path, level) if parent is None else (nav_item, path, level, parent)
        page = context.get("page")
        key = self._key(nav_item, path, level, page, parent) if self.enabled and page is not None else None
        if key is None:
            return render(*arguments)
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = render(*arguments)
        return html

    def _key(self, nav_item: Any, path: str, level: int, page: Any, parent: Any) -> tuple | None:
        if getattr(nav_item, "active", False):
            return None
        folder = _folder_of(page.url)
        if not folder:
            return None  # a page at the site root: every address lies under it
        folders = self._folders(nav_item)
        if folder in folders or _CLIMBS in folders:
            return None  # one of the entry's addresses is the page's folder or lies under it
        # With navigation.tabs and .sections, an entry's classes depend on its parent being open.
        return (id(nav_item), path, level, posixpath.dirname(folder), bool(getattr(parent, "active", False)))

    def _folders(self, nav_item: Any) -> frozenset[str]:
        """Every folder that holds or is one of the entry's addresses (its own and its children's)."""
        found = self._folders_by_item.get(id(nav_item))
        if found is None:
            folders: set[str] = set()
            stack = [nav_item]
            while stack:
                item = stack.pop()
                url = getattr(item, "url", None)
                if isinstance(url, str):
                    folders.update(_containing_folders(url))
                stack.extend(getattr(item, "children", None) or ())
            found = self._folders_by_item[id(nav_item)] = frozenset(folders)
        return found


_CLIMBS = "\0climbs"


@functools.lru_cache(maxsize=4096)
def _folder_of(page_url: str) -> str:
    """The folder MkDocs makes links relative to (as ``mkdocs.utils.get_relative_url``), no slashes at the ends."""
    head, tail = posixpath.split(page_url)
    folder = head if "." in tail else page_url
    return folder.strip("/")


def _containing_folders(url: str) -> list[str]:
    """``en/a/b/`` -> ``en``, ``en/a``, ``en/a/b``: the folders a page in which sees it as inside.

    Absolute addresses are written as they are whatever the page, so they have none; an
    address that climbs (``../``) gets ``_CLIMBS``: the entry is never reused.
    """
    if "://" in url or url.startswith(("/", "#", "mailto:")):
        return []
    path = url.split("#", 1)[0].split("?", 1)[0].strip("/")
    if path.startswith(".."):
        return [_CLIMBS]
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]
