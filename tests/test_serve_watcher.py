"""``mkdocs serve`` (and ``properdocs serve``) notice a saved file sooner: the server's polling
observer is swapped for one that polls every 0.2 s, every watch carried over and working."""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import pytest
from watchdog.observers.polling import PollingObserver

from campus_ia.mkdocs_plugin.watcher import POLL_SECONDS, poll_faster


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_every_watch_moves_to_a_faster_observer_and_still_fires(engine: str, tmp_path: Path) -> None:
    server_class = importlib.import_module(f"{engine}.livereload").LiveReloadServer
    docs, content, config = tmp_path / "docs", tmp_path / "content", tmp_path / "mkdocs.yml"
    for folder in (docs, content):
        folder.mkdir()
        (folder / "page.md").write_text("one", encoding="utf-8")
    config.write_text("site_name: x\n", encoding="utf-8")
    server = server_class(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    for path in (docs, config, content, content):  # content twice: the server counts watches
        server.watch(str(path))
    before = dict(server._watched_paths)
    old = server.observer

    assert poll_faster(server)

    assert server.observer is not old and isinstance(server.observer, PollingObserver)
    assert server.observer.timeout == POLL_SECONDS < old.timeout
    assert server._watched_paths == before
    assert not old.emitters  # nothing left on the observer that will never start
    server.observer.start()
    try:
        for changed in (content / "page.md", config, docs / "page.md"):
            server._want_rebuild = False
            time.sleep(0.05)
            changed.write_text(f"changed {time.monotonic()}", encoding="utf-8")
            deadline = time.monotonic() + 10
            while not server._want_rebuild and time.monotonic() < deadline:
                time.sleep(0.02)
            assert server._want_rebuild, f"no rebuild asked after {changed.name} changed"
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_started_or_unknown_observer_is_left_alone(tmp_path: Path) -> None:
    class Server:
        observer = object()

    assert not poll_faster(Server())


def test_collector_thresholds_are_raised_for_a_build_and_put_back() -> None:
    import gc

    from campus_ia.mkdocs_plugin.gc_tuning import BUILD_THRESHOLDS, FewerCollections

    before = gc.get_threshold()
    tuning = FewerCollections()
    tuning.start()
    try:
        assert gc.get_threshold()[0] >= BUILD_THRESHOLDS[0] > before[0]
        tuning.start()  # a second start (serve's next build) keeps the first saved values
    finally:
        tuning.stop()
    assert gc.get_threshold() == before
    tuning.stop()  # stopping twice changes nothing
    assert gc.get_threshold() == before
