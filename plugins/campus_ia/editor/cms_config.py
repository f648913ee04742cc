"""Decap CMS configuration generated from the content model (never written by hand).

Every file in ``FILE_MODELS`` becomes one entry of the "content" collection, and each of
its model's fields becomes a widget: a ``Bilingual`` text a side-by-side French/English
widget, a ``Literal`` a select, a list of models a list of objects, a reference (a source,
a person, a figure...) a select fed from the ids the content defines now. Adding a field
to a model therefore adds it to the editor with no other change.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..content.model import FILE_MODELS, Bilingual
from ..content.store import _ID_NAMESPACES, _REFERENCES
from .labels import choice_options, field_label, file_label, ui_text

DATE_PATTERN = r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$"
ReferenceOptions = dict[str, list[str]]
"""Namespace ('source', 'person'...) -> the ids content defines, in file order."""


def cms_config(lang: str, api_url: str, references: ReferenceOptions | None = None) -> dict[str, Any]:
    """The whole Decap configuration for an editor whose interface is in ``lang``."""
    references = references or {}
    files = [
        {
            "name": stem,
            "label": file_label(stem, lang),
            "file": f"content/{stem}.yml",
            "fields": model_fields(model, lang, references),
        }
        for stem, model in FILE_MODELS.items()
    ]
    pages = [_prose_collection(page_lang, lang) for page_lang in ("fr", "en")]
    return {
        "backend": {"name": "proxy", "proxy_url": api_url, "branch": "main"},
        "locale": lang,
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "publish_mode": "simple",
        "collections": [
            {
                "name": "content",
                "label": ui_text("content", lang),
                "description": ui_text("content_description", lang),
                "editor": {"preview": False},
                "files": files,
            },
            *pages,
        ],
    }


def _prose_collection(page_lang: str, lang: str) -> dict[str, Any]:
    return {
        "name": f"pages_{page_lang}",
        "label": ui_text(f"pages_{page_lang}", lang),
        "folder": f"docs/{page_lang}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,
        # A new page's file name is its slug, typed in the 'page' field (never stored: the
        # backend drops it from the front matter); existing pages keep their file.
        "slug": "{{slug}}",
        "identifier_field": "page",
        "summary": "{{filename}}.{{extension}}",
        "editor": {"preview": False},
        "fields": [
            {"name": "page", "label": field_label("page", lang), "widget": "string", "required": False,
             "hint": ui_text("page_hint", lang)},
            {"name": "translated_from", "label": field_label("translated_from", lang), "widget": "string",
             "required": False, "hint": ui_text("translated_from_hint", lang)},
            # Raw Markdown: the rich-text mode would rewrite the author's Markdown (and the
            # {{ fact:... }} markers) on every save.
            {"name": "body", "label": field_label("body", lang), "widget": "markdown", "modes": ["raw"]},
        ],
    }


def model_fields(model: type[BaseModel], lang: str, references: ReferenceOptions) -> list[dict[str, Any]]:
    """One widget per field of ``model``, in the model's order."""
    return [field_widget(name, info, lang, references) for name, info in model.model_fields.items()]


def field_widget(name: str, info: FieldInfo, lang: str, references: ReferenceOptions) -> dict[str, Any]:
    """The Decap widget of one model field (its name, label, hint, required flag and type)."""
    annotation, optional = _unwrap_optional(info.annotation)
    widget: dict[str, Any] = {"name": name, "label": field_label(name, lang)}
    widget.update(_widget_for(name, annotation, info, lang, references))
    if optional or not info.is_required():
        widget["required"] = False
    if info.description and lang == "en":  # the model's descriptions are written in English
        widget["hint"] = info.description
    if not info.is_required() and info.default is not None and isinstance(info.default, (bool, str, int, float)):
        widget["default"] = info.default
    return widget


