"""What the ``source:`` and ``site:`` prose markers stand for: a lead source's name, the contact."""

from __future__ import annotations

from typing import Callable

from ..content import Content
from ..i18n import N_


def lead_source_name(content: Content, lang: str, ident: str) -> str | None:
    """Who published the lead report of figure ``ident`` (or milestone ``ident``'s first source),
    as readers of ``lang`` know them; None when no figure or milestone has that id."""
    figure = content.figures.get(ident)
    if figure is not None:
        return content.sources[figure.lead.source].publisher_in(lang)
    milestone = content.milestones_by_id.get(ident)
    if milestone is not None:
        return content.sources[milestone.sources[0]].publisher_in(lang)
    return None


def contact_markdown(content: Content, lang: str, gettext: Callable[[str], str]) -> str:
    """A paragraph saying who publishes the site and how to reach them, from ``site.yml``.

    Only what is set is said; with nothing set the paragraph is empty, so no placeholder
    ever reaches a reader.
    """
    publisher = content.site.publisher
    sentences: list[str] = []
    if publisher.name is not None:
        sentences.append(gettext(N_("This site is published by %(name)s.")) % {"name": _md(publisher.name[lang])})
    if publisher.independent is True:
        sentences.append(gettext(N_("It is independent of Campus IA's partners.")))
    elif publisher.independent is False:
        sentences.append(gettext(N_("It is not independent of Campus IA's partners.")))
    ways = []
    if publisher.email is not None:
        ways.append(f"[{publisher.email}](mailto:{publisher.email})")
    if publisher.contact_url is not None:
        ways.append(f"<{publisher.contact_url}>")
    if ways:
        joined = gettext(N_("%(first)s or %(second)s")) % {"first": ways[0], "second": ways[1]} if len(ways) == 2 else ways[0]
        sentences.append(gettext(N_("Contact: %(ways)s.")) % {"ways": joined})
    return " ".join(sentences)


def _md(text: str) -> str:
    """Plain text safe inside a Markdown paragraph (no link, emphasis or HTML made by accident)."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]<>()#+!|" else c for c in text)
