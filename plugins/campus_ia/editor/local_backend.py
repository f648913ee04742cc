"""The editor's local backend: Decap CMS's proxy protocol (``POST /api/v1``) over the project folder.

It answers the actions Decap's ``proxy`` backend sends (the protocol ``decap-server``
implements): ``info``, ``entriesByFolder``, ``entriesByFiles``, ``getEntry``,
``persistEntry``, ``deleteFiles``, ``getMedia``, ``getMediaFile``, ``persistMedia``.
Only ``content/*.yml`` and ``docs/{fr,en}/*.md`` (and images under ``docs/assets/images``)
can be read or written; every save is checked first (``save_check``) and refused,
with the problems located by field, when ``campus-ia check`` would fail.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..content.model import FILE_MODELS
from ..translations.freshness import split_front_matter
from .save_check import check_save, explain, write_atomically

_EDITABLE = [
    re.compile(rf"^content/({'|'.join(FILE_MODELS)})\.yml$"),
    re.compile(r"^docs/(fr|en)/[a-z0-9][a-z0-9-]*\.md$"),
]
_MEDIA = re.compile(r"^docs/assets/images/[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|svg|webp)$")


class Refused(Exception):
    """A request the backend will not carry out; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class LocalBackend:
    """Carries out the editor's actions on ``project`` (the folder holding content/ and docs/)."""

    project: Path

    def handle(self, action: str, params: dict[str, Any], lang: str) -> Any:
        """The JSON answer to one action; raises ``Refused`` for anything not allowed."""
        if action == "info":
            return {"repo": self.project.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            folder = self._editable_folder(str(params.get("folder", "")))
            extension = str(params.get("extension", "md"))
            return [self._entry(f"{folder}/{p.name}") for p in sorted((self.project / folder).glob(f"*.{extension}"))
                    if self._allowed(f"{folder}/{p.name}")]
        if action == "entriesByFiles":
            return [self._entry(self._editable(str(f.get("path", "")))) for f in params.get("files", [])
                    if (self.project / self._editable(str(f.get("path", "")))).is_file()]
        if action == "getEntry":
            return self._entry(self._editable(str(params.get("path", ""))))
        if action == "persistEntry":
            return self._persist(params, lang)
        if action == "deleteFiles":
            raise Refused("deleting files is not done from the editor" if lang == "en"
                          else "la suppression de fichiers ne se fait pas depuis l’éditeur", 403)
        if action == "getMedia":
            folder = self.project / "docs/assets/images"
            return [self._media(f"docs/assets/images/{p.name}") for p in sorted(folder.glob("*"))
                    if _MEDIA.match(f"docs/assets/images/{p.name}")] if folder.is_dir() else []
        if action == "getMediaFile":
            return self._media(self._media_path(str(params.get("path", ""))))
        if action == "persistMedia":
            asset = params.get("asset") or {}
            path = self._media_path(str(asset.get("path", "")))
            (self.project / path).parent.mkdir(parents=True, exist_ok=True)
            (self.project / path).write_bytes(base64.b64decode(str(asset.get("content", ""))))
            return self._media(path)
        raise Refused(f"unsupported action '{action}'", 422)

    def _persist(self, params: dict[str, Any], lang: str) -> dict[str, str]:
        files = params.get("dataFiles") or []
        if len(files) != 1:
            raise Refused("save one file at a time", 422)
        entry = files[0]
        relative = self._editable(str(entry.get("newPath") or entry.get("path", "")))
        text = _tidy(relative, str(entry.get("raw", "")), self.project)
        problems = check_save(self.project, relative, text)
        if problems:
            raise Refused(explain(problems, lang), 422)
        write_atomically(self.project / relative, text)
        return {"message": "entry persisted"}

    def _entry(self, relative: str) -> dict[str, Any]:
        path = self.project / relative
        if not path.is_file():
            raise Refused(f"{relative}: no such file", 404)
        return {"data": path.read_text(encoding="utf-8-sig"), "file": {"path": relative, "id": relative}}

    def _media(self, relative: str) -> dict[str, str]:
        path = self.project / relative
        if not path.is_file():
            raise Refused(f"{relative}: no such file", 404)
        return {"id": relative, "name": path.name, "path": relative, "encoding": "base64",
                "content": base64.b64encode(path.read_bytes()).decode("ascii")}

    def _allowed(self, relative: str) -> bool:
        return any(pattern.match(relative) for pattern in _EDITABLE)

    def _editable(self, relative: str) -> str:
        """``relative`` if the editor may touch it; otherwise refused (outside content/ and docs/)."""
        clean = _normalised(relative)
        if not self._allowed(clean):
            raise Refused(f"'{relative}' is not a content file or a page the editor may change", 403)
        return clean

    def _editable_folder(self, folder: str) -> str:
        clean = _normalised(folder)
        if clean not in ("docs/fr", "docs/en"):
            raise Refused(f"'{folder}' is not a folder the editor may list", 403)
        return clean

    def _media_path(self, relative: str) -> str:
        clean = _normalised(relative)
        if not _MEDIA.match(clean):
            raise Refused(f"'{relative}' is not an image under docs/assets/images", 403)
        return clean


class _PlainDumper(yaml.SafeDumper):
    """Writes dates as they were typed (2025-05-19, not '2025-05-19'): the content keeps them as text.
    Lists are indented under their key, as in the shipped files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_PlainDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _one_line_values(text: str) -> str:
    """The CMS's YAML written again with one line per value (the CMS folds long texts at 80
    characters, which makes every later change to a paragraph a many-line difference)."""
    try:
        data = yaml.load(text, Loader=_TextDates)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return text  # the save check reports it, located
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=1_000_000)


class _TextDates(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, as the content loader does."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _normalised(relative: str) -> str:
    path = PurePosixPath(relative.lstrip("/"))
    if ".." in path.parts or "\\" in relative:
        raise Refused(f"'{relative}' points outside the project", 403)
    return path.as_posix()


def _tidy(relative: str, raw: str, project: Path) -> str:
    """What the editor sent, as a person would have written it.

    A content file keeps the comment lines that opened it (the schema line for code
    editors, the file's explanation): the CMS rewrites the YAML and drops comments. A page
    loses an empty front matter block (the CMS writes one even when no field is set).
    """
    text = raw if raw.endswith("\n") else raw + "\n"
    path = project / relative
    if relative.endswith(".yml"):
        text = _one_line_values(text)
    if relative.endswith(".yml") and path.is_file():
        header = []
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        if header and not text.startswith("#"):
            text = "\n".join(header) + "\n" + text
    if relative.endswith(".md"):
        block, body = split_front_matter(text)
        lines = [line for line in block.splitlines()[1:-1] if line.strip()
                 and not re.match(r"^\w+:\s*(''|\"\"|null)?\s*$", line)  # empty fields
                 and not line.startswith("page:")]  # the new page's address: its file name says it
        text = ("---\n" + "\n".join(lines) + "\n---\n\n" + body.lstrip("\n")) if lines else body.lstrip("\n")
    return text
