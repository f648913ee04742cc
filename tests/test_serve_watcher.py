"""``mkdocs serve`` (and ``properdocs serve``) rebuild when content/ or locales/ change.

The plugin asks the server to watch both folders through ``server.watch()`` in
``on_serve``, MkDocs' documented way; the server's own polling (every 0.5 s) does the
rest. ``benchmarks/run.py`` measures how long an edit takes to reach the preview.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from campus_ia.mkdocs_plugin.ahead_of_rebuild import AheadOfRebuild
from tests.support.build import copy_project
from tests.support.serve import serving


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _page_url(project: Path, page_id: str, lang: str) -> str:
    """The address of a page, from content/site.yml (``slug`` per language)."""
    site = yaml.safe_load((project / "content" / "site.yml").read_text(encoding="utf-8"))
    slug = next(p["slug"][lang] for p in site["pages"] if p["id"] == page_id)
    return f"{lang}/{slug}/" if slug else f"{lang}/"


def _wait(check, what: str, log: Path, timeout: float = 90):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"{what} within {timeout} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_an_edit_to_content_reaches_the_preview(engine: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    campus = project / "content" / "campus.yml"
    data = yaml.safe_load(campus.read_text(encoding="utf-8"))
    token = f"Edited{uuid.uuid4().hex[:8]}"
    log = tmp_path / "serve.log"
    with serving(project, log, engine=engine) as preview:
        url = preview.url + _page_url(project, "partners", "en")  # shows campus.summary
        first = _wait(lambda: _get(url), "the preview did not answer", log)
        assert token not in first and data["campus"]["summary"]["en"].split()[0] in first
        time.sleep(1)  # the watcher has taken its first look at the files

        data["campus"]["summary"]["en"] += f" {token}."
        campus.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _wait(lambda: token in (_get(url) or ""), "the edit to content/campus.yml never reached the preview", log)


def test_the_plugin_watches_content_and_locales_through_the_servers_own_method(tmp_path: Path) -> None:
    from mkdocs.livereload import LiveReloadServer

    from campus_ia.mkdocs_plugin.plugin import CampusPlugin

    class Server(LiveReloadServer):
        """MkDocs' server, recording what it is asked to watch (and nothing else touched)."""

        def __init__(self) -> None:
            super().__init__(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
            self.asked: list[str] = []

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            self.asked.append(path)
            super().watch(path, recursive=recursive)

    for folder in ("content", "locales"):
        (tmp_path / folder).mkdir()
    plugin = CampusPlugin()
    plugin.load_config({})
    plugin.project_dir = tmp_path
    server = Server()
    observer = server.observer
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), site_url=None)  # what on_serve reads of it
    assert plugin.on_serve(server, config=config, builder=lambda: None) is server  # type: ignore[arg-type]
    assert sorted(server.asked) == sorted(str(tmp_path / f) for f in ("content", "locales"))
    assert server.observer is observer  # MkDocs' own observer, as MkDocs set it up
    assert plugin.ahead is not None  # and our own watcher, for the work made ahead of a rebuild
    plugin.on_shutdown()
    assert plugin.ahead is None


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


def _runs_after(ahead, action, timeout: float = 30) -> int:  # noqa: ANN001
    """The number of runs of ``make`` once ``action`` is done and the watcher has had time to react."""
    before = ahead.runs
    action()
    deadline = time.monotonic() + timeout
    while ahead.runs == before and time.monotonic() < deadline:
        time.sleep(0.02)
    return ahead.runs - before


def test_a_saved_content_file_starts_the_rebuilds_work_and_reading_one_does_not(tmp_path: Path) -> None:
    content, locales = tmp_path / "content", tmp_path / "locales"
    content.mkdir()
    locales.mkdir()
    (content / "campus.yml").write_text("a: 1\n", encoding="utf-8")
    made: list[str] = []
    ahead = AheadOfRebuild(lambda: made.append((content / "campus.yml").read_text(encoding="utf-8")))
    assert ahead.start([content, locales])
    try:
        assert _runs_after(ahead, lambda: (content / "campus.yml").write_text("a: 2\n", encoding="utf-8")) == 1
        assert made == ["a: 2\n"]  # what was saved, read by make itself without starting it again
        assert _runs_after(ahead, lambda: (content / "campus.yml").read_bytes(), timeout=1) == 0
        (locales / "fr").mkdir()  # a new folder alone is no save
        assert _runs_after(ahead, lambda: (locales / "fr" / "site.po").write_text("#\n", encoding="utf-8")) == 1
    finally:
        ahead.stop()
    assert _runs_after(ahead, lambda: (content / "campus.yml").write_text("a: 3\n", encoding="utf-8"), timeout=1) == 0