def _widget_for(name: str, annotation: Any, info: FieldInfo, lang: str, refs: ReferenceOptions) -> dict[str, Any]:
    origin = typing.get_origin(annotation)
    namespace = _REFERENCES.get(name)
    if origin is list:
        (item,) = typing.get_args(annotation)
        item, _ = _unwrap_optional(item)
        minimum = _min_length(info)
        extra = {"min": minimum} if minimum else {}
        if namespace and _is_text(item):
            return {"widget": "select", "multiple": True, "options": _options(refs.get(namespace, [])), **extra}
        if _is_model(item) and item is not Bilingual:
            return {"widget": "list", "collapsed": True, "summary": _summary(item), **extra,
                    "fields": model_fields(item, lang, refs)}
        if item is Bilingual:
            return {"widget": "list", "collapsed": False, **extra, "fields": _bilingual_parts(lang)}
        return {"widget": "list", **extra}
    if namespace and _is_text(annotation):
        return {"widget": "select", "options": _options(refs.get(namespace, []))}
    if origin is Literal:
        return {"widget": "select", "options": choice_options([str(v) for v in typing.get_args(annotation)], lang)}
    if annotation is Bilingual:
        return {"widget": "bilingual"}
    if _is_union(annotation):  # e.g. a publisher: one name, or a name in each language
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if Bilingual in members and any(_is_text(a) for a in members):
            return {"widget": "bilingual", "allow_single": True}
    if _is_model(annotation):
        return {"widget": "object", "collapsed": False, "fields": model_fields(annotation, lang, refs)}
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation in (int, float):
        return {"widget": "number", "value_type": "int" if annotation is int else "float"}
    if _is_date(annotation) or _is_date_field(info):
        return {"widget": "string", "pattern": [DATE_PATTERN, ui_text("date_pattern", lang)]}
    return {"widget": "string"}


def reference_options(data_by_file: dict[str, Any]) -> ReferenceOptions:
    """The ids each namespace defines in the raw YAML data of every content file."""
    found: dict[str, list[str]] = {}

    def walk(node: Any, key: str | None) -> None:
        if isinstance(node, dict):
            for child_key, child in node.items():
                walk(child, str(child_key))
        elif isinstance(node, list):
            namespace = _ID_NAMESPACES.get(key or "")
            for item in node:
                if namespace and isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids = found.setdefault(namespace, [])
                    if item["id"] not in ids:
                        ids.append(item["id"])
                walk(item, None)

    for data in data_by_file.values():
        walk(data, None)
    return found


def _bilingual_parts(lang: str) -> list[dict[str, Any]]:
    return [{"name": code, "label": field_label(code, lang), "widget": "text"} for code in ("fr", "en")]


def _summary(model: type[BaseModel]) -> str:
    fields = model.model_fields
    if "id" in fields:
        return "{{fields.id}}"
    if "figure" in fields:
        return "{{fields.figure}}"
    if "value" in fields and "source" in fields:  # a figure's report
        return "{{fields.standing}} · {{fields.value}} · {{fields.source}} · {{fields.as_of}}"
    return ""


def _options(values: list[str]) -> list[str]:
    # Decap refuses a select without options; an empty namespace still gets a usable widget.
    return list(values) or [""]


def _min_length(info: FieldInfo) -> int:
    for meta in info.metadata:
        if getattr(meta, "min_length", None):
            return int(meta.min_length)
    return 0


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if _is_union(annotation):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # type: ignore[return-value]
    return annotation, False


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (Union, types.UnionType)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_text(annotation: Any) -> bool:
    return annotation is str or typing.get_origin(annotation) is typing.Annotated and typing.get_args(annotation)[0] is str


def _is_date_field(info: FieldInfo) -> bool:
    return any(getattr(getattr(meta, "func", None), "__name__", "") == "_check_date" for meta in info.metadata)


def _is_date(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Annotated and any(
        getattr(meta, "func", None).__name__ == "_check_date" for meta in typing.get_args(annotation)[1:]
        if getattr(meta, "func", None) is not None
    )
