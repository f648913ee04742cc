"""Compiled Jinja templates kept between builds, as Python keeps ``.pyc`` files.

Every build used to compile our page templates and Material's theme templates again:
about a third of a second of a build's fixed cost, for the same output each time.
:func:`compiled_templates` is a Jinja bytecode cache in two layers: memory, for the
rebuilds of one ``mkdocs serve``, then a folder of the project that the plugin names
(:data:`CACHE_FOLDER`, where Material keeps its plugins' caches too), for the next
process. Until a folder is named (the ``campus-ia`` command), memory only.

An entry is found by the template's name and file and by the settings of the
environment that compiled it (:func:`environment_fingerprint`): the compiled code
depends on them (delimiters, whitespace options, extensions, whether a filter exists
and what it is passed), so an environment set up differently never gets another's
code. Jinja checks the source's checksum and its own version on top, so an edited
template, or a new Jinja, is compiled afresh. The cache holds compiled code only,
never output, and may be deleted at any time, even during ``mkdocs serve``.
"""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import jinja2.bccache

log = logging.getLogger("mkdocs.plugins.campus_ia.bytecode_cache")

CACHE_FOLDER = PurePosixPath(".cache/plugin/campus-ia/templates")
"""Where, under the project's folder, compiled templates are kept."""


class LayeredBytecodeCache(jinja2.BytecodeCache):
    """Memory first, then (if any) a folder shared with later processes."""

    def __init__(self, folder: Path | None = None) -> None:
        self._memory: dict[str, bytes] = {}
        self._disk: jinja2.FileSystemBytecodeCache | None = None
        self._folder: Path | None = None
        if folder is not None:
            self.keep_in(folder)

    def keep_in(self, folder: Path | None) -> None:
        """Keep compiled templates in ``folder`` too (made when first needed); None: memory only."""
        folder = Path(folder) if folder is not None else None
        if folder == self._folder:
            return
        self._folder = folder
        self._disk = jinja2.FileSystemBytecodeCache(str(folder)) if folder is not None else None

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        key = hashlib.sha1(
            f"{environment_fingerprint(environment)}\0{name}\0{filename or ''}".encode("utf-8")
        ).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._memory.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        if self._disk is not None:
            try:
                self._disk.load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged entry is compiled again
                bucket.reset()
            if bucket.code is not None:
                self._memory[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._memory[bucket.key] = bucket.bytecode_to_string()
        if self._disk is None or self._folder is None:
            return
        try:
            # Made here, not once: someone may have deleted the folder since the last template.
            self._folder.mkdir(parents=True, exist_ok=True)
            self._disk.dump_bytecode(bucket)
        except OSError as exc:  # a full or read-only disk: keep working from memory
            log.debug("Cannot keep compiled templates in %s: %s", self._folder, exc)
            self._disk = None

    def clear(self) -> None:
        self._memory.clear()
        if self._disk is not None:
            self._disk.clear()


def environment_fingerprint(environment: jinja2.Environment) -> str:
    """What of an environment's set-up goes into the code it compiles, as one string.

    Globals are looked up when a template runs, so they are left out; a filter's or a
    test's presence and what it is passed (context, environment...) are decided when the
    template is compiled, so they are in.
    """
    return hashlib.sha1(repr(_settings(environment)).encode("utf-8")).hexdigest()


def _settings(environment: jinja2.Environment) -> tuple[Any, ...]:
    return (
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.is_async,
        _callable_name(environment.autoescape), _callable_name(environment.finalize),
        tuple(sorted(environment.extensions)),
        tuple(sorted((name, _passes(f)) for name, f in environment.filters.items())),
        tuple(sorted((name, _passes(f)) for name, f in environment.tests.items())),
    )


def _callable_name(value: Any) -> Any:
    if callable(value):
        return (getattr(value, "__module__", ""), getattr(value, "__qualname__", type(value).__qualname__), _passes(value))
    return value


def _passes(function: Any) -> str:
    """What ``@pass_context`` and its kin marked the function with (what the compiled call passes)."""
    return str(getattr(function, "jinja_pass_arg", ""))


@lru_cache(maxsize=None)
def compiled_templates() -> LayeredBytecodeCache:
    """The process's cache of compiled templates (one for every environment: keys differ)."""
    return LayeredBytecodeCache()
