from __future__ import annotations

import pytest

from campus_ia.formatting import Formatter

FR = Formatter("fr")
EN = Formatter("en")


@pytest.mark.parametrize(
    ("value", "unit", "fr", "en"),
    [
        (1.4, "GW", "1,4\u00a0GW", "1.4\u00a0GW"),
        (1000, "MW", "1\u202f000\u00a0MW", "1,000\u00a0MW"),
        (250, "kW", "250\u00a0kW", "250\u00a0kW"),
        (40, "W", "40\u00a0W", "40\u00a0W"),
        (4.5, "TWh", "4,5\u00a0TWh", "4.5\u00a0TWh"),
        (800, "MWh", "800\u00a0MWh", "800\u00a0MWh"),
        (30, "ha", "30\u00a0ha", "30\u00a0ha"),
        (56, "gCO2e/kWh", "56\u00a0gCO\u2082e/kWh", "56\u00a0gCO\u2082e/kWh"),
        (32, "gCO2/kWh", "32\u00a0gCO\u2082/kWh", "32\u00a0gCO\u2082/kWh"),
        (120, "kt CO2", "120\u00a0kt\u00a0CO\u2082", "120\u00a0kt\u00a0CO\u2082"),
        (2.5, "PFLOP/s", "2,5\u00a0PFLOP/s", "2.5\u00a0PFLOP/s"),
        (900, "TFLOP/s", "900\u00a0TFLOP/s", "900\u00a0TFLOP/s"),
        (1, "EFLOP/s", "1\u00a0EFLOP/s", "1\u00a0EFLOP/s"),
    ],
)
def test_symbol_units(value, unit, fr, en):
    assert FR.quantity(value, unit) == fr
    assert EN.quantity(value, unit) == en


def test_symbol_unit_digits():
    assert FR.quantity(1.4, "GW", digits=2) == "1,40\u00a0GW"
    assert EN.quantity(1, "GW", 1) == "1.0\u00a0GW"


@pytest.mark.parametrize(
    ("value", "unit", "fr", "en"),
    [
        (12, "buildings", "12\u00a0bâtiments", "12\u00a0buildings"),
        (1, "buildings", "1\u00a0bâtiment", "1\u00a0building"),
        (500, "jobs", "500\u00a0emplois", "500\u00a0jobs"),
        (1, "jobs", "1\u00a0emploi", "1\u00a0job"),
        (2, "substations", "2\u00a0postes électriques", "2\u00a0electrical substations"),
        (1, "substations", "1\u00a0poste électrique", "1\u00a0electrical substation"),
        (2, "accelerators", "2\u00a0accélérateurs", "2\u00a0accelerators"),
        (1, "accelerators", "1\u00a0accélérateur", "1\u00a0accelerator"),
        (1500, "jobs", "1\u202f500\u00a0emplois", "1,500\u00a0jobs"),
        # CLDR: French 0 and 1.5 are singular, English 0 and 1.5 plural.
        (0, "jobs", "0\u00a0emploi", "0\u00a0jobs"),
        (1.5, "jobs", "1,5\u00a0emploi", "1.5\u00a0jobs"),
        # CLDR French "many" (millions) has no form of its own for these nouns.
        (1_000_000, "jobs", "1\u202f000\u202f000\u00a0emplois", "1,000,000\u00a0jobs"),
    ],
)
def test_count_units_are_localised_and_pluralised(value, unit, fr, en):
    assert FR.quantity(value, unit) == fr
    assert EN.quantity(value, unit) == en


def test_plural_follows_the_displayed_number():
    # 1.004 shows as "1": singular; with one fixed decimal English "1.0" is plural.
    assert EN.quantity(1.004, "jobs") == "1\u00a0job"
    assert EN.quantity(1, "jobs", digits=1) == "1.0\u00a0jobs"


def test_percent_unit_takes_percentage_points():
    assert FR.quantity(2.2, "percent") == "2,2\u202f%"
    assert EN.quantity(2.2, "percent") == "2.2%"
    assert FR.quantity(25, "percent") == "25\u202f%"
    assert EN.quantity(2.2, "percent", digits=2) == "2.20%"


def test_money_units():
    assert FR.quantity(8.5e9, "EUR") == "8,5\u00a0milliards d’euros"
    assert EN.quantity(9.6e9, "USD") == "$9.6\u00a0billion"
    assert FR.quantity(6.1e6, "EUR/MW") == "6,1\u00a0millions d’euros par MW"
    assert EN.quantity(6.1e6, "EUR/MW") == "€6.1\u00a0million per MW"


@pytest.mark.parametrize("unit", ["MWatt", "gw", "", "bâtiments"])
def test_unknown_unit(unit):
    with pytest.raises(ValueError):
        FR.quantity(1, unit)
