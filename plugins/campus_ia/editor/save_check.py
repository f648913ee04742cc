"""Check a save before it is written: the same rules as ``campus-ia check``, on a copy of the project.

The new text is written into a temporary copy of ``content/`` and ``docs/``; the copy is
loaded and checked exactly as ``campus-ia check`` does; only if it passes does the real
file get replaced (atomically). The problems found are turned into sentences located
by field, in the editor's language.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from ..content import ContentError, Problem
from ..pages.structure import SiteStructure
from ..site.assembly import load_site_content
from .labels import field_label, file_label

_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")

# The model's messages are in English; the common ones are said in French for French editors.
_FRENCH = [
    (re.compile(r"^the French translation is missing \(add 'fr: \.\.\.'\)$"),
     "la traduction française manque (remplissez le champ «\u202ffr\u202f»)"),
    (re.compile(r"^the English translation is missing \(add 'en: \.\.\.'\)$"),
     "la traduction anglaise manque (remplissez le champ «\u202fen\u202f»)"),
    (re.compile(r"^the required key '(.+)' is missing \(add '.+:' with 'fr: \.\.\.' and 'en: \.\.\.'.*\)$"),
     "le champ «\u202f{0}\u202f» est obligatoire, en français (fr) et en anglais (en)"),
    (re.compile(r"^the required key '(.+)' is missing \(add '.+: \.\.\.'\)$"), "le champ «\u202f{0}\u202f» est obligatoire"),
    (re.compile(r"^must not be empty$"), "ne doit pas être vide"),
    (re.compile(r"^unknown [a-z ]+ id '(.+?)' \(did you mean '(.+?)'\?\)$"),
     "identifiant inconnu «\u202f{0}\u202f» (vouliez-vous dire «\u202f{1}\u202f»\u202f?)"),
    (re.compile(r"^unknown [a-z ]+ id '(.+?)'.*$"), "identifiant inconnu «\u202f{0}\u202f»"),
    (re.compile(r"^exactly one report must have 'standing: lead' \(found (\d+)(.*?)\); (.*)$"),
     "une seule information doit avoir le rang «\u202flead\u202f» (trouvé\u00a0: {0}{1})"),
    (re.compile(r"^'(.*)' is not allowed here \(expected one of (.*)\)$"),
     "«\u202f{0}\u202f» n’est pas permis ici (choix possibles\u00a0: {1})"),
    (re.compile(r"^'(.*)' is not valid: expected a number.*$"),
     "«\u202f{0}\u202f» n’est pas un nombre (chiffres seulement, par exemple 8500000000, sans espace ni unité)"),
    (re.compile(r"^'(.*)' is not a date \(expected (.*)\)$"), "«\u202f{0}\u202f» n’est pas une date (attendu\u00a0: {1})"),
]


def check_save(project: Path, relative: str, text: str) -> list[Problem]:
    """Problems the project would have if ``relative`` held ``text`` (an empty list: it may be saved)."""
    with tempfile.TemporaryDirectory(prefix="campus-ia-save-") as scratch:
        copy = Path(scratch)
        for folder in ("content", "docs"):
            if (project / folder).is_dir():
                shutil.copytree(project / folder, copy / folder, ignore=shutil.ignore_patterns("schemas"))
        target = copy / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        try:
            content = load_site_content(copy / "content", display_root=copy)  # with the capacity rules
        except ContentError as exc:
            return list(exc.problems)
        pages = SiteStructure(content.site).check_prose(copy / "docs", "docs", copy)
        return [Problem("docs", 0, 0, "", message) for message in pages]


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def explain(problems: list[Problem], lang: str) -> str:
    """The problems as the editor shows them: a heading, then one line per problem, located by field."""
    count = len(problems)
    if lang == "fr":
        heading = (f"Enregistrement refusé\u00a0: {count} problème{'s' if count > 1 else ''} à corriger "
                   "(rien n’a été écrit)")
    else:
        heading = f"Not saved: {count} problem{'s' if count > 1 else ''} to fix (nothing was written)"
    return "\n".join([heading, *(f"• {located(problem, lang)}" for problem in problems)])


def located(problem: Problem, lang: str) -> str:
    """``Campus and figures › Figures no. 1 › Reports (sources) no. 2 › Value: message (content/campus.yml)``."""
    stem = Path(problem.file).stem
    parts = [file_label(stem, lang)] if problem.file.startswith("content/") else []
    for match in _PATH_PART.finditer(problem.where):
        name, index = match.groups()
        if name is not None:
            parts.append(field_label(name, lang))
        elif parts:
            parts[-1] += f" n° {int(index) + 1}" if lang == "fr" else f" no. {int(index) + 1}"
    message = _in_language(problem.message, lang)
    # The file name, not its line: the line is that of the text the editor would have written,
    # which the person never sees; the field path is what locates it in the form.
    place = f" ({problem.file})" if problem.file.startswith("content/") else ""
    where = " › ".join(parts)
    separator = "\u00a0: " if lang == "fr" else ": "  # French: a no-break space before the colon
    return f"{where}{separator}{message}{place}" if where else f"{message}{place}"


def _in_language(message: str, lang: str) -> str:
    if lang != "fr":
        return message
    for pattern, french in _FRENCH:
        match = pattern.match(message)
        if match:
            return french.format(*match.groups())
    return message
