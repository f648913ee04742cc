"""The findings of the Nu HTML checker and HTML_CodeSniffer that are known, and why.

Every entry comes from Material for MkDocs' own templates, where changing it would
mean copying a whole template (``base.html``) or breaking a behaviour the theme needs.
Our own markup has no entry: a finding there is fixed, not listed; so are Material's
where a small override does it (partials/palette.html: its switch is no longer a form).

An entry matches a finding only when the checker, the rule, the exact message and the
exact element (its start tag as the checker shows it) are all the same, so a new
finding, even with the same message on another element, fails the tests. An entry
that no longer matches anything fails them too (tests/test_html_checkers.py): remove it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tests.support.html_checkers import HTMLCS, NU, Finding


@dataclass(frozen=True)
class Allowed:
    """One known finding: what the checker says, about which element, why it stays, and where upstream."""

    checker: str
    message: str
    element: str
    reason: str
    upstream: str
    code: str = ""

    def matches(self, finding: Finding) -> bool:
        """True when ``finding`` is this one: same checker, rule, message and element."""
        return (self.checker, self.code, self.message, self.element) == (
            finding.checker,
            finding.code,
            finding.message,
            finding.element,
        )


_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”."
)
_AUTOCOMPLETE_REASON = (
    "Material's base.html sets it on purpose on its hidden toggles: without it Firefox "
    "restores a toggle's checked state on reload and back, and the page would open with "
    "the drawer or search already open (Mozilla bug 654072). The lines are outside any "
    "template block: removing them means copying all of base.html."
)
_NO_SUBMIT = (
    "This form does not contain a submit button, which creates issues for those who cannot "
    "submit the form using the keyboard. Submit buttons are INPUT elements with type attribute "
    '"submit" or "image", or BUTTON elements with type "submit" or omitted/invalid.'
)
_H32 = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
_TOC_REASON = (
    "Material's partials/nav-item.html writes the current page's hidden __toc toggle on "
    "every page but its <label for=\"__toc\"> only when the page has a table of contents; "
    "the timeline and sources pages have none. The input is display: none (.md-toggle), so "
    "no assistive technology meets it (axe, which audits the rendered page, does not report "
    "it). Our copy of nav-item.html must stay Material's but one line (tests/site/test_navigation.py)."
)
_TOC = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
_MATERIAL_A11Y = "https://github.com/squidfunk/mkdocs-material/issues/4101"

ALLOWED: tuple[Allowed, ...] = (
    Allowed(
        NU,
        _AUTOCOMPLETE,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        _AUTOCOMPLETE_REASON,
        "https://github.com/squidfunk/mkdocs-material/issues/1513 (closed, kept)",
    ),
    Allowed(
        NU,
        _AUTOCOMPLETE,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        _AUTOCOMPLETE_REASON,
        "https://github.com/squidfunk/mkdocs-material/issues/1513 (closed, kept)",
    ),
    Allowed(
        HTMLCS,
        _NO_SUBMIT,
        '<form class="md-search__form" name="search">',
        "Material's search (our partials/search.html keeps its form) shows results as the "
        "reader types and Enter opens the first one: nothing is submitted and the context "
        "does not change, which is what H32 guards against. Material needs the <form>: its "
        "reset button clears the query through the form's reset event.",
        _MATERIAL_A11Y,
        code=_H32,
    ),
    Allowed(
        HTMLCS,
        "This checkboxinput element does not have a name available to an accessibility API. "
        "Valid names are: label element, title , aria-label , aria-labelledby .",
        _TOC,
        _TOC_REASON,
        _MATERIAL_A11Y,
        code="WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name",
    ),
    Allowed(
        HTMLCS,
        "This form field should be labelled in some way. Use the label element (either with a "
        '"for" attribute or wrapped around the form field), or "title", "aria-label" or '
        '"aria-labelledby" attributes as appropriate.',
        _TOC,
        _TOC_REASON,
        _MATERIAL_A11Y,
        code="WCAG2AA.Principle1.Guideline1_3.1_3_1.F68",
    ),
)


def is_allowed(finding: Finding, allowed: Iterable[Allowed] = ALLOWED) -> bool:
    """True when an entry of ``allowed`` matches ``finding`` exactly."""
    return any(entry.matches(finding) for entry in allowed)


def unexpected(findings: Iterable[Finding], allowed: Iterable[Allowed] = ALLOWED) -> list[Finding]:
    """The findings that no entry of ``allowed`` matches."""
    entries = tuple(allowed)
    return [f for f in findings if not is_allowed(f, entries)]


def unused(findings: Iterable[Finding], allowed: Iterable[Allowed] = ALLOWED) -> list[Allowed]:
    """The entries of ``allowed`` that match none of ``findings`` (to be removed)."""
    found = tuple(findings)
    return [entry for entry in allowed if not any(entry.matches(f) for f in found)]
