"""Compiled Jinja templates kept between builds, as Python keeps ``.pyc`` files.

Every build used to compile our page templates and Material's theme templates again:
about a third of a second of a build's fixed cost, for the same output each time.
:func:`compiled_templates` is a Jinja bytecode cache in two layers: memory, for the
rebuilds of one ``mkdocs serve``, then Jinja's own ``FileSystemBytecodeCache`` (a
folder only this user may use, under the system's temporary folder), for the next
process. Jinja keys each entry by template name and checks the source's checksum and
its own version, so an edited template, or a new Jinja, is compiled afresh; the cache
holds compiled code only, never output. Where that folder cannot be used, memory only.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jinja2
import jinja2.bccache

log = logging.getLogger("mkdocs.plugins.campus_ia.bytecode_cache")


class LayeredBytecodeCache(jinja2.BytecodeCache):
    """Memory first, then (if any) a folder shared with later processes."""

    def __init__(self, disk: jinja2.BytecodeCache | None) -> None:
        self._memory: dict[str, bytes] = {}
        self._disk = disk

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
        if self._disk is not None:
            try:
                self._disk.dump_bytecode(bucket)
            except OSError as exc:  # a full or read-only disk: keep working from memory
                log.debug("Cannot keep compiled templates on disk: %s", exc)
                self._disk = None


@lru_cache(maxsize=None)
def compiled_templates() -> LayeredBytecodeCache:
    """The process's cache of compiled templates (one for every environment: keys differ)."""
    try:
        disk: jinja2.BytecodeCache | None = jinja2.FileSystemBytecodeCache(pattern="campus-ia-%s.cache")
    except (OSError, RuntimeError) as exc:  # Jinja refuses a folder it does not own
        log.debug("Compiled templates kept in memory only: %s", exc)
        disk = None
    return LayeredBytecodeCache(disk)
