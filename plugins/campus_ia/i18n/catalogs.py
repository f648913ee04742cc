"""Load the gettext catalogs with Babel and refuse missing or fuzzy translations.

Interface strings are written in English in the code and templates (the msgids). Each
domain has a template ``locales/<domain>.pot`` made by ``pybabel extract``; every
msgid of the template must be in every language's catalog, not fuzzy, and (except in
English, where an empty msgstr means "same as the msgid") translated. Strings looked
up at build time that are in no catalog are recorded, so a template edited without
re-extracting fails the build too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog

from .. import LANGUAGES
from ..content.project_files import OUTSIDE_MESSAGE, is_inside, links_leaving
from .catalog_checks import parse_catalog, translation_problems

DOMAIN_SOURCES: dict[str, tuple[str, ...]] = {
    "site": ("theme", "site", "mkdocs_plugin", "translations"),
    "pages": ("pages", "home", "sharing"),
    "facts": ("facts", "exports"),
    "capacity": ("capacity",),
}
"""Each gettext domain and the folders of ``campus_ia`` its strings are extracted from."""

DOMAINS: tuple[str, ...] = tuple(DOMAIN_SOURCES)

SOURCE_LANGUAGE = "en"


class CatalogError(Exception):
    """Every catalog problem at once, each naming the file and the msgid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(["Problems in the interface translations (locales/):", *(f"  {p}" for p in problems)]))


@dataclass
class _Language:
    lang: str
    messages: dict[str, str]
    plurals: dict[str, tuple[str, ...]]
    missing: set[str] = field(default_factory=set)


class Catalogs:
    """The interface strings of every language, loaded and checked once per build."""

    def __init__(self, languages: dict[str, _Language], locales_dir: Path) -> None:
        self._languages = languages
        self.locales_dir = locales_dir

    @classmethod
    def load(cls, locales_dir: Path, languages: tuple[str, ...] = LANGUAGES, *, root: Path | None = None) -> Catalogs:
        """Read every ``.pot`` template and ``.po`` catalog; raise ``CatalogError`` on any gap.

        Nothing outside ``root`` (the project folder; by default the parent of
        ``locales_dir``) is read: a catalog that is a link leading out is refused.
        """
        root = root or locales_dir.parent
        shown = lambda path: _shown(path, root)  # noqa: E731
        problems: list[str] = [f"{p.file}:1:1: {p.message}" for p in links_leaving(locales_dir, root, shown(locales_dir))]
        loaded: dict[str, _Language] = {lang: _Language(lang, {}, {}) for lang in languages}
        for domain in DOMAINS:
            template_path = locales_dir / f"{domain}.pot"
            if not template_path.exists():
                problems.append(f"{shown(template_path)}: missing template (run the extract step in the README)")
                continue
            if not is_inside(template_path, root):
                continue  # reported by links_leaving above, never read
            template = (template_path.read_bytes(), shown(template_path))
            template_problems = _parsed(*template)[1]
            problems.extend(template_problems)
            if template_problems:
                continue
            for lang in languages:
                po_path = locales_dir / lang / "LC_MESSAGES" / f"{domain}.po"
                if not po_path.exists():
                    problems.append(f"{shown(po_path)}: missing catalog (run the init/update step in the README)")
                    continue
                if not is_inside(po_path, root):
                    if not any(p.startswith(f"{shown(po_path)}:") for p in problems):
                        problems.append(f"{shown(po_path)}:1:1: {OUTSIDE_MESSAGE}")
                    continue
                messages, plurals, found = _merged(template, (po_path.read_bytes(), shown(po_path)), lang)
                loaded[lang].messages.update(messages)
                loaded[lang].plurals.update(plurals)
                problems.extend(found)
        if problems:
            raise CatalogError(problems)
        return cls(loaded, locales_dir)

    def gettext(self, lang: str, message: str) -> str:
        """Translate ``message``; an unknown msgid is recorded as missing."""
        language = self._languages[lang]
        if message in language.messages:
            return language.messages[message]
        language.missing.add(message)
        return message

    def ngettext(self, lang: str, singular: str, plural: str, count: int) -> str:
        language = self._languages[lang]
        forms = language.plurals.get(singular)
        if forms is None:
            language.missing.add(singular)
            return singular if count == 1 else plural
        # French and English both use "one" for 1 (French also for 0), "other" otherwise.
        one = count in (0, 1) if lang == "fr" else count == 1
        return forms[0] if one else forms[-1]

    def missing(self) -> list[str]:
        """msgids looked up during the build that no catalog has (the template is stale)."""
        return sorted(f"{lang}: {msgid!r}" for lang, language in self._languages.items() for msgid in language.missing)

    def reset_missing(self) -> None:
        for language in self._languages.values():
            language.missing.clear()


def _shown(path: Path, root: Path) -> str:
    try:  # the file's own place in the project, not where a link leads
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# The files' bytes are the keys: a catalog is parsed and checked once per content of its
# file, not again on every rebuild of `mkdocs serve` while nobody touches locales/.
@lru_cache(maxsize=64)
def _parsed(raw: bytes, shown: str) -> tuple[Catalog | None, tuple[str, ...]]:
    catalog, problems = parse_catalog(raw, shown)
    return catalog, tuple(problems)


@lru_cache(maxsize=64)
def _merged(template: tuple[bytes, str], po: tuple[bytes, str], lang: str) -> tuple[
        dict[str, str], dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Catalog ``po``'s translations of the msgids of ``template`` (each: bytes, shown name), and its problems."""
    catalog, problems = _parsed(*po)
    if catalog is None:
        return {}, {}, problems
    language = _Language(lang, {}, {})
    found = _merge(catalog, _parsed(*template)[0], language, po[1], lang, _text(po[0]))  # type: ignore[arg-type]
    return language.messages, language.plurals, (*problems, *found)


def _text(raw: bytes) -> str:
    """The file's text as ``Path.read_text`` gives it (universal newlines)."""
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _merge(catalog: Catalog, template: Catalog, language: _Language, shown: str, lang: str, text: str) -> list[str]:
    problems: list[str] = []
    for entry in template:
        if not entry.id:
            continue
        msgid = entry.id[0] if isinstance(entry.id, tuple) else entry.id
        message = catalog.get(entry.id)
        if message is None:
            problems.append(f"{shown}: no entry for {msgid!r} (run the update step in the README)")
            continue
        if message.fuzzy:
            problems.append(f"{shown}:{message.lineno}:1: the translation of {msgid!r} is marked fuzzy; check it and remove the fuzzy flag")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if lang != SOURCE_LANGUAGE and not all(strings):
            problems.append(f"{shown}:{message.lineno}:1: {msgid!r} is not translated")
            continue
        found = translation_problems(message, entry, text, shown)
        if found:
            problems.extend(found)
            continue
        if isinstance(entry.id, tuple):
            language.plurals[msgid] = tuple(s or i for s, i in zip(strings, (entry.id[0], entry.id[1])))
        else:
            language.messages[msgid] = strings[0] or msgid
    return problems
