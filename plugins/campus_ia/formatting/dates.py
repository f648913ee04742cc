"""Dates at any precision, alone or after "from", "by the end of", "before the end of",
or given as expected ("expected in 2028": a planned date the sources say should hold).

Days and months come from CLDR; quarters and halves are spelled out by hand
because CLDR only offers abbreviations ("T4", "Q4") and has no half-years.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton

from ..content.dates import PartialDate
from .locales import check_lang, date_locale

QUALIFIERS = frozenset({"by_end", "from", "before_end", "expected"})

_ORDINALS: dict[str, tuple[str, ...]] = {
    "fr": ("premier", "deuxième", "troisième", "quatrième"),
    "en": ("first", "second", "third", "fourth"),
}
# French says "second" rather than "deuxième" when there are only two.
_HALVES: dict[str, tuple[str, ...]] = {"fr": ("premier", "second"), "en": ("first", "second")}

# A lone day field in a CLDR pattern ("d", not "dd" nor a letter inside quotes
# in the fr pattern "d MMMM y").
_DAY_FIELD = re.compile(r"(?<![d'])d(?![d'])")

_FR_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûü")


@dataclass(frozen=True)
class _Phrase:
    """A date as a noun phrase: ``article`` ("le", "the" or "") + ``text``."""

    text: str
    article: str = ""

    def full(self) -> str:
        return f"{self.article} {self.text}" if self.article else self.text


def to_partial(d: dt.date | PartialDate) -> PartialDate:
    """Treat a plain date as a day-precision ``PartialDate``."""
    if isinstance(d, PartialDate):
        return d
    if isinstance(d, dt.datetime):
        d = d.date()
    if isinstance(d, dt.date):
        return PartialDate(d, d, "day")
    raise TypeError(f"expected a date or PartialDate, got {d!r}")


def iso_date(d: dt.date | PartialDate) -> str:
    """The machine-readable form: ``2025-05-19``, ``2026-H2``, ``2028``..."""
    return to_partial(d).iso()


def html_datetime(d: dt.date | PartialDate | str) -> str:
    """A valid ``datetime`` value of HTML's ``<time>`` for ``d``, as precise as HTML allows.

    HTML has days (``2025-05-19``), months (``2025-05``) and years (``2028``) but no
    quarters or half-years: ``2027-Q4`` and ``2026-H2`` give their year, the most
    that is known in a form HTML accepts. The element's text says the precision in
    words ("second half of 2026"). A string is read as written in ``content/``.
    """
    partial = PartialDate.parse(d) if isinstance(d, str) else to_partial(d)
    if partial.precision in ("quarter", "half"):
        return f"{partial.year:04d}"
    return partial.iso()


@lru_cache(maxsize=4096)  # pure, and the same dates recur on pages and in downloads
def format_date(lang: str, d: dt.date | PartialDate, qualifier: str | None = None) -> str:
    """Format ``d`` at its precision for ``lang``, optionally qualified."""
    check_lang(lang)
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise ValueError(f"unknown date qualifier {qualifier!r} (expected one of: {', '.join(sorted(QUALIFIERS))})")
    partial = to_partial(d)
    phrase = _phrase(lang, partial)
    if qualifier is None:
        # Without a preposition the article only gets in the way: "second semestre 2026".
        return phrase.text
    if qualifier == "from":
        return _from(lang, phrase)
    if qualifier == "expected":
        return _expected(lang, partial, phrase)
    return _until(lang, partial, phrase, qualifier)


def _phrase(lang: str, d: PartialDate) -> _Phrase:
    locale = date_locale(lang)
    if d.precision == "day":
        pattern = locale.date_formats["long"].pattern
        if lang == "fr" and d.start.day == 1:
            pattern = _DAY_FIELD.sub("d'er'", pattern, count=1)
        return _Phrase(babel_format_date(d.start, pattern, locale=locale), "le" if lang == "fr" else "")
    if d.precision == "month":
        return _Phrase(format_skeleton("yMMMM", d.start, locale=locale))
    if d.precision == "quarter":
        ordinal = _ORDINALS[lang][d.quarter - 1]
        if lang == "fr":
            return _Phrase(f"{ordinal} trimestre {d.year}", "le")
        return _Phrase(f"{ordinal} quarter of {d.year}", "the")
    if d.precision == "half":
        ordinal = _HALVES[lang][d.half - 1]
        if lang == "fr":
            return _Phrase(f"{ordinal} semestre {d.year}", "le")
        return _Phrase(f"{ordinal} half of {d.year}", "the")
    return _Phrase(str(d.year))


def _from(lang: str, phrase: _Phrase) -> str:
    if lang == "en":
        return f"from {phrase.full()}"
    return f"à partir {_fr_de(phrase)}"


def _expected(lang: str, d: PartialDate, phrase: _Phrase) -> str:
    """A planned date: "expected in 2028"; in French "en 2028 (date prévue)".

    French puts the mark after the date: a participle before it ("prévu", "prévue") would
    have to agree with whatever the sentence is about, which the date does not know.
    """
    if lang == "en":
        return f"expected {_en_in(d, phrase)}"
    return f"{_fr_a(d, phrase)} (date prévue)"


def _en_in(d: PartialDate, phrase: _Phrase) -> str:
    if d.precision == "day":
        return f"on {phrase.full()}"
    return f"in {phrase.full()}"


def _fr_a(d: PartialDate, phrase: _Phrase) -> str:
    """French "in/at" + date: "le 19 mai 2026", "au second semestre 2026", "en mai 2026", "en 2028"."""
    if d.precision == "day":
        return phrase.full()
    if phrase.article == "le":
        return f"au {phrase.text}"
    return f"en {phrase.text}"


def _fr_de(phrase: _Phrase) -> str:
    """French "de" + phrase, with contraction (du, des) and elision (de l', d')."""
    if phrase.article == "le":
        return f"du {phrase.text}"
    if phrase.article == "les":
        return f"des {phrase.text}"
    if phrase.article:
        return f"de {phrase.full()}"
    if phrase.text[:1].lower() in _FR_VOWELS:
        return f"d'{phrase.text}"
    return f"de {phrase.text}"


def _until(lang: str, d: PartialDate, phrase: _Phrase, qualifier: str) -> str:
    if lang == "en":
        lead = "by" if qualifier == "by_end" else "before"
        if d.precision == "day":
            # A day has no "end" worth naming: "by 19 May 2025".
            return f"{lead} {phrase.full()}"
        end = "by the end of" if qualifier == "by_end" else "before the end of"
        return f"{end} {phrase.full()}"
    lead = "d’ici" if qualifier == "by_end" else "avant"
    if d.precision == "day":
        return f"{lead} {phrase.full()}"
    if phrase.article:
        # "fin" without article only works before a bare month or year.
        return f"{lead} la fin {_fr_de(phrase)}"
    return f"{lead} fin {phrase.text}"
