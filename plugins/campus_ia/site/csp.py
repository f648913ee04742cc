"""The site's Content-Security-Policy, and the check that the built pages need nothing more.

The policy allows scripts, styles, fonts and workers from the site itself only: no
``'unsafe-inline'``, no hashes. Material's inline scripts are moved into files by
theme overrides (``theme/partials/javascripts/``); JSON blocks (``__config``,
JSON-LD) are data, which a policy does not govern. :func:`inline_code` finds
anything in the built HTML that the policy would block, so ``campus-ia check-site`` can say
which file and line to fix, and which hash a policy would need instead.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
"""Directive -> sources. ``deploy/nginx/campus-ia.conf`` sends exactly this (a test checks)."""



def policy(frame_ancestors: str = "'none'") -> str:
    """The header value, with ``frame-ancestors`` set to who may frame the page."""
    return "; ".join(
        f"{directive} {frame_ancestors if directive == 'frame-ancestors' else sources}" for directive, sources in POLICY
    )


CONTENT_SECURITY_POLICY = policy()
"""The ``Content-Security-Policy`` header value: no site may frame the page."""

EMBED_CONTENT_SECURITY_POLICY = policy("*")
"""The same for a chart's embed page (``embed_pages.EMBED_PAGE``), which any site may frame:
nginx sends it, and no ``X-Frame-Options``, for those addresses only."""

_SCRIPT_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/jscript",
})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction"})


@dataclass(frozen=True)
class InlineCode:
    """Something in a built page that the policy blocks."""

    file: str
    """Path of the page inside the site folder, with ``/`` separators."""
    line: int
    what: str
    sha256: str | None = None
    """For an inline ``<script>`` or ``<style>``: the ``'sha256-...'`` source a policy would need."""

    def __str__(self) -> str:
        fix = "move it into a file under theme/assets/"
        if self.sha256:
            fix += f" (or allow {self.sha256} in the policy)"
        return f"{self.file}:{self.line}: {self.what} is blocked by the Content-Security-Policy; {fix}"


def inline_code(site_dir: Path) -> list[InlineCode]:
    """Every inline script, style, event handler and ``javascript:`` address in the site's HTML."""
    found: list[InlineCode] = []
    for path in sorted(site_dir.rglob("*.html")):
        finder = _InlineCodeFinder(path.relative_to(site_dir).as_posix())
        finder.feed(path.read_text(encoding="utf-8"))
        finder.close()
        found.extend(finder.found)
    return found


def source_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script or style (``'sha256-<base64>'``)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _InlineCodeFinder(HTMLParser):
    def __init__(self, file: str) -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.found: list[InlineCode] = []
        self._open: tuple[str, int] | None = None  # an inline script or style being read
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in _SCRIPT_TYPES:
            self._open, self._text = ("an inline <script>", line), []
        elif tag == "style":
            self._open, self._text = ("a <style> element", line), []
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(InlineCode(self.file, line, f"an event handler attribute ({name}) on <{tag}>"))
            elif name == "style":
                self.found.append(InlineCode(self.file, line, f"a style attribute on <{tag}>"))
            elif name in _URL_ATTRIBUTES and value.strip().lower().replace("\t", "").startswith("javascript:"):
                self.found.append(InlineCode(self.file, line, f"a javascript: address on <{tag}>"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag in ("script", "style"):
            what, line = self._open
            self.found.append(InlineCode(self.file, line, what, source_hash("".join(self._text))))
            self._open = None
