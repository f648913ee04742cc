"""Raw numbers, ISO 8601 periods and addresses as every download writes them."""

from __future__ import annotations

import pytest

from campus_ia.content import PartialDate
from campus_ia.exports.machine_text import iso_period, raw_number, raw_number_text, site_host
from campus_ia.pages import absolute_url


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-05-19", "2025-05-19"),
        ("2025-05", "2025-05"),
        ("2028", "2028"),
        ("2026-H2", "2026-07-01/2026-12-31"),
        ("2026-H1", "2026-01-01/2026-06-30"),
        ("2027-Q4", "2027-10-01/2027-12-31"),
        ("2024-Q1", "2024-01-01/2024-03-31"),
    ],
)
def test_iso_period(text: str, iso: str) -> None:
    assert iso_period(PartialDate.parse(text)) == iso


def test_raw_numbers() -> None:
    assert raw_number(1400.0) == 1400 and isinstance(raw_number(1400.0), int)
    assert raw_number(445.4) == 445.4
    assert raw_number_text(8_500_000_000.0) == "8500000000"
    assert raw_number_text(1.14) == "1.14"
    assert raw_number_text(None) == ""


def test_addresses() -> None:
    assert absolute_url("https://example.org/", "fr/feed.xml") == "https://example.org/fr/feed.xml"
    assert absolute_url("https://example.org", "/data/facts.json") == "https://example.org/data/facts.json"
    assert site_host("https://campus-ia.example.org/") == "campus-ia.example.org"
