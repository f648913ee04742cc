"""Turn the YAML files into a validated ``Content``, or into every problem at once.

Errors are values: each file is read and checked against its model, then the files
are checked against each other (ids, references), and only then is one
``ContentError`` raised listing every problem with its file, line and column.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from pydantic import BaseModel, ValidationError

from .. import LANGUAGES
from .model import FILE_MODELS, Bilingual
from .problems import ContentError, Problem, format_path
from .project_files import outside_problem
from .store import Content, reference_problems
from .yaml_source import PathKey, YamlDocument, read_yaml

_TYPE_WORDS = {
    "string_type": "expected text",
    "float_type": "expected a number",
    "float_parsing": "expected a number (digits only, e.g. 8500000000, no spaces or units)",
    "finite_number": "expected a number (.nan and .inf are not figures)",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a block of 'key: value' lines",
    "model_type": "expected a block of 'key: value' lines",
    "model_attributes_type": "expected a block of 'key: value' lines",
}


ContentRule = Callable[[Content], "list[Problem]"]
"""A rule over the loaded content from a layer above (the capacity model's, for one): its problems, located."""


def load_content(
    content_dir: Path, *, display_root: Path | None = None, rules: Sequence[ContentRule] = ()
) -> Content:
    """Read, validate and cross-check every file in ``content_dir``, then apply ``rules``.

    The rules come from the layers above (the site passes the capacity model's), so
    this layer imports none of them. Raises ``ContentError`` listing every problem
    found in any file.
    """

    documents: dict[str, YamlDocument] = {}
    models: dict[str, BaseModel] = {}
    problems: list[Problem] = []
    root = display_root or content_dir.parent
    problems.extend(_unknown_files(content_dir, root))
    for stem, model in FILE_MODELS.items():
        path = content_dir / f"{stem}.yml"
        shown = _display(path, root)
        if not path.exists():
            problems.append(Problem(shown, 1, 1, "", f"the file is missing (every site needs {stem}.yml in content/)"))
            continue
        outside = outside_problem(path, root, shown)
        if outside is not None:  # never read (nor quote) a file the project does not hold
            problems.append(outside)
            continue
        document, read_problems = read_yaml(path, shown)
        problems.extend(read_problems)
        if document is None:
            continue
        documents[stem] = document
        try:
            models[stem] = model.model_validate(document.data if document.data is not None else {})
        except ValidationError as exc:
            problems.extend(_explain(exc, document, model))
    if problems:
        # References are checked on every file that could be read, so one run still
        # reports a wrong id in one file beside a wrong type in another.
        # An id is only "unknown" if every file could be read: a file refused whole (a link
        # leading out, a syntax error) would otherwise bury its problem under a hundred others.
        complete = len(documents) == len(FILE_MODELS)
        problems.extend(reference_problems(documents.values(), unknown_ids=complete))
        raise ContentError(problems)
    content = Content.from_models(models, documents)
    cross_problems = list(content.check_references())
    if cross_problems:
        raise ContentError(cross_problems)
    # Rules from above (the capacity model's: PUE >= 1, a load factor in (0, 1], ...), located too.
    rule_problems = [problem for rule in rules for problem in rule(content)]
    if rule_problems:
        raise ContentError(rule_problems)
    return content


CONTENT_FOLDERS = frozenset({"schemas"})
"""Folders ``content/`` may hold besides the content files (the generated JSON Schemas)."""


def _unknown_files(content_dir: Path, root: Path) -> list[Problem]:
    """Files in ``content/`` the site would silently ignore: a new file nobody reads is a mistake."""
    known = {f"{stem}.yml" for stem in FILE_MODELS}
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return problems
    for path in sorted(content_dir.iterdir()):
        if path.name in known or (path.name in CONTENT_FOLDERS and path.is_dir()) or path.name.startswith("."):
            continue
        problems.append(Problem(
            _display(path, root), 1, 1, "",
            "the site reads no such file; content goes into the files it knows ("
            + ", ".join(sorted(known)) + "): move this content there or delete the file",
        ))
    return problems


def _display(path: Path, root: Path) -> str:
    try:  # the link's own place, not where it leads
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _explain(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> Iterable[Problem]:
    for error in exc.errors(include_url=False):
        path = _data_path(error["loc"], document.data)
        kind = error["type"]
        if kind == "extra_forbidden":
            key = path[-1]
            position = document.key_positions.get(path) or document.position_of(path)
            message = f"unknown key '{key}'{_suggest(str(key), _allowed_keys(model, path[:-1], document.data))}"
        elif kind == "missing":
            position = document.position_of(path[:-1])
            message = _missing_message(str(path[-1]), _is_bilingual(model, path))
        else:
            position = document.position_of(path)
            message = _message_for(error)
            if kind in ("model_type", "model_attributes_type", "dict_type") and _is_bilingual(model, path):
                message = _BILINGUAL_SHAPE
        yield Problem(document.display_name, position.line, position.column, format_path(path), message)


def _message_for(error: dict[str, Any]) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind.startswith("campus_"):
        return error["msg"]
    if kind in _TYPE_WORDS:
        shown = _shorten(f"'{given}'" if isinstance(given, str) else repr(given))
        if isinstance(given, bool) and kind == "string_type":
            return f"{shown} was read as yes/no, expected text (put the text in quotes)"
        if isinstance(given, (dict, list)):
            return _TYPE_WORDS[kind]
        return f"{shown} is not valid: {_TYPE_WORDS[kind]}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{given}' is not allowed here (expected one of {expected})"
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not allowed here (use lower-case letters, digits and '-')"
    if kind in {"too_short", "string_too_short"}:
        return "must not be empty"
    if kind in {"greater_than", "greater_than_equal"}:
        return f"{given!r} is too small ({error['msg'].lower()})"
    return error["msg"]


def _shorten(text: str, limit: int = 80) -> str:
    """Keep a message readable when the value is a pasted page or a 400-digit number."""
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


_BILINGUAL_SHAPE = ("expected the text in both languages, on two lines under the key: 'fr: ...' "
                    "and 'en: ...' (or on one line: {fr: ..., en: ...})")


def _missing_message(key: str, bilingual: bool = False) -> str:
    if key in LANGUAGES:
        language = "French" if key == "fr" else "English"
        return f"the {language} translation is missing (add '{key}: ...')"
    if bilingual:
        return (f"the required key '{key}' is missing (add '{key}:' with 'fr: ...' and 'en: ...' "
                "on the two lines under it)")
    return f"the required key '{key}' is missing (add '{key}: ...')"


def _is_bilingual(model: type[BaseModel], path: PathKey) -> bool:
    """Whether the field at ``path`` (a key of ``model``'s data) is a French/English text."""
    current: Any = model
    annotation: Any = None
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return False
        annotation = field.annotation
        current = _model_in(annotation)
    return annotation is not None and _model_in(annotation) is Bilingual


def _data_path(loc: tuple[Any, ...], data: Any) -> PathKey:
    """Keep the parts of a Pydantic location that address the YAML data (drop union-branch tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and (part in node or _is_field_name(part)):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif node is None and isinstance(part, str) and _is_field_name(part):
            path.append(part)
    return tuple(path)


def _is_field_name(part: str) -> bool:
    return part.replace("_", "").isalnum() and "[" not in part


def _allowed_keys(model: type[BaseModel], path: PathKey, data: Any) -> list[str]:
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _suggest(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    if allowed:
        return f" (allowed keys: {', '.join(allowed)})"
    return ""
