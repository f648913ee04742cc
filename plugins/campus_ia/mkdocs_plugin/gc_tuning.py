"""Fewer garbage-collector passes while a build runs.

A build allocates millions of short-lived objects (Markdown trees, template contexts)
while holding a few hundred thousand long-lived ones (content, configuration, modules).
With CPython's default thresholds (a young-generation pass every 700 allocations net),
the collector walks them again and again: measured on a 200-page-per-language site,
about 0.2 s of a 3.5 s build, against 0.05 s with a young pass every 10,000. The
thresholds are raised for the build and put back after it (or after a failed build),
so ``mkdocs serve`` idles with the defaults. Nothing else changes: every cycle is
still collected, a little later.
"""

from __future__ import annotations

import gc

BUILD_THRESHOLDS = (10_000, 20, 20)


class FewerCollections:
    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()  # type: ignore[assignment]
            gc.set_threshold(*(max(a, b) for a, b in zip(BUILD_THRESHOLDS, self._saved)))

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
