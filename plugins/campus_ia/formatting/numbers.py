"""Plain numbers and percentages, from the locale's CLDR patterns.

Values are rounded here, half away from zero, before Babel sees them: Babel
rounds half to even, which would publish 0.125 as "0.12" while a reader
(and a spreadsheet) expects "0.13".
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Union

from babel.numbers import NumberPattern, parse_pattern

from .locales import number_locale

Number = Union[int, float, Decimal]

# When no precision is asked for, non-integers keep at most this many decimals.
DEFAULT_MAX_DECIMALS = 2

# CLDR (as shipped with Babel 2.18) puts U+00A0 before "%" in French; French
# typography, like the other high punctuation we handle, wants the narrow U+202F.
_PERCENT_SPACE: dict[str, str] = {"fr": "\u202f"}


def to_decimal(value: Number) -> Decimal:
    """Convert ``value`` to a ``Decimal`` holding the digits a reader would expect.

    Floats go through ``repr`` so 2.675 stays 2.675 instead of its binary
    neighbour 2.67499999...
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"expected a number, got {value!r}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot format {value!r}")
        return Decimal(repr(value))
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"cannot format {value!r}")
    return result


def check_digits(digits: int | None) -> None:
    """Reject a negative or non-integer ``digits`` argument."""
    if digits is not None and (isinstance(digits, bool) or not isinstance(digits, int) or digits < 0):
        raise ValueError(f"digits must be a non-negative integer or None, got {digits!r}")


def round_for_display(value: Decimal, digits: int | None, max_decimals: int = DEFAULT_MAX_DECIMALS) -> Decimal:
    """Round ``value`` as it will be shown.

    ``digits=None`` keeps up to ``max_decimals`` and drops trailing zeros, so the
    result can also feed plural rules (CLDR treats "1" and "1.0" differently).
    """
    places = max_decimals if digits is None else digits
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if digits is None:
        rounded = strip_zeros(rounded)
    return rounded


def strip_zeros(value: Decimal) -> Decimal:
    """Drop trailing fractional zeros without switching to exponent notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def fraction_pattern(digits: int | None, max_decimals: int = DEFAULT_MAX_DECIMALS) -> str:
    """The fractional part of a CLDR pattern: fixed ``digits`` or up to ``max_decimals``."""
    if digits is None:
        return "." + "#" * max_decimals if max_decimals else ""
    return "." + "0" * digits if digits else ""


@lru_cache(maxsize=None)
def _decimal_pattern(lang: str, fraction: str) -> NumberPattern:
    base = number_locale(lang).decimal_formats[None]
    return parse_pattern(base.pattern.replace(base.number_pattern, "#,##0" + fraction))


@lru_cache(maxsize=None)
def _percent_pattern(lang: str, fraction: str) -> NumberPattern:
    base = number_locale(lang).percent_formats[None]
    pattern = base.pattern.replace(base.number_pattern, "#,##0" + fraction)
    space = _PERCENT_SPACE.get(lang)
    if space:
        pattern = pattern.replace("\u00a0%", space + "%").replace("%\u00a0", "%" + space)
    return parse_pattern(pattern)


def format_number(lang: str, value: Number, digits: int | None = None, max_decimals: int = DEFAULT_MAX_DECIMALS) -> str:
    """Format ``value`` with the digits, grouping and decimal mark of ``lang``."""
    check_digits(digits)
    # By the value's type and repr, not its equality (0.0 == -0.0 == 0): the exact number.
    key = (lang, value.__class__, repr(value), digits, max_decimals)
    text = _NUMBERS.get(key)
    if text is None:
        rounded = round_for_display(to_decimal(value), digits, max_decimals)
        text = _decimal_pattern(lang, fraction_pattern(digits, max_decimals)).apply(rounded, number_locale(lang))
        if len(_NUMBERS) >= 4096:
            _NUMBERS.clear()
        _NUMBERS[key] = text
    return text


# Numbers already written (pages and downloads write the same figures many times).
_NUMBERS: dict[tuple[object, ...], str] = {}


def format_percent(lang: str, ratio: Number, digits: int | None = 1) -> str:
    """Format ``ratio`` (0.022 for 2.2 %) as a percentage in ``lang``."""
    check_digits(digits)
    # Round the percentage, not the ratio: 2 extra places because the pattern scales by 100.
    places = DEFAULT_MAX_DECIMALS if digits is None else digits
    shifted = round_for_display(to_decimal(ratio).scaleb(2), None if digits is None else places)
    pattern = _percent_pattern(lang, fraction_pattern(digits))
    return pattern.apply(shifted.scaleb(-2), number_locale(lang))


def plural_category(lang: str, shown: Decimal) -> str:
    """The CLDR plural category ("one", "other", ...) of a number as displayed."""
    # Keep visible decimals: CLDR tells "1" from "1.0" (English "1 job", "1.0 jobs").
    operand: int | Decimal = int(shown) if shown.as_tuple().exponent >= 0 else shown
    return number_locale(lang).plural_form(operand)
