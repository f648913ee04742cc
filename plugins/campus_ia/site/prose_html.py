"""Sanitise the HTML of Markdown prose pages, and locate what had to be removed.

Python-Markdown passes raw HTML through and writes ``[x](javascript:...)`` as a
clickable link; ``attr_list`` lets ``{ onclick="..." }`` add any attribute. Prose
pages therefore go through nh3 (an allow-list sanitiser) before the theme sees
them, and each active thing found (a script, an event handler, a ``javascript:``
address) becomes a located ``Problem`` so the author hears about it instead of
finding it silently gone. Generated pages do not come here: their text is escaped
when their templates render it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from ..content.problems import Problem, line_column

ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS | {"section", "tfoot"})
"""Elements prose may use: nh3's default set (text, lists, tables, figures, details)."""

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    # id: heading anchors (toc); class: admonitions, code languages; lang: a foreign phrase.
    "*": {"id", "class", "lang", "dir", "title", "hidden", "role"},
    "a": {"href", "hreflang", "title"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {*nh3.ALLOWED_ATTRIBUTES["td"], "align"},
    "th": {*nh3.ALLOWED_ATTRIBUTES["th"], "align"},
}
"""Attributes kept, per element (``*``: any element), plus every ``aria-*`` attribute."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a prose link or image may use; relative addresses are always kept."""

