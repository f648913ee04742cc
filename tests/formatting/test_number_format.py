from __future__ import annotations

from decimal import Decimal

import pytest

from campus_ia.formatting import Formatter, numbers

FR = Formatter("fr")
EN = Formatter("en")


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (1.4, "1,4", "1.4"),
        (12, "12", "12"),
        (1234, "1\u202f234", "1,234"),
        (1234567, "1\u202f234\u202f567", "1,234,567"),
        (1234.5678, "1\u202f234,57", "1,234.57"),
        (3.0, "3", "3"),
        (Decimal("12.30"), "12,3", "12.3"),
        (0.5, "0,5", "0.5"),
        (-3.14159, "-3,14", "-3.14"),
    ],
)
def test_number_default_precision(value, fr, en):
    assert FR.number(value) == fr
    assert EN.number(value) == en


@pytest.mark.parametrize(
    ("value", "digits", "fr", "en"),
    [
        (1.4, 2, "1,40", "1.40"),
        (3, 1, "3,0", "3.0"),
        (1234.5, 0, "1\u202f235", "1,235"),
        (2.0, 3, "2,000", "2.000"),
    ],
)
def test_number_fixed_digits(value, digits, fr, en):
    assert FR.number(value, digits) == fr
    assert EN.number(value, digits=digits) == en


def test_rounding_is_half_up_not_banker_or_binary():
    # Half-even would give 0.12; binary floats would give 2.67.
    assert EN.number(0.125) == "0.13"
    assert EN.number(2.675) == "2.68"
    assert EN.number(2.5, 0) == "3"


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_number_rejects_non_finite(bad):
    with pytest.raises(ValueError):
        FR.number(bad)


def test_number_rejects_negative_digits():
    with pytest.raises(ValueError):
        FR.number(1.5, -1)


@pytest.mark.parametrize(
    ("ratio", "digits", "fr", "en"),
    [
        (0.022, 1, "2,2\u202f%", "2.2%"),
        (0.5, 0, "50\u202f%", "50%"),
        (0.0225, 1, "2,3\u202f%", "2.3%"),
        (0.02, 1, "2,0\u202f%", "2.0%"),
        (1.2345, 2, "123,45\u202f%", "123.45%"),
        (12.5, 0, "1\u202f250\u202f%", "1,250%"),
    ],
)
def test_percent(ratio, digits, fr, en):
    assert FR.percent(ratio, digits) == fr
    assert EN.percent(ratio, digits) == en


def test_percent_defaults_to_one_decimal():
    assert FR.percent(0.022) == "2,2\u202f%"
    assert EN.percent(0.1) == "10.0%"


def test_percent_none_trims():
    assert FR.percent(0.02, None) == "2\u202f%"
    assert EN.percent(0.0225, None) == "2.25%"


def test_numbers_written_before_do_not_change_how_an_equal_number_is_written() -> None:
    """Written numbers are remembered by their exact value: 0 == 0.0 == -0.0 == Decimal("0.00")."""
    values = [0, 0.0, -0.0, Decimal("0"), Decimal("-0"), Decimal("0.00"), 1, 1.0, Decimal("1.000"), 2.675, 2.5]
    written = []
    for order in (values, values[::-1]):
        numbers._NUMBERS.clear()
        written.append({(type(v), repr(v), digits): numbers.format_number("fr", v, digits)
                        for v in order for digits in (None, 1)})
    alone = {}
    for v in values:
        for digits in (None, 1):
            numbers._NUMBERS.clear()
            alone[(type(v), repr(v), digits)] = numbers.format_number("fr", v, digits)
    assert written[0] == written[1] == alone
