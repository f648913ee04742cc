"""French typography over a finished HTML document: every French text node, nothing else.

The page templates, Material's theme, the Markdown converter and the editors'
prose all end up in one HTML document; applying the rule set there, once, is the
only way no French text escapes it (titles, navigation, footer, tables...).

Which text is French follows the document's own ``lang`` attributes: an English
quotation (``<blockquote lang="en">``) on a French page, or the English half of
the language chooser, stays as it is. Text inside ``script``, ``style``, ``code``,
``pre``, ``kbd``, ``samp`` and ``textarea`` is never touched, nor are attributes
other than the few that a reader sees or hears (``title``, ``alt``,
``aria-label``, ``placeholder``, and ``content`` of description meta tags).
"""

from __future__ import annotations

import re
from typing import Callable

from .typography import APOSTROPHE, french_typography

_RAW_TEXT = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Elements that do not break a line of text: "<a>…</a>; <a>…</a>" is one sentence,
# and the ";" after the link needs the space that a ";" after a word gets.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small", "span",
     "strong", "sub", "sup", "time", "u"}
)
_TEXT_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "aria-description", "placeholder"})
_TEXT_META = frozenset(
    {"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title",
     "twitter:description", "twitter:image:alt"}
)

_ELISION_BEFORE_TAG = re.compile(r"[^\W\d_]('|&#0*39;|&#[xX]0*27;|&apos;)$")
_TEXT_ATTRIBUTE_HINT = re.compile(r"(?:title|alt|aria-label|aria-description|placeholder|content)\s*=", re.IGNORECASE)

_MARKUP = re.compile(
    r"<!--[\s\S]*?-->"  # comments
    r"|<![^>]*>"  # doctype
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>"
)
_ATTRIBUTE = re.compile(
    r"(?P<name>[^\s=/>\"']+)(?:(?P<eq>\s*=\s*)(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s>\"']+)))?"
)


def french_html(html: str, lang: str = "fr", text: Callable[[str], str] = french_typography) -> str:
    """``html`` with ``text`` applied to every text node and text attribute whose language is French.

    ``lang`` is the language of text outside any element that declares one (the
    ``<html lang>`` of a full page declares its own).
    """
    out: list[str] = []
    stack: list[tuple[str, str, bool]] = []  # (element, language, raw text) of the open elements
    current, raw = lang, False
    position = 0
    before = ""  # the last character of French text in the same run of inline text

    def french(segment: str) -> str:
        nonlocal before
        if not segment or current != "fr" or raw:
            before = ""
            return segment
        # The rules look at the character before a mark ("word;" vs "(;"): give them
        # the one that ends the previous text node when an inline tag sits between.
        context = before if before.isalnum() or before in ")]»’.…" else ""
        result = text(context + segment)[len(context):]
        before = result[-1]
        return result

    for match in _MARKUP.finditer(html):
        out.append(french(html[position:match.start()]))
        position = match.end()
        name = (match["name"] or "").lower()
        if name in _INLINE and not match["close"] and before in ("'", ";") and current == "fr" and not raw:
            # "d'<a>électricité</a>": an elision whose word is inside the link.
            elided = _ELISION_BEFORE_TAG.search(out[-1])
            if elided:
                out[-1] = out[-1][:elided.start(1)] + APOSTROPHE
                before = APOSTROPHE
        if name not in _INLINE:
            before = ""
        if not name:  # comment or doctype
            out.append(match[0])
            continue
        if match["close"]:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
            current, raw = (stack[-1][1], stack[-1][2]) if stack else (lang, False)
            out.append(match[0])
            continue
        attrs = match["attrs"] or ""
        declared = _declared_lang(attrs)
        element_lang = declared if declared is not None else current
        if element_lang == "fr" and not raw:
            out.append(f"<{match['name']}{_french_attributes(name, attrs, text)}>")
        else:
            out.append(match[0])
        if name in _VOID or attrs.rstrip().endswith("/"):
            continue
        current, raw = element_lang, raw or name in _RAW_TEXT
        stack.append((name, current, raw))
    out.append(french(html[position:]))
    return "".join(out)


def _declared_lang(attrs: str) -> str | None:
    if "lang" not in attrs:  # most tags: no need to parse their attributes
        return None
    for attribute in _ATTRIBUTE.finditer(attrs):
        if attribute["name"].lower() in ("lang", "xml:lang") and attribute["eq"]:
            value = attribute["dq"] if attribute["dq"] is not None else attribute["sq"] or attribute["bare"] or ""
            return value.split("-")[0].lower()
    return None


def _french_attributes(element: str, attrs: str, text: Callable[[str], str]) -> str:
    if not _TEXT_ATTRIBUTE_HINT.search(attrs):
        return attrs
    names = {a["name"].lower(): a for a in _ATTRIBUTE.finditer(attrs)}
    wanted = set(_TEXT_ATTRIBUTES)
    if element == "meta":
        kind = names.get("name") or names.get("property")
        if kind is not None and (kind["dq"] or kind["sq"] or kind["bare"] or "").lower() in _TEXT_META:
            wanted.add("content")

    def replace(attribute: re.Match[str]) -> str:
        if attribute["name"].lower() not in wanted or not attribute["eq"]:
            return attribute[0]
        if attribute["dq"] is not None:
            return f'{attribute["name"]}{attribute["eq"]}"{text(attribute["dq"])}"'
        if attribute["sq"] is not None:
            return f"{attribute['name']}{attribute['eq']}'{text(attribute['sq'])}'"
        return attribute[0]  # an unquoted value has no spaces or punctuation to fix

    return _ATTRIBUTE.sub(replace, attrs)