_ACTIVE_ELEMENTS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
    "base", "form", "meta", "link", "svg", "math", "template", "noscript",
})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data"})
# Material's scripts find their parts by these: its configuration is read from the element
# with id "__config", its toggles and components are "__"-named inputs and data-md-*
# attributes, and a "mermaid" block makes it load Mermaid from a CDN. Prose that used them
# would replace the site's configuration or make the page fetch from another host.
_RESERVED_ID = re.compile(r"^__")
_RESERVED_CLASSES = frozenset({"mermaid", "annotate"})
_RESERVED_CLASS_PREFIX = "md-"
_RESERVED_DATA = re.compile(r"^data-(?:md-|clipboard-|tabs$|copy$)")
_MAY_BE_RESERVED = re.compile(r"\b(?:id|name)\s*=\s*[\"']?\s*__|\bmermaid\b|\bannotate\b|\bmd-|data-(?:md-|clipboard|tabs|copy)")
_RESERVED_PARTS = ("__", "mermaid", "annotate", "md-", "data-")
_SCHEME = re.compile(r"^[\x00-\x20]*([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop tabs and newlines anywhere in an address ("java\tscript:"), so the check does too.
_IGNORED_IN_SCHEME = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class Removed:
    """Something active the sanitiser removed, and the text to look for in the source."""

    what: str
    advice: str
    needle: re.Pattern[str]


def sanitise(html: str) -> tuple[str, list[Removed]]:
    """The allow-listed HTML, and what active content was found in ``html``."""
    removed: list[Removed] = []
    if may_hold_active_content(html):  # the tokenizer is slow; most pages hold nothing to report
        finder = _ActiveContentFinder()
        finder.feed(html)
        finder.close()
        removed = finder.removed
    clean = _CLEANER.clean(html)
    # The serializer writes U+00A0 as "&nbsp;"; keep the character, as the rest of the site does.
    return clean.replace("&nbsp;", "\u00a0"), removed


# Built once: handing nh3 the allow-lists on every call cost twice the cleaning itself.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes=ALLOWED_ATTRIBUTES,
    generic_attribute_prefixes={"aria-"},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
_ACTIVE_ELEMENT = re.compile(r"<\s*/?\s*(?:" + "|".join(sorted(_ACTIVE_ELEMENTS)) + r")\b")
_EVENT_HANDLER = re.compile(r"on[^\s=>]*\s*=")
_URL_ATTRIBUTE = re.compile(
    r"(?:" + "|".join(re.escape(a) for a in sorted(_URL_ATTRIBUTES)) + r")\s*=\s*([\"']?)([^\"'>]*)"
)
_SAFE_SCHEME = re.compile(r"(?:" + "|".join(sorted(URL_SCHEMES)) + r"):|[^:]*$")


def may_hold_active_content(html: str) -> bool:
    """False only if ``html`` certainly has nothing for the finder: a cheap conservative test.

    True if, in lower case, it has an active element name after ``<``, anything like
    ``on...=`` after a space, quote or slash, a character reference inside a tag, or a URL
    attribute whose value has a colon not after an allowed scheme. A false alarm only
    costs the full tokenizer pass.
    """
    text = html.lower()
    if _ACTIVE_ELEMENT.search(text):
        return True
    # Each reserved name holds one of these strings; looking for them first spares the
    # regular expression, which has no literal start to look for, on most pages.
    if any(part in text for part in _RESERVED_PARTS) and _MAY_BE_RESERVED.search(text):
        return True
    for match in _EVENT_HANDLER.finditer(text):
        if match.start() == 0 or text[match.start() - 1] in " \t\n\r\f\"'/":
            return True
    position = text.find("&")
    while position != -1:
        if text.rfind("<", 0, position) > text.rfind(">", 0, position):
            return True  # inside a tag: the tokenizer decodes it, so decode first
        position = text.find("&", position + 1)
    for match in _URL_ATTRIBUTE.finditer(text):
        value = _IGNORED_IN_SCHEME.sub("", match.group(2)).lstrip("".join(map(chr, range(0x21))))
        if not _SAFE_SCHEME.match(value):
            return True
    return False


def sanitise_prose(html: str, source: str, file: str) -> tuple[str, list[Problem]]:
    """Sanitise a prose page's HTML; each removal is a ``Problem`` located in ``source``.

    ``source`` is the page's Markdown file as written (front matter included), so
    lines and columns match what the author's editor shows.
    """
    clean, removed = sanitise(html)
    problems: list[Problem] = []
    searched_from: dict[str, int] = {}
    for item in removed:
        start = searched_from.get(item.needle.pattern, 0)
        match = item.needle.search(source, start) or item.needle.search(source)
        index = match.start() if match else 0
        searched_from[item.needle.pattern] = (match.end() if match else 0)
        line, column = line_column(source, index)
        problems.append(Problem(file, line, column, "", f"{item.what} is not allowed in a page; {item.advice}"))
    return clean, problems


class _ActiveContentFinder(HTMLParser):
    """Walks the HTML as a browser tokenizes it (entities decoded) and notes what is active."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removed] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_ELEMENTS:
            self.removed.append(Removed(f"a <{tag}> element", "pages hold text; scripts and embeds belong in the theme",
                                        re.compile(rf"<\s*{re.escape(tag)}\b", re.IGNORECASE)))
        for name, value in attrs:
            self._reserved(name, value or "")
            if name.startswith("on"):
                self.removed.append(Removed(f"an event handler attribute ({name})", "remove it",
                                            re.compile(rf"\b{re.escape(name)}\s*=", re.IGNORECASE)))
            elif name in _URL_ATTRIBUTES and value:
                scheme = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", value))
                if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                    word = scheme.group(1)
                    self.removed.append(Removed(f"a '{word.lower()}:' address", "link to an https:// or relative address",
                                                _scheme_pattern(word)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _reserved(self, name: str, value: str) -> None:
        """Ids, classes and attributes that the theme's scripts act on (see _RESERVED_ID...)."""
        advice = "the theme's scripts use it; choose another name"
        if name in ("id", "name") and _RESERVED_ID.match(value.strip()):
            self.removed.append(Removed(f"the {name} '{value.strip()}' (beginning with '__')", advice,
                                        re.compile(rf"{re.escape(value.strip())}")))
        elif name == "class":
            for word in value.split():
                if word in _RESERVED_CLASSES or word.startswith(_RESERVED_CLASS_PREFIX):
                    self.removed.append(Removed(f"the class '{word}'", advice, re.compile(rf"{re.escape(word)}\b")))
        elif _RESERVED_DATA.match(name):
            self.removed.append(Removed(f"the attribute {name}", advice, re.compile(re.escape(name), re.IGNORECASE)))


def _scheme_pattern(scheme: str) -> re.Pattern[str]:
    # Finds "javascript:" as typed, even split by spaces or tabs, in any case, and with any of
    # its letters written as a character reference ("&#106;avascript&colon;"), as browsers read it.
    def written(char: str) -> str:
        code = ord(char.lower()), ord(char.upper())
        refs = "|".join(rf"&\#0*{c};?|&\#x0*{c:x};?" for c in sorted(set(code)))
        return rf"(?:{re.escape(char)}|{refs})"

    gap = r"(?:\s|&(?:tab|newline);|&\#0*(?:9|10|13);?|&\#x0*(?:9|a|d);?)*"
    colon = r"(?::|&colon;|&\#0*58;?|&\#x0*3a;?)"
    return re.compile(gap.join(written(c) for c in scheme) + gap + colon, re.IGNORECASE)
