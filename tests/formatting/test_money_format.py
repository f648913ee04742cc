from __future__ import annotations

from decimal import Decimal

import pytest

from campus_ia.formatting import Formatter

FR = Formatter("fr")
EN = Formatter("en")


@pytest.mark.parametrize(
    ("amount", "currency", "fr", "en"),
    [
        (8.5e9, "EUR", "8,5\u00a0milliards d’euros", "€8.5\u00a0billion"),
        (8_500_000_000, "EUR", "8,5\u00a0milliards d’euros", "€8.5\u00a0billion"),
        (Decimal("8500000000"), "EUR", "8,5\u00a0milliards d’euros", "€8.5\u00a0billion"),
        (1e9, "EUR", "1\u00a0milliard d’euros", "€1\u00a0billion"),
        (10e9, "EUR", "10\u00a0milliards d’euros", "€10\u00a0billion"),
        (9.6e9, "USD", "9,6\u00a0milliards de dollars", "$9.6\u00a0billion"),
        (250e6, "EUR", "250\u00a0millions d’euros", "€250\u00a0million"),
        (1e6, "EUR", "1\u00a0million d’euros", "€1\u00a0million"),
        # French keeps the singular below 2.
        (1.5e9, "EUR", "1,5\u00a0milliard d’euros", "€1.5\u00a0billion"),
        (2e12, "EUR", "2\u00a0billions d’euros", "€2\u00a0trillion"),
    ],
)
def test_large_amounts_in_words(amount, currency, fr, en):
    assert FR.money(amount, currency) == fr
    assert EN.money(amount, currency) == en


@pytest.mark.parametrize(
    ("amount", "fr", "en"),
    [
        (7.25e9, "7,25\u00a0milliards d’euros", "€7.25\u00a0billion"),  # exact at 2 decimals: kept
        (8.333e9, "8,3\u00a0milliards d’euros", "€8.3\u00a0billion"),  # not exact: 1 decimal
        (8.96e9, "8,96\u00a0milliards d’euros", "€8.96\u00a0billion"),
        (8.25e9, "8,25\u00a0milliards d’euros", "€8.25\u00a0billion"),
        (2.349e9, "2,3\u00a0milliards d’euros", "€2.3\u00a0billion"),
        (8.0e9, "8\u00a0milliards d’euros", "€8\u00a0billion"),
    ],
)
def test_fraction_digits(amount, fr, en):
    assert FR.money(amount, "EUR") == fr
    assert EN.money(amount, "EUR") == en


def test_rounding_up_to_next_magnitude():
    assert FR.money(999_996_000, "EUR") == "1\u00a0milliard d’euros"
    assert EN.money(999_996_000, "EUR") == "€1\u00a0billion"


@pytest.mark.parametrize(
    ("amount", "currency", "fr", "en"),
    [
        (850_000, "EUR", "850\u202f000\u00a0€", "€850,000"),
        (999_999, "EUR", "999\u202f999\u00a0€", "€999,999"),
        (12.5, "EUR", "12,50\u00a0€", "€12.50"),
        (850_000, "USD", "850\u202f000\u00a0$US", "$850,000"),
    ],
)
def test_small_amounts_use_cldr_currency_format(amount, currency, fr, en):
    assert FR.money(amount, currency) == fr
    assert EN.money(amount, currency) == en


def test_money_per():
    assert FR.money_per(6.1e6, "EUR") == "6,1\u00a0millions d’euros par MW"
    assert EN.money_per(6.1e6, "EUR") == "€6.1\u00a0million per MW"
    assert FR.money_per(6.1e6, "EUR", per_unit="MW") == "6,1\u00a0millions d’euros par MW"
    assert EN.money_per(120_000, "EUR", "jobs") == "€120,000 per job"
    assert FR.money_per(120_000, "EUR", "jobs") == "120\u202f000\u00a0€ par emploi"


@pytest.mark.parametrize("currency", ["GBP", "eur", ""])
def test_unknown_currency(currency):
    with pytest.raises(ValueError):
        FR.money(10, currency)


def test_unknown_per_unit():
    with pytest.raises(ValueError):
        EN.money_per(10, "EUR", "parsecs")
