"""A number with its unit, dispatched on the unit's kind."""

from __future__ import annotations

from decimal import Decimal

from .money import format_money, format_money_per
from .numbers import (
    Number,
    check_digits,
    format_number,
    format_percent,
    plural_category,
    round_for_display,
    to_decimal,
)
from .units import get_unit, unit_word


def format_quantity(lang: str, value: Number, unit_code: str, digits: int | None = None) -> str:
    """Format ``value`` expressed in ``unit_code`` (a code from the YAML) for ``lang``.

    A "percent" value is in percent (2.2 means 2.2 %), as written in the
    content, not a ratio. Money units ignore ``digits``: their precision
    follows the money wording rules.
    """
    check_digits(digits)
    unit = get_unit(unit_code)
    if unit.kind == "percent":
        return format_percent(lang, to_decimal(value).scaleb(-2), digits)
    if unit.kind == "money":
        return format_money(lang, value, unit.currency)
    if unit.kind == "money_per":
        return format_money_per(lang, value, unit.currency, unit.per)
    number = format_number(lang, value, digits)
    if unit.kind == "symbol":
        # U+00A0 in both languages: a unit must never start a line on its own.
        return f"{number}\u00a0{unit.symbol}"
    shown: Decimal = round_for_display(to_decimal(value), digits)
    return f"{number}\u00a0{unit_word(unit, lang, plural_category(lang, shown))}"
