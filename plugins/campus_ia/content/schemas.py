"""Publish the content models as JSON Schema files for editors (VS Code, etc.)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import FILE_MODELS


def schema_documents() -> dict[str, str]:
    """File name -> JSON Schema text, one per content file."""
    documents: dict[str, str] = {}
    for stem, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{stem}.schema.json",
            "title": f"content/{stem}.yml",
            **{k: v for k, v in schema.items() if k != "title"},
        }
        documents[f"{stem}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return documents


def write_schemas(target: Path) -> list[Path]:
    """Write every schema into ``target`` (``content/schemas``); returns the paths written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
