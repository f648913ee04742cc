"""``mkdocs serve``: start on a rebuild's work as soon as a content or locales file is saved.

MkDocs' server polls for changes every 0.5 s and offers no setting for it, so a
rebuild starts a third of a second after a save on average. This watcher (watchdog's
native observer, which MkDocs depends on) hears the save at once and, after
``QUIET`` seconds without another write, runs ``make`` in its own thread:
:func:`campus_ia.site.made_ahead.make_ahead`, whose bundles the rebuild then finds.
It changes nothing MkDocs does: where the native observer cannot watch (some network
or container file systems, the reason MkDocs polls), the rebuild simply makes
everything itself, as before.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable, Iterable

from watchdog.events import (EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                             EVENT_TYPE_MOVED, FileSystemEvent, FileSystemEventHandler)

log = logging.getLogger("mkdocs.plugins.campus_ia")

QUIET = 0.03
"""Seconds without another write before starting: a save can be several writes."""

_WRITES = frozenset({EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                     EVENT_TYPE_MOVED})
"""What a save does (not opening or reading a file: ``make`` itself reads every one)."""


class AheadOfRebuild(FileSystemEventHandler):
    """Runs ``make`` once the watched folders have been quiet for ``QUIET`` seconds after a write."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._changed = threading.Condition()
        self._pending = False
        self._stopped = False
        self._observer: Any = None
        self.runs = 0  # completed runs of ``make`` (for tests)

    def start(self, folders: Iterable[Path]) -> bool:
        """Watch ``folders``; False (and nothing started) where the native observer cannot."""
        # Imported here: slow (40 ms: inotify through ctypes), and only `mkdocs serve` watches.
        from watchdog.observers import Observer

        observer = Observer()
        try:
            for folder in folders:
                if folder.is_dir():
                    observer.schedule(self, str(folder), recursive=True)
            observer.daemon = True
            observer.start()
        except OSError as exc:  # e.g. no inotify watches left: the rebuild does the work
            log.debug("Not watching content for early rebuild work: %s", exc)
            return False
        self._observer = observer
        threading.Thread(target=self._run, name="campus-ia-ahead", daemon=True).start()
        return True

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
        if self._observer is not None:
            self._observer.stop()
            self._observer = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _WRITES:
            return
        with self._changed:
            self._pending = True
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._stopped)
                # Quiet for QUIET seconds: each new write starts the wait again.
                while self._pending and not self._stopped:
                    self._pending = False
                    self._changed.wait(QUIET)
                if self._stopped:
                    return
            try:
                self._make()
            except Exception:  # noqa: BLE001 - the rebuild makes (and reports) all of it anyway
                log.debug("Early rebuild work failed", exc_info=True)
            self.runs += 1
