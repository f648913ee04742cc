"""The units used in ``content/``, with how each one is written in each language.

CLDR has unit names, but not for our count nouns ("buildings", "electrical
substations") nor for FLOP/s or CO2-equivalent intensities, so the table is ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

UnitKind = Literal["symbol", "count", "percent", "money", "money_per"]

# Subscript two (U+2082): "CO2" with a plain digit reads as a typo on a public page.
_CO2 = "CO\u2082"


@dataclass(frozen=True)
class Unit:
    """One unit code as written in the YAML.

    ``symbol`` is shared by both languages; ``words`` maps a language to the
    noun for each CLDR plural category (at least "one" and "other").
    ``currency`` and ``per`` serve the money kinds ("EUR", "EUR/MW").
    """

    code: str
    kind: UnitKind
    symbol: str = ""
    words: dict[str, dict[str, str]] = field(default_factory=dict)
    currency: str = ""
    per: str = ""


def _symbol(code: str, symbol: str | None = None) -> Unit:
    return Unit(code, "symbol", symbol=code if symbol is None else symbol)


def _count(code: str, fr: tuple[str, str], en: tuple[str, str]) -> Unit:
    words = {"fr": {"one": fr[0], "other": fr[1]}, "en": {"one": en[0], "other": en[1]}}
    return Unit(code, "count", words=words)


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        _symbol("W"),
        _symbol("kW"),
        _symbol("MW"),
        _symbol("GW"),
        _symbol("MWh"),
        _symbol("TWh"),
        _symbol("ha"),
        _symbol("gCO2e/kWh", f"g{_CO2}e/kWh"),
        _symbol("gCO2/kWh", f"g{_CO2}/kWh"),
        # The no-break space keeps "kt" and "CO2" on one line.
        _symbol("kt CO2", f"kt\u00a0{_CO2}"),
        _symbol("TFLOP/s"),
        _symbol("PFLOP/s"),
        _symbol("EFLOP/s"),
        _count("buildings", ("bâtiment", "bâtiments"), ("building", "buildings")),
        _count("jobs", ("emploi", "emplois"), ("job", "jobs")),
        _count(
            "substations",
            ("poste électrique", "postes électriques"),
            ("electrical substation", "electrical substations"),
        ),
        _count("accelerators", ("accélérateur", "accélérateurs"), ("accelerator", "accelerators")),
        Unit("percent", "percent"),
        Unit("EUR", "money", currency="EUR"),
        Unit("USD", "money", currency="USD"),
        Unit("EUR/MW", "money_per", currency="EUR", per="MW"),
    )
}


def get_unit(code: str) -> Unit:
    """Look up a unit code, raising ``ValueError`` naming the known ones."""
    try:
        return UNITS[code]
    except KeyError:
        known = ", ".join(sorted(UNITS))
        raise ValueError(f"unknown unit {code!r} (expected one of: {known})") from None


def unit_word(unit: Unit, lang: str, category: str) -> str:
    """The noun for a count unit; categories we have no form for ("many", "few") use "other"."""
    forms = unit.words[lang]
    return forms.get(category, forms["other"])


def per_label(code: str, lang: str) -> str:
    """How a unit reads after "per"/"par": its symbol, or the singular noun for a count."""
    unit = get_unit(code)
    if unit.kind == "symbol":
        return unit.symbol
    if unit.kind == "count":
        return unit.words[lang]["one"]
    raise ValueError(f"unit {code!r} cannot follow 'per'")
