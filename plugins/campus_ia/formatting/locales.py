"""The site's languages mapped to the Babel locales used to format them."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from babel import Locale

Lang = Literal["fr", "en"]

# English dates follow British order ("19 May 2025"): the audience is European,
# and "May 19, 2025" reads as American. Numbers are identical in en and en_GB,
# except that en_GB writes "US$" where our readers expect "$".
_NUMBER_LOCALES: dict[str, str] = {"fr": "fr", "en": "en"}
_DATE_LOCALES: dict[str, str] = {"fr": "fr", "en": "en_GB"}


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if the site is published in it, else raise ``ValueError``."""
    if lang not in _NUMBER_LOCALES:
        supported = ", ".join(sorted(_NUMBER_LOCALES))
        raise ValueError(f"unsupported locale {lang!r} (expected one of: {supported})")
    return lang  # type: ignore[return-value]


# Locale.parse loads and merges CLDR pickles; a build formats thousands of values.
@lru_cache(maxsize=None)
def number_locale(lang: str) -> Locale:
    """The Babel locale for numbers, percentages and currencies in ``lang``."""
    return Locale.parse(_NUMBER_LOCALES[check_lang(lang)])


@lru_cache(maxsize=None)
def date_locale(lang: str) -> Locale:
    """The Babel locale for dates in ``lang``."""
    return Locale.parse(_DATE_LOCALES[check_lang(lang)])
