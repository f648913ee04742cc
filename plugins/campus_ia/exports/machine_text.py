"""How values are written for machines: raw numbers, ISO 8601 dates and periods, absolute URLs.

Every download goes through these functions, so the JSON, the CSV files and the
calendars cannot write the same figure or date two different ways.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..content.dates import PartialDate

EXACT_PRECISIONS = frozenset({"day", "month", "year"})
"""Precisions that ISO 8601 writes as one calendar date (``2025-05-19``, ``2025-05``, ``2028``)."""


def raw_number(value: float) -> int | float:
    """A JSON number: ``1400.0`` becomes ``1400``, ``445.4`` stays as it is."""
    return int(value) if float(value).is_integer() else value


def raw_number_text(value: float | None) -> str:
    """The number as CSV text, with '.' as decimal mark and no grouping; '' for no value."""
    if value is None:
        return ""
    return str(raw_number(value))


def iso_period(date: PartialDate) -> str:
    """ISO 8601 for a date at its precision.

    A day, a month or a year is written as such; a quarter or a half-year, which
    ISO 8601 has no calendar form for, as the interval of its first and last days
    (``2026-H2`` -> ``2026-07-01/2026-12-31``).
    """
    if date.precision in EXACT_PRECISIONS:
        return date.iso()
    return f"{date.start.isoformat()}/{date.end.isoformat()}"


def iso_period_text(text: str | None) -> str | None:
    """:func:`iso_period` of a date field as written in ``content/``; None stays None."""
    return iso_period(PartialDate.parse(text)) if text else None


def review_date(last_reviewed: str) -> dt.date:
    """The day a site review stands for: the first day of a partial date (usually a full date)."""
    return PartialDate.parse(last_reviewed).start


def midnight_utc(day: dt.date) -> dt.datetime:
    """A day as a timestamp, for formats that only take date-times (Atom, DTSTAMP)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def site_host(site_url: str) -> str:
    """The host name of the site's address, for calendar UIDs (``campus-ia.example.org``)."""
    return urlsplit(site_url).hostname or "campus-ia"  # while the site has no address of its own
