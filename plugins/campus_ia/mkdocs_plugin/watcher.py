"""``mkdocs serve`` notices a saved file within 0.2 s instead of 0.5 s.

MkDocs (and ProperDocs) watch files with watchdog's polling observer, checking every
0.5 s, and offer no setting for it: an editor waits a quarter of a second on average,
half a second at worst, before the rebuild even starts. :func:`poll_faster` gives the
server a polling observer that checks every ``POLL_SECONDS`` and moves every watch
onto it through the server's own ``unwatch``/``watch``, before the server starts it.
Polling a content folder, a locales folder and the Markdown pages that often costs
little; the native (inotify) observer would be quicker still but fails where polling
does not (network and container file systems), which is why MkDocs polls.
If the server does not look as expected, it is left as it is.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("mkdocs.plugins.campus_ia")

POLL_SECONDS = 0.2


def poll_faster(server: Any, seconds: float = POLL_SECONDS) -> bool:
    """Swap the server's observer for one polling every ``seconds``; True if it was done."""
    try:
        from watchdog.observers.polling import PollingObserver
    except ImportError:  # pragma: no cover - MkDocs depends on watchdog
        return False
    observer = getattr(server, "observer", None)
    if not isinstance(observer, PollingObserver) or observer.is_alive():
        return False
    # What the server watches, and how many times (its own record; watchdog's emitters name
    # a watched file's folder, not the file).
    counts = getattr(server, "_watched_paths", None)
    if not isinstance(counts, dict) or not all(hasattr(server, name) for name in ("watch", "unwatch")):
        return False
    recursive = {emitter.watch.path: emitter.watch.is_recursive for emitter in observer.emitters}
    moved: list[tuple[str, bool, int]] = []
    try:
        for path, count in list(counts.items()):
            for _ in range(count):
                server.unwatch(path)
            moved.append((path, recursive.get(path, True), count))
        server.observer = PollingObserver(timeout=seconds)
    except Exception:  # noqa: BLE001 - a server that works differently keeps its own observer
        log.debug("Could not speed up the file watcher", exc_info=True)
        server.observer = observer
        for path, recursive, count in moved:
            for _ in range(count):
                server.watch(path, recursive=recursive)
        return False
    for path, recursive, count in moved:
        for _ in range(count):
            server.watch(path, recursive=recursive)
    return True
