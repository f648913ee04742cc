from __future__ import annotations

import datetime as dt
import re

import pytest

from campus_ia.content.dates import PartialDate
from campus_ia.formatting import Formatter

FR = Formatter("fr")
EN = Formatter("en")


def p(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (dt.date(2025, 5, 19), "19 mai 2025", "19 May 2025"),
        (p("2025-05-19"), "19 mai 2025", "19 May 2025"),
        (p("2026-06-01"), "1er juin 2026", "1 June 2026"),
        (dt.datetime(2026, 6, 1, 14, 30), "1er juin 2026", "1 June 2026"),
        (p("2025-05"), "mai 2025", "May 2025"),
        (p("2025-04"), "avril 2025", "April 2025"),
        (p("2027-Q1"), "premier trimestre 2027", "first quarter of 2027"),
        (p("2027-Q2"), "deuxième trimestre 2027", "second quarter of 2027"),
        (p("2027-Q3"), "troisième trimestre 2027", "third quarter of 2027"),
        (p("2027-Q4"), "quatrième trimestre 2027", "fourth quarter of 2027"),
        (p("2026-H1"), "premier semestre 2026", "first half of 2026"),
        (p("2026-H2"), "second semestre 2026", "second half of 2026"),
        (p("2028"), "2028", "2028"),
    ],
)
def test_each_precision(value, fr, en):
    assert FR.date(value) == fr
    assert EN.date(value) == en


def test_day_output_is_plain_ascii_spacing():
    for formatter in (FR, EN):
        text = formatter.date(p("2025-05-19"))
        assert "\u00a0" not in text and "\u202f" not in text


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        ("2026-H2", "à partir du second semestre 2026", "from the second half of 2026"),
        ("2027-Q4", "à partir du quatrième trimestre 2027", "from the fourth quarter of 2027"),
        ("2028", "à partir de 2028", "from 2028"),
        ("2025-05", "à partir de mai 2025", "from May 2025"),
        ("2025-04", "à partir d'avril 2025", "from April 2025"),
        ("2025-08", "à partir d'août 2025", "from August 2025"),
        ("2025-10", "à partir d'octobre 2025", "from October 2025"),
        ("2025-05-19", "à partir du 19 mai 2025", "from 19 May 2025"),
        ("2026-06-01", "à partir du 1er juin 2026", "from 1 June 2026"),
    ],
)
def test_from(value, fr, en):
    assert FR.date(p(value), "from") == fr
    assert EN.date(p(value), "from") == en


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        ("2027", "d’ici fin 2027", "by the end of 2027"),
        ("2025-05", "d’ici fin mai 2025", "by the end of May 2025"),
        ("2026-H2", "d’ici la fin du second semestre 2026", "by the end of the second half of 2026"),
        ("2027-Q4", "d’ici la fin du quatrième trimestre 2027", "by the end of the fourth quarter of 2027"),
        ("2025-05-19", "d’ici le 19 mai 2025", "by 19 May 2025"),
    ],
)
def test_by_end(value, fr, en):
    assert FR.date(p(value), "by_end") == fr
    assert EN.date(p(value), "by_end") == en


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        ("2029", "avant fin 2029", "before the end of 2029"),
        ("2025-04", "avant fin avril 2025", "before the end of April 2025"),
        ("2026-H1", "avant la fin du premier semestre 2026", "before the end of the first half of 2026"),
        ("2027-Q4", "avant la fin du quatrième trimestre 2027", "before the end of the fourth quarter of 2027"),
        ("2026-06-01", "avant le 1er juin 2026", "before 1 June 2026"),
    ],
)
def test_before_end(value, fr, en):
    assert FR.date(p(value), "before_end") == fr
    assert EN.date(p(value), "before_end") == en


@pytest.mark.parametrize("qualifier", ["until", "By_end", ""])
def test_unknown_qualifier(qualifier):
    with pytest.raises(ValueError):
        FR.date(p("2028"), qualifier)
    with pytest.raises(ValueError):
        EN.date(dt.date(2028, 1, 1), qualifier)


def test_date_rejects_non_dates():
    with pytest.raises(TypeError):
        FR.date("2028")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (dt.date(2025, 5, 19), "2025-05-19"),
        (dt.datetime(2025, 5, 19, 8, 0), "2025-05-19"),
        (p("2025-05"), "2025-05"),
        (p("2027-Q4"), "2027-Q4"),
        (p("2026-H2"), "2026-H2"),
        (p("2028"), "2028"),
    ],
)
def test_iso_date(value, iso):
    assert FR.iso_date(value) == iso
    assert EN.iso_date(value) == iso


# HTML's forms of a date for <time datetime> (a year, a month or a day; there are no
# quarters or half-years): https://html.spec.whatwg.org/#datetime-value
HTML_DATE_FORMS = re.compile(r"\d{4,}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@pytest.mark.parametrize(
    ("value", "datetime"),
    [
        (dt.date(2025, 5, 19), "2025-05-19"),
        ("2025-05-19", "2025-05-19"),
        (p("2025-05"), "2025-05"),
        ("2025-05", "2025-05"),
        (p("2027-Q4"), "2027"),
        (p("2026-H2"), "2026"),
        ("2025-H2", "2025"),
        (p("2028"), "2028"),
    ],
)
def test_html_datetime_is_valid_html_and_keeps_what_is_known(value, datetime):
    assert FR.html_datetime(value) == EN.html_datetime(value) == datetime
    assert HTML_DATE_FORMS.fullmatch(datetime)
