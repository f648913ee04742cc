"""Material's interface strings, looked up once per language and key.

Material's ``partials/languages/<lang>.html`` defines ``t(key)`` as a literal dict of
every string of the language, built again on every call; pages call it some thirty
times each. :class:`ThemeText` asks each key once per language and build, with the same
fallbacks as Material's ``partials/language.html`` (the language, then English, then
the key itself); our ``partials/language.html`` exports it as ``t``.
"""

from __future__ import annotations

import functools
from typing import Any, Callable


class ThemeText:
    def __init__(self) -> None:
        self._env: Any = None
        self._found: dict[tuple[str, str], str] = {}
        self._functions: dict[str, Callable[[str], str]] = {}

    def reset(self, env: Any) -> None:
        """A new build: a new theme environment, strings read again."""
        self._env = env
        self._found.clear()
        self._functions.clear()

    def __call__(self, lang: str) -> Callable[[str], str]:
        """``t(key)`` for one language, as Material's ``partials/language.html`` exports it."""
        known = self._functions.get(lang)
        if known is None:
            known = self._functions[lang] = functools.partial(self.text, lang)
        return known

    def text(self, lang: str, key: str) -> str:
        found = self._found.get((lang, key))
        if found is None:
            if key == "language":
                found = lang
            else:
                found = str(self._module(lang).t(key) or self._module("en").t(key) or key)
            self._found[(lang, key)] = found
        return found

    def _module(self, lang: str) -> Any:
        return self._env.get_template(f"partials/languages/{lang}.html").module
