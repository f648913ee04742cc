"""The one place where figures and dates are written out for a reader.

Templates and generators get a ``Formatter`` for the page's language and never
format a number or a date themselves, so both languages stay consistent with
CLDR (through Babel) and with the site's own wording rules.
"""

from __future__ import annotations

import datetime as dt

from ..content.dates import PartialDate
from .dates import format_date, html_datetime, iso_date
from .locales import Lang, check_lang, date_locale, number_locale
from .money import format_money, format_money_per
from .numbers import Number, format_number, format_percent
from .quantities import format_quantity
from .typography import french_typography
from .units import UNITS

__all__ = ["Formatter", "UNITS"]


class Formatter:
    """Formats numbers, quantities, money, percentages, dates and prose for one language."""

    __slots__ = ("lang",)

    def __init__(self, lang: str) -> None:
        """Bind to ``"fr"`` or ``"en"``; any other code raises ``ValueError``."""
        self.lang: Lang = check_lang(lang)
        # Fail now on a broken Babel install rather than mid-build; also warms the caches.
        number_locale(lang)
        date_locale(lang)

    def __repr__(self) -> str:
        return f"Formatter({self.lang!r})"

    def number(self, value: Number, digits: int | None = None) -> str:
        """``value`` with the locale's digits: up to 2 decimals if ``digits`` is None, else exactly ``digits``."""
        return format_number(self.lang, value, digits)

    def quantity(self, value: Number, unit: str, digits: int | None = None) -> str:
        """``value`` followed by ``unit`` (a YAML unit code), pluralised when the unit is a noun."""
        return format_quantity(self.lang, value, unit, digits)

    def money(self, amount: Number, currency: str) -> str:
        """``amount`` in ``currency`` ("EUR"/"USD"), in words from a million up."""
        return format_money(self.lang, amount, currency)

    def money_per(self, amount: Number, currency: str, per_unit: str = "MW") -> str:
        """A rate such as "6,1 millions d’euros par MW" / "€6.1 million per MW"."""
        return format_money_per(self.lang, amount, currency, per_unit)

    def percent(self, ratio: Number, digits: int | None = 1) -> str:
        """``ratio`` as a percentage (0.022 -> "2,2 %"), ``digits`` decimals (None: up to 2)."""
        return format_percent(self.lang, ratio, digits)

    def date(self, d: dt.date | PartialDate, qualifier: str | None = None) -> str:
        """``d`` at its precision; ``qualifier`` is None, "from", "by_end" or "before_end"."""
        return format_date(self.lang, d, qualifier)

    def iso_date(self, d: dt.date | PartialDate) -> str:
        """The ISO form of ``d`` for machine-readable attributes."""
        return iso_date(d)

    def html_datetime(self, d: dt.date | PartialDate | str) -> str:
        """The ``datetime`` of a ``<time>`` for ``d``: its year when ``d`` is a quarter or half-year."""
        return html_datetime(d)

    def typography(self, text: str) -> str:
        """French typography (apostrophe, spaces, digit groups, decimal comma); English text is returned as is."""
        if self.lang == "fr":
            return french_typography(text)
        return text
