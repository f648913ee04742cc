"""Build-time inline SVG bar charts: no JavaScript, no inline styles, theme-controlled colours.

Bars are horizontal with the label, then the value, on their own lines above the bar, so a
long French label or value keeps the full chart width on a phone instead of squeezing the
bars or running off the edge. SVG text scales with the viewBox: the chart is drawn for a
phone's column (about 358 CSS px at 390 px wide), where 14-unit text shows at about 14 px and
the smallest text (13 units) above 12 px; the theme caps its width on wide screens, so text
never grows past about 1.4 times. Every text wraps at build time (SVG text does not wrap
itself), the note under the bars included. The SVG has a viewBox and no width/height
attributes: the theme's ``.cia-chart`` rule sizes it to its container. ``standalone_chart`` draws
the same chart as a file of its own (downloads, the PNG edition): title and source inside,
colours and size as attributes.
Colours come from classes; the ``currentColor`` presentation attributes are only a fallback
that stays readable in light and dark schemes when the theme stylesheet is missing (they
are attributes, not ``style=``, so a strict CSP allows them, and any CSS rule overrides them).
"""

from __future__ import annotations

import hashlib
import math
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

_WIDTH = 350  # viewBox units: about one unit per CSS px in a phone's 358 px column
_PAD = 6
_FONT = 14
_SMALL = 13  # the note under the bars: still above 12 px on a phone
_LINE = 18
_BAR = 18
_GAP = 14
_WRAP = 40  # characters per line at _FONT on _WIDTH (wide French letters included)
_WRAP_SMALL = 44  # the same at _SMALL
_CAP = 5  # half-height of the whisker caps
_TITLE = 16  # the title of a standalone chart
_WRAP_TITLE = 35  # characters per line at _TITLE, bold

# XML 1.0 forbids these characters even escaped; a stray one would make the page unparsable.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Bar:
    """One bar: ``display`` is the already-localised value text shown next to it."""

    label: str
    value: float
    display: str
    low: float | None = None
    high: float | None = None


def _text(text: str) -> str:
    return escape(_ILLEGAL_XML.sub("", text))


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:32].strip("-")
    return slug or "chart"


def _chart_id(title: str, description: str, bars: Sequence[Bar], unit_label: str) -> str:
    # The hash covers the whole chart so two charts sharing a title (e.g. per phase) still
    # get distinct ids on one page; the slug keeps ids readable when debugging.
    digest = hashlib.sha256(repr((title, description, unit_label, tuple(bars))).encode())
    return f"cia-chart-{_slug(title)}-{digest.hexdigest()[:8]}"


def _check(bar: Bar) -> None:
    if not isinstance(bar.label, str) or not isinstance(bar.display, str):
        raise ValueError(f"bar {bar!r}: label and display must be text")
    numbers = [bar.value] + [n for n in (bar.low, bar.high) if n is not None]
    if any(not math.isfinite(n) or n < 0 for n in numbers):
        raise ValueError(f"bar {bar.label!r}: values must be finite and not negative")
    if (bar.low is not None and bar.low > bar.value) or (
        bar.high is not None and bar.value > bar.high
    ):
        raise ValueError(f"bar {bar.label!r}: expected low <= value <= high")


def _lines(css: str, text: str, width: int, top: float, line: int) -> tuple[str, float]:
    """``text`` wrapped to ``width`` characters as one ``<text>`` of tspans; the y under it."""
    lines = textwrap.wrap(text, width) or [""]
    tspans = "".join(
        f'<tspan x="{_PAD}" dy="{0 if i == 0 else line}">{_text(part)}</tspan>'
        for i, part in enumerate(lines)
    )
    return (
        f'<text class="{css}" x="{_PAD}" y="{_num(top + line * 0.78)}">{tspans}</text>',
        top + len(lines) * line,
    )


def _row(bar: Bar, top: float, scale: float) -> tuple[list[str], float]:
    parts = ['<g class="cia-chart__row">']
    label, top = _lines("cia-chart__label", bar.label, _WRAP, top, _LINE)
    value, top = _lines("cia-chart__value", bar.display, _WRAP, top, _LINE)
    parts += [label, value]
    bar_top = top + 4
    middle = bar_top + _BAR / 2
    parts.append(
        f'<rect class="cia-chart__bar" x="{_PAD}" y="{_num(bar_top)}" '
        f'width="{_num(bar.value * scale)}" height="{_BAR}" fill-opacity="0.35"/>'
    )
    if bar.low is not None or bar.high is not None:
        low = _PAD + (bar.value if bar.low is None else bar.low) * scale
        high = _PAD + (bar.value if bar.high is None else bar.high) * scale
        parts.append(
            f'<path class="cia-chart__range" fill="none" stroke="currentColor" '
            f'stroke-width="1.5" d="M{_num(low)} {_num(middle)}H{_num(high)}'
            f"M{_num(low)} {_num(middle - _CAP)}V{_num(middle + _CAP)}"
            f'M{_num(high)} {_num(middle - _CAP)}V{_num(middle + _CAP)}"/>'
        )
    parts.append("</g>")
    return parts, bar_top + _BAR + _GAP


