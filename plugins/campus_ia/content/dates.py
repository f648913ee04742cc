"""Dates with the precision the sources give: a day, a month, a quarter, a half-year or a year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "month", "quarter", "half", "year"]

_PATTERN = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$"
)

FORMAT_HINT = "YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a given precision.

    ``start`` and ``end`` (inclusive) bound the period, so a half-year or a month
    can be placed on a calendar as a span rather than a made-up day.
    """

    start: dt.date
    end: dt.date
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``2025-05-19``, ``2025-05``, ``2027-Q4``, ``2026-H2`` or ``2028``.

        Raises ``ValueError`` with a message meant for a content editor.
        """
        if cls is PartialDate and type(text) is str:  # a page and its downloads read the same dates again
            return _parsed(text)
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"{text!r} is not a date (expected {FORMAT_HINT})")
        year = int(match["year"])
        if match["day"]:
            try:
                day = dt.date(year, int(match["month"]), int(match["day"]))
            except ValueError as exc:
                raise ValueError(f"{text!r} is not a real calendar date ({exc})") from None
            return cls(day, day, "day")
        if match["month"]:
            month = int(match["month"])
            if not 1 <= month <= 12:
                raise ValueError(f"{text!r} has no month {month} (expected 01 to 12)")
            return cls(dt.date(year, month, 1), _month_end(year, month), "month")
        if match["quarter"]:
            q = int(match["quarter"][1])
            return cls(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
        if match["half"]:
            h = int(match["half"][1])
            return cls(dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half")
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def half(self) -> int:
        return 1 if self.start.month <= 6 else 2

    @property
    def quarter(self) -> int:
        return (self.start.month - 1) // 3 + 1

    def iso(self) -> str:
        """The canonical text form, as written in ``content/`` (round-trips through ``parse``)."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return f"{self.year:04d}-{self.start.month:02d}"
        if self.precision == "quarter":
            return f"{self.year:04d}-Q{self.quarter}"
        if self.precision == "half":
            return f"{self.year:04d}-H{self.half}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def _parsed(text: str) -> PartialDate:
    """``PartialDate.parse(text)``, once per text (a date is immutable; errors are not kept)."""
    return PartialDate._parse(text)
