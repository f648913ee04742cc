"""Internal links in prose pages that lead nowhere, located at their line and column.

MkDocs notices such a link too, but names only the page; an editor needs the line.
The build asks with the addresses MkDocs wrote (``exists`` knows the site's URLs);
``campus-ia check`` asks with the addresses as typed (``exists`` knows the files in
``docs/``). Either way the answer is the same list of problems.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape
from typing import Callable
from urllib.parse import unquote, urlsplit

from ..content.problems import Problem, line_column

_HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def internal_targets(html: str) -> list[str]:
    """Every relative ``href`` and ``src`` in ``html`` (no scheme, no leading '/', not only '#...')."""
    found: list[str] = []
    for value in _link_values(html):
        value = value.strip()
        if not value or value.startswith(("#", "/")) or _HAS_SCHEME.match(value):
            continue
        found.append(value)
    return found


def broken_links(html: str, source: str, file: str, exists: Callable[[str], bool]) -> list[Problem]:
    """Problems for each relative link of ``html`` whose path ``exists`` does not know.

    ``exists`` gets the path part, unquoted, without query or fragment. Each problem is
    placed where the link's address is written in ``source`` (the page as typed).
    """
    problems: list[Problem] = []
    searched_from: dict[str, int] = {}
    for target in internal_targets(html):
        path = unquote(urlsplit(target).path)
        if not path or exists(path):
            continue
        start = searched_from.get(target, 0)
        index = source.find(target, start)
        if index < 0:
            index = source.find(path)
        searched_from[target] = index + 1 if index >= 0 else 0
        index = max(index, 0)
        line, column = line_column(source, index)
        problems.append(Problem(file, line, column, "", f"the link '{target}' leads to no page or file of the site "
                                "(addresses are relative to this page's file in docs/: check the name)"))
    return problems


_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def element_ids(html: str) -> set[str]:
    """Every ``id`` in ``html``: what a ``#fragment`` may point to (headings, figures, milestones)."""
    return {next(g for g in m.groups() if g is not None) for m in _ID.finditer(html)}


def broken_anchors(
    html: str, source: str, file: str, ids_of: Callable[[str], set[str] | None]
) -> list[Problem]:
    """Problems for each relative link whose ``#fragment`` its target page does not hold.

    ``ids_of`` gets the link's path part (empty for a link within the page) and returns
    the ids of the page it leads to, or None when that is not a page (a download, a
    missing page, which :func:`broken_links` reports). The strict build refuses these
    links too (``validation.anchors: warn`` in ``mkdocs.yml``).
    """
    problems: list[Problem] = []
    for value in _link_values(html):
        value = value.strip()
        if "#" not in value or value.startswith("/") or _HAS_SCHEME.match(value):
            continue
        path, fragment = unquote(urlsplit(value).path), unquote(urlsplit(value).fragment)
        ids = ids_of(path)
        if not fragment or ids is None or fragment in ids:
            continue
        line, column = line_column(source, max(source.find(value), 0))
        problems.append(Problem(file, line, column, "", f"the link '{value}' leads to a page that has no "
                                f"'#{fragment}' (check the anchor: the heading or figure may have been renamed)"))
    return problems


def absolute_links(html: str, source: str, file: str) -> list[Problem]:
    """Links written from the site's root (``/en/facts/``), which the strict build refuses.

    MkDocs itself reports these (``validation.absolute_links``), without a line; ``check``
    reports them here so that it refuses what the build refuses.
    """
    problems: list[Problem] = []
    for value in _link_values(html):
        value = value.strip()
        if value.startswith("/") and not value.startswith("//"):
            index = max(source.find(value), 0)
            line, column = line_column(source, index)
            problems.append(Problem(file, line, column, "", f"the link '{value}' is written from the site's root; "
                                    "the build refuses it: link to the page's .md file, relative to this page"))
    return problems


def resolve(base: str, path: str) -> str:
    """``path`` relative to the folder ``base`` (site- or docs-relative, '/'-separated), normalised."""
    joined = posixpath.normpath(posixpath.join(base, path))
    return "" if joined == "." else joined


def _link_values(html: str) -> list[str]:
    """Every ``href`` of an ``a`` and ``src`` of an ``img`` or ``source`` in ``html``, in order.

    Read as a browser's tokenizer would (what Python's HTMLParser gives, five times
    faster): comments and the text of ``script`` and ``style`` hold no tags; names are
    case-blind; values are unescaped.
    """
    values: list[str] = []
    for tag in _TAG.finditer(html):
        name = tag["name"]
        if name is None:  # a comment, or a script or style element
            continue
        wanted = "href" if name.lower() == "a" else "src"
        for attribute in _TAG_ATTRIBUTE.finditer(tag["attrs"]):
            value = attribute["dq"] if attribute["dq"] is not None else (
                attribute["sq"] if attribute["sq"] is not None else attribute["bare"])
            if value and attribute["attr"].lower() == wanted:
                values.append(unescape(value))
    return values


_TAG = re.compile(
    r"<!--[\s\S]*?(?:-->|$)"
    r"|<(?P<raw>script|style)(?=[\s/>])[\s\S]*?(?:</(?P=raw)\s*>|$)"
    r"|<(?P<name>a|img|source)(?=[\s/>])(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE,
)
_TAG_ATTRIBUTE = re.compile(
    r"(?P<attr>[^\s=/>\"']+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>\"']+)))?"
)
