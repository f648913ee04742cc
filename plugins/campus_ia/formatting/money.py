"""Amounts of money: CLDR currency format below a million, words above.

Large amounts are written the way the press writes them ("8,5 milliards
d’euros", "€8.5 billion"); CLDR supplies the magnitude nouns and their plural
forms, the "d’euros"/"de dollars" tail is ours because CLDR has no such pattern.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel.numbers import NumberPattern, get_currency_symbol, parse_pattern

from .locales import number_locale
from .numbers import Number, format_number, plural_category, round_for_display, to_decimal
from .units import per_label

# Below this, "850 000 €" is clearer than "0,85 million d’euros".
_WORDS_FROM = Decimal(1_000_000)

# French needs the elided "d'" before "euros"; no CLDR pattern expresses it.
_FR_CURRENCY_TAIL: dict[str, str] = {"EUR": "d’euros", "USD": "de dollars"}

_PER: dict[str, str] = {"fr": "par", "en": "per"}


def check_currency(currency: str) -> str:
    """Return ``currency`` if we know how to word it, else raise ``ValueError``."""
    if currency not in _FR_CURRENCY_TAIL:
        raise ValueError(f"unsupported currency {currency!r} (expected EUR or USD)")
    return currency


def format_money(lang: str, amount: Number, currency: str) -> str:
    """Format ``amount`` of ``currency`` ("EUR" or "USD") for ``lang``."""
    check_currency(currency)
    value = to_decimal(amount)
    if abs(value) < _WORDS_FROM:
        return _plain(lang, value, currency)
    sign = "-" if value < 0 else ""
    words = _magnitude_words(lang, abs(value))
    if lang == "fr":
        return f"{sign}{words} {_FR_CURRENCY_TAIL[currency]}"
    return f"{sign}{get_currency_symbol(currency, number_locale(lang))}{words}"


def format_money_per(lang: str, amount: Number, currency: str, per_unit: str = "MW") -> str:
    """Format a rate such as "6,1 millions d’euros par MW" / "€6.1 million per MW"."""
    return f"{format_money(lang, amount, currency)} {_PER[lang]} {per_label(per_unit, lang)}"


@lru_cache(maxsize=None)
def _currency_pattern(lang: str, fraction: str) -> NumberPattern:
    base = number_locale(lang).currency_formats["standard"]
    return parse_pattern(base.pattern.replace(base.number_pattern, "#,##0" + fraction))


def _plain(lang: str, value: Decimal, currency: str) -> str:
    # Cents only when there are some: "850 000 €", but "12,50 €".
    cents = value != value.to_integral_value()
    rounded = round_for_display(value, 2 if cents else 0)
    pattern = _currency_pattern(lang, ".00" if cents else "")
    return pattern.apply(rounded, number_locale(lang), currency=currency, currency_digits=False)


@lru_cache(maxsize=None)
def _magnitudes(lang: str) -> tuple[tuple[int, int], ...]:
    """(threshold, divisor) pairs from CLDR's long compact patterns, largest first.

    A "000 millions" pattern under the 100000000 key means: divide by 10**6.
    """
    patterns = number_locale(lang).compact_decimal_formats["long"]["other"]
    pairs = []
    for key, pattern in patterns.items():
        threshold = int(key)
        if threshold < _WORDS_FROM:
            continue
        zeros = pattern.pattern.count("0")
        pairs.append((threshold, threshold // 10 ** (zeros - 1)))
    return tuple(sorted(pairs, reverse=True))


def _shown(scaled: Decimal) -> Decimal:
    # One decimal is enough for a headline figure, but 7.25 billion is a
    # precise figure and "7,3" would misquote it: keep 2 when that is exact.
    exact_at_two = scaled == scaled.quantize(Decimal("0.01"))
    return round_for_display(scaled, None, max_decimals=2 if exact_at_two else 1)


def _magnitude_words(lang: str, value: Decimal) -> str:
    magnitudes = _magnitudes(lang)
    threshold, divisor = next((m for m in magnitudes if value >= m[0]), magnitudes[-1])
    shown = _shown(value / divisor)
    # 999.996 million rounds to "1000 millions": move up to "1 milliard".
    bigger = [m for m in magnitudes if m[0] > threshold and shown * divisor >= m[0]]
    if bigger:
        threshold, divisor = bigger[0]
        shown = _shown(value / divisor)
    category = plural_category(lang, shown)
    forms = number_locale(lang).compact_decimal_formats["long"]
    pattern = forms.get(category, forms["other"]).get(str(threshold)) or forms["other"][str(threshold)]
    noun = pattern.suffix[0].strip()
    max_decimals = max(-shown.as_tuple().exponent, 0)
    # U+00A0 so the figure never ends a line with its magnitude on the next.
    return f"{format_number(lang, shown, None, max_decimals=max_decimals)}\u00a0{noun}"
