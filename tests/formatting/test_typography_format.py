from __future__ import annotations

import pytest

from campus_ia.formatting import Formatter

FR = Formatter("fr")
EN = Formatter("en")

NNBSP = "\u202f"
NBSP = "\u00a0"

CASES = [
    ("vraiment?", "vraiment\u202f?"),
    ("vraiment ?", "vraiment\u202f?"),
    ("vraiment\u00a0?", "vraiment\u202f?"),
    ("Oui ! Non ; peut-être", "Oui\u202f! Non\u202f; peut-être"),
    ("Oui!", "Oui\u202f!"),
    ("quoi?!", "quoi\u202f?!"),
    ("Attention: voir", "Attention\u00a0: voir"),
    ("Attention : voir", "Attention\u00a0: voir"),
    ("Attention\u202f: voir", "Attention\u00a0: voir"),
    ("« texte »", "«\u202ftexte\u202f»"),
    ("«texte»", "«\u202ftexte\u202f»"),
    ("«\u00a0texte\u00a0»", "«\u202ftexte\u202f»"),
    ("a  ;  b", "a\u202f;  b"),
    ("**Note:** texte", "**Note\u00a0:** texte"),
    ("<em>lien</em>?", "<em>lien</em>\u202f?"),
    ("R&eacute;sum&eacute;?", "R&eacute;sum&eacute;\u202f?"),
]

UNTOUCHED = [
    "https://example.org/page?x=1&y=2",
    "http://example.org/a:b;c!d?e",
    "mailto:contact@campus-ia.fr?subject=Question",
    "[lien](https://x.fr/?) ok",
    "Ouverture à 10:30 puis 14:00",
    '<a href="https://x.fr?a=b" title="a: b; c!">lien</a>',
    "AT&amp;T et&nbsp;moi",
    "oui&nbsp;?",
    "le code `a:b;c?` reste",
    "![plan](plan.png)",
    "(?)",
    "std::vector",
    "fin.\n: début",
    "",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_french_spacing(text, expected):
    assert FR.typography(text) == expected


@pytest.mark.parametrize("text", UNTOUCHED)
def test_urls_markup_times_and_code_untouched(text):
    assert FR.typography(text) == text


def test_punctuation_around_urls():
    text = "Voir https://example.org/?q=1 ! Puis https://example.org/a; et: fin"
    assert FR.typography(text) == (
        "Voir https://example.org/?q=1\u202f! Puis https://example.org/a\u202f; et\u00a0: fin"
    )


@pytest.mark.parametrize("text", [c[0] for c in CASES] + UNTOUCHED)
def test_idempotent(text):
    once = FR.typography(text)
    assert FR.typography(once) == once


@pytest.mark.parametrize("text", ["Really? Yes: « quoted » ; ok!", "vraiment?"])
def test_english_unchanged(text):
    assert EN.typography(text) == text


# -- apostrophes, digit groups, decimal comma ----------------------------------------

MORE_CASES = [
    ("8.5 milliards d'euros", "8,5 milliards d\u2019euros"),
    ("l'énergie, qu'il, jusqu'à, aujourd'hui", "l\u2019énergie, qu\u2019il, jusqu\u2019à, aujourd\u2019hui"),
    ("l&#39;IA et d&#x27;autres", "l\u2019IA et d\u2019autres"),
    ("d'1,4 GW", "d\u20191,4 GW"),
    ("jusqu'à 1 400 MW", "jusqu\u2019à 1\u202f400 MW"),
    ("7 500 000 €", "7\u202f500\u202f000 €"),
    ("1\u00a0400 MW", "1\u202f400 MW"),
    ("445.4 TWh et 1.5 %", "445,4 TWh et 1,5 %"),
    ("«jusqu'à 1 400 MW»", "«\u202fjusqu\u2019à 1\u202f400 MW\u202f»"),
]

MORE_UNTOUCHED = [
    "en 2026 240 MW",  # a year, then a number: not one number
    "Licence Ouverte 2.0 / Etalab",  # a version, not a quantity
    "RGAA version 4.1 et WCAG 2.1",
    "2025-05-19 et 2026-07-01/2026-12-31",
    "à 20:30",
    "https://example.org/l'a/1_400?x=8.5%20GW",
    "contact@campus-ia.fr",
    "campus-ia.example.org",
    "1.2.3 GW",
    "'quoted'",  # quote marks, not apostrophes
    "code `l'a ; 1 400` ici",
    '<a title="l\'a" href="/x?y=1 400">',
]


@pytest.mark.parametrize(("text", "expected"), MORE_CASES)
def test_apostrophes_digit_groups_decimal_comma(text, expected):
    assert FR.typography(text) == expected


@pytest.mark.parametrize("text", MORE_UNTOUCHED)
def test_versions_dates_addresses_and_code_untouched(text):
    assert FR.typography(text) == text


@pytest.mark.parametrize("text", [c[0] for c in MORE_CASES] + MORE_UNTOUCHED)
def test_new_rules_idempotent(text):
    once = FR.typography(text)
    assert FR.typography(once) == once


@pytest.mark.parametrize("text", [c[0] for c in MORE_CASES])
def test_new_rules_leave_english(text):
    assert EN.typography(text) == text
