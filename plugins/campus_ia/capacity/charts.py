"""Build-time inline SVG bar charts: no JavaScript, no inline styles, theme-controlled colours.

Bars are horizontal with the label on its own line above the bar, so a long French label
keeps the full chart width on a phone instead of squeezing the bars. The SVG has a viewBox
and no width/height attributes: the theme's ``.cia-chart`` rule sizes it to its container.
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

_WIDTH = 480  # viewBox units; ~1 unit per CSS px on a phone, so 14-unit text stays legible
_PAD = 8
_FONT = 14
_LINE = 18
_BAR = 20
_GAP = 14
_VALUE_ROOM = 0.36  # share of the width kept right of the longest bar for its value text
_WRAP = 52  # characters per label line at _FONT on _WIDTH; SVG text does not wrap itself
_CAP = 5  # half-height of the whisker caps

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


def _row(bar: Bar, top: float, scale: float) -> tuple[list[str], float]:
    lines = textwrap.wrap(bar.label, _WRAP) or [""]
    parts = ['<g class="cia-chart__row">']
    tspans = "".join(
        f'<tspan x="{_PAD}" dy="{0 if i == 0 else _LINE}">{_text(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    parts.append(
        f'<text class="cia-chart__label" x="{_PAD}" y="{_num(top + _FONT)}">{tspans}</text>'
    )
    bar_top = top + len(lines) * _LINE + 4
    middle = bar_top + _BAR / 2
    parts.append(
        f'<rect class="cia-chart__bar" x="{_PAD}" y="{_num(bar_top)}" '
        f'width="{_num(bar.value * scale)}" height="{_BAR}" fill-opacity="0.35"/>'
    )
    end = bar.value
    if bar.low is not None or bar.high is not None:
        low = _PAD + (bar.value if bar.low is None else bar.low) * scale
        high = _PAD + (bar.value if bar.high is None else bar.high) * scale
        end = max(end, bar.high or 0.0)
        parts.append(
            f'<path class="cia-chart__range" fill="none" stroke="currentColor" '
            f'stroke-width="1.5" d="M{_num(low)} {_num(middle)}H{_num(high)}'
            f"M{_num(low)} {_num(middle - _CAP)}V{_num(middle + _CAP)}"
            f'M{_num(high)} {_num(middle - _CAP)}V{_num(middle + _CAP)}"/>'
        )
    parts.append(
        f'<text class="cia-chart__value" x="{_num(_PAD + end * scale + 6)}" '
        f'y="{_num(middle + _FONT * 0.35)}">{_text(bar.display)}</text>'
    )
    parts.append("</g>")
    return parts, bar_top + _BAR + _GAP


def bar_chart(title: str, description: str, bars: Sequence[Bar], *, unit_label: str) -> str:
    """Return an accessible, self-contained ``<svg>`` horizontal bar chart.

    ``title`` and ``description`` become ``<title>``/``<desc>`` (what a screen reader says,
    since ``role="img"`` hides the parts); ``unit_label`` is shown under the bars. Bars with
    ``low``/``high`` get a whisker. Values must be finite and non-negative; the chart never
    formats numbers, it only shows each bar's ``display`` text.
    """
    if not bars:
        raise ValueError(f"chart {title!r}: no bars to draw")
    for bar in bars:
        _check(bar)
    largest = max(max(bar.value, bar.high or 0.0) for bar in bars)
    plot_width = (_WIDTH - 2 * _PAD) * (1 - _VALUE_ROOM)
    scale = plot_width / largest if largest > 0 else 0.0

    chart_id = _chart_id(title, description, bars, unit_label)
    body: list[str] = []
    top: float = _PAD
    for bar in bars:
        parts, top = _row(bar, top, scale)
        body.extend(parts)
    body.append(
        f'<text class="cia-chart__unit" x="{_PAD}" y="{_num(top + _FONT * 0.5)}" '
        f'font-size="{_FONT - 2}">{_text(unit_label)}</text>'
    )
    height = top + _FONT * 0.5 + _PAD

    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cia-chart" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'viewBox="0 0 {_WIDTH} {_num(height)}" font-size="{_FONT}" fill="currentColor">'
        f'<title id="{chart_id}-title">{_text(title)}</title>'
        f'<desc id="{chart_id}-desc">{_text(description)}</desc>'
    )
    return head + "".join(body) + "</svg>"