def _body(bars: Sequence[Bar], unit_label: str, top: float) -> tuple[list[str], float]:
    """The rows and the note under them, from ``top`` down; the y under the note."""
    largest = max(max(bar.value, bar.high or 0.0) for bar in bars)
    plot_width = _WIDTH - 2 * _PAD - _CAP  # the values sit above the bars: the bars take the width
    scale = plot_width / largest if largest > 0 else 0.0
    body: list[str] = []
    for bar in bars:
        parts, top = _row(bar, top, scale)
        body.extend(parts)
    note, top = _lines("cia-chart__unit", unit_label, _WRAP_SMALL, top, _LINE - 2)
    body.append(note.replace("<text ", f'<text font-size="{_SMALL}" ', 1))
    return body, top


def _checked(title: str, bars: Sequence[Bar]) -> None:
    if not bars:
        raise ValueError(f"chart {title!r}: no bars to draw")
    for bar in bars:
        _check(bar)


def bar_chart(title: str, description: str, bars: Sequence[Bar], *, unit_label: str) -> str:
    """Return an accessible, self-contained ``<svg>`` horizontal bar chart.

    ``title`` and ``description`` become ``<title>``/``<desc>`` (what a screen reader says,
    since ``role="img"`` hides the parts); ``unit_label`` is shown under the bars. Bars with
    ``low``/``high`` get a whisker. Values must be finite and non-negative; the chart never
    formats numbers, it only shows each bar's ``display`` text.
    """
    _checked(title, bars)
    chart_id = _chart_id(title, description, bars, unit_label)
    body, top = _body(bars, unit_label, _PAD)
    height = top + _PAD

    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cia-chart" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'viewBox="0 0 {_WIDTH} {_num(height)}" font-size="{_FONT}" fill="currentColor">'
        f'<title id="{chart_id}-title">{_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{_text(description)}</desc>'
    )
    return head + "".join(body) + "</svg>"


STANDALONE_COLOURS = {
    "text": "#222222",  # 16:1 on white
    "bar": "#1a3a6b",  # the site's primary colour, drawn at 35 % opacity as on the page
    "muted": "#555555",  # the note and the source line, 7.5:1 on white
    "background": "#ffffff",
}
"""The colours of a chart that travels without the site's stylesheet (downloads, embeds)."""

STANDALONE_SCALE = 2
"""The standalone SVG's intrinsic size: twice its viewBox, about 700 px wide."""

STANDALONE_FONTS = "DejaVu Sans, Verdana, Arial, sans-serif"
"""DejaVu Sans first: the font the PNG edition is drawn with (shipped with the site)."""


def standalone_chart(
    title: str, description: str, bars: Sequence[Bar], *, unit_label: str, source: Sequence[str]
) -> str:
    """The chart as a file of its own: its title above the bars, ``source`` lines under them.

    Colours and fonts are presentation attributes (:data:`STANDALONE_COLOURS`), not CSS: the
    file looks the same opened alone, placed in a document or served under a
    Content-Security-Policy that refuses inline styles; a white background keeps it
    readable on a dark slide or page.
    """
    _checked(title, bars)
    chart_id = _chart_id(title, description, bars, unit_label) + "-file"
    colours = STANDALONE_COLOURS
    heading, top = _lines("cia-chart__title", title, _WRAP_TITLE, _PAD, _LINE + 2)
    heading = heading.replace("<text ", f'<text font-size="{_TITLE}" font-weight="700" ', 1)
    body, top = _body(bars, unit_label, top + _GAP / 2)
    sources: list[str] = []
    top += 4
    for line in source:
        text, top = _lines("cia-chart__source", line, _WRAP_SMALL, top, _LINE - 2)
        sources.append(text.replace("<text ", f'<text font-size="{_SMALL}" ', 1))
    height = top + _PAD
    markup = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cia-chart cia-chart--file" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'width="{_num(_WIDTH * STANDALONE_SCALE)}" height="{_num(height * STANDALONE_SCALE)}" '
        f'viewBox="0 0 {_WIDTH} {_num(height)}" font-size="{_FONT}" font-family="{STANDALONE_FONTS}" '
        f'color="{colours["text"]}" fill="currentColor">'
        f'<title id="{chart_id}-title">{_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{_text(description)}</desc>'
        f'<rect class="cia-chart__background" x="0" y="0" width="{_WIDTH}" height="{_num(height)}" '
        f'fill="{colours["background"]}"/>'
        + heading + "".join(body) + "".join(sources) + "</svg>"
    )
    # The classes stay (a stylesheet may still restyle the file); the colours ride on them.
    for css, colour in (("cia-chart__bar", colours["bar"]), ("cia-chart__unit", colours["muted"]),
                        ("cia-chart__source", colours["muted"])):
        markup = markup.replace(f'class="{css}"', f'class="{css}" fill="{colour}"')
    return markup.replace('class="cia-chart__value"', 'class="cia-chart__value" font-weight="700"')
