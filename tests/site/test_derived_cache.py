"""Downloads and generated pages kept between builds: reused only for the very same inputs."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from campus_ia.content import ContentError
from campus_ia.site import assembly as site_assembly
from campus_ia.site import derived_cache
from campus_ia.site.assembly import SiteAssembly
from campus_ia.site.derived_cache import DERIVED_CACHE_FOLDER, DerivedCache
from tests.support.build import build, copy_project
from tests.support.content_edits import lead_value_edit


def _inputs(tmp_path: Path) -> list[Path]:
    content, locales = tmp_path / "content", tmp_path / "locales"
    content.mkdir()
    locales.mkdir()
    (content / "campus.yml").write_text("a: 1\n", encoding="utf-8")
    (locales / "fr.po").write_text('msgid "a"\n', encoding="utf-8")
    return [content, locales]


class _Maker:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, bytes]:
        self.calls += 1
        return {"data/a.csv": f"made {self.calls}".encode(), "data/b.json": b"{}"}


@pytest.fixture(autouse=True)
def _a_new_process() -> None:
    """Each test starts as a new process would: nothing kept in memory."""
    derived_cache._MEMORY.clear()
    site_assembly._LAST_LOADED.clear()


def test_a_later_process_reads_the_bundle_instead_of_making_it(tmp_path: Path) -> None:
    inputs, folder, make = _inputs(tmp_path), tmp_path / "kept", _Maker()
    first = DerivedCache(folder, inputs).bundle("downloads", make)
    derived_cache._MEMORY.clear()
    again = DerivedCache(folder, inputs).bundle("downloads", make)
    assert make.calls == 1
    assert again == first and list(again) == list(first)  # the same files, in the same order


@pytest.mark.parametrize("change", ["edit", "add", "rename", "remove"])
def test_any_change_to_an_input_folder_makes_it_afresh(tmp_path: Path, change: str) -> None:
    inputs, folder, make = _inputs(tmp_path), tmp_path / "kept", _Maker()
    DerivedCache(folder, inputs).bundle("downloads", make)
    content_file = inputs[0] / "campus.yml"
    if change == "edit":
        content_file.write_text("a: 2\n", encoding="utf-8")
    elif change == "add":
        (inputs[1] / "en.po").write_text('msgid "a"\n', encoding="utf-8")
    elif change == "rename":
        content_file.rename(inputs[0] / "site.yml")
    else:
        content_file.unlink()
    made = DerivedCache(folder, inputs).bundle("downloads", make)
    assert make.calls == 2 and made["data/a.csv"] == b"made 2"
    derived_cache._MEMORY.clear()
    assert DerivedCache(folder, inputs).bundle("downloads", make)["data/a.csv"] == b"made 2"
    assert make.calls == 2


def test_another_day_or_another_kind_is_made_afresh(tmp_path: Path) -> None:
    inputs, folder, make = _inputs(tmp_path), tmp_path / "kept", _Maker()
    cache = DerivedCache(folder, inputs)
    cache.bundle("pages", make, also="2026-12-01")
    cache.bundle("pages", make, also="2026-12-01")
    assert make.calls == 1
    cache.bundle("pages", make, also="2026-12-02")
    cache.bundle("downloads", make, also="2026-12-02")
    assert make.calls == 3


def test_a_change_to_the_sites_code_or_templates_makes_it_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "package"
    (package / "templates").mkdir(parents=True)
    template = package / "templates" / "facts.md.j2"
    template.write_text("{{ a }}\n", encoding="utf-8")
    monkeypatch.setattr(derived_cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(derived_cache, "_PACKAGE", {})
    inputs, folder, make = _inputs(tmp_path), tmp_path / "kept", _Maker()
    DerivedCache(folder, inputs).bundle("downloads", make)
    template.write_text("{{ b }}\n", encoding="utf-8")  # same size: the bytes decide, not only the size
    os.utime(template, ns=(template.stat().st_atime_ns, template.stat().st_mtime_ns + 1_000_000))
    DerivedCache(folder, inputs).bundle("downloads", make)
    assert make.calls == 2


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04 not a whole zip", None])
def test_a_damaged_or_missing_bundle_is_made_again(tmp_path: Path, damage: bytes | None) -> None:
    inputs, folder, make = _inputs(tmp_path), tmp_path / "kept", _Maker()
    DerivedCache(folder, inputs).bundle("downloads", make)
    bundle = folder / "downloads.zip"
    if damage is None:
        bundle.unlink()
    else:
        bundle.write_bytes(damage)
    derived_cache._MEMORY.clear()
    assert DerivedCache(folder, inputs).bundle("downloads", make)["data/a.csv"] == b"made 2"


def test_a_content_edit_reaches_the_next_builds_downloads_and_pages(tmp_path: Path, assembly: SiteAssembly) -> None:
    """The real build: a figure changed between two builds is in the second build's files."""
    shipped_content = assembly.content
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    done = build(project, site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (project / DERIVED_CACHE_FOLDER / "downloads.zip").is_file()
    figure = shipped_content.capacity.site_power.figure
    lead = shipped_content.figures[figure].lead
    new = lead.value * 2 + 1
    file, old, changed = lead_value_edit(shipped_content, figure, new)
    path = project / "content" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, changed, 1), encoding="utf-8")
    done = build(project, site)
    assert done.returncode == 0, done.stderr[-3000:]
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert next(f for f in facts["figures"] if f["id"] == figure)["value"] == new
    page = next(p for p in facts["figures"] if p["id"] == figure)["url"]["en"]
    html = (site / page.split("#")[0].lstrip("/") / "index.html").read_text(encoding="utf-8")
    shown = next(f for f in facts["figures"] if f["id"] == figure)["display"]["en"]
    assert shown in html


def test_a_bundle_made_while_its_inputs_changed_is_used_but_not_kept(tmp_path: Path) -> None:
    """An editor saving during a build: the bundle was made from files the digest does not stand for."""
    inputs, folder = _inputs(tmp_path), tmp_path / "kept"
    cache = DerivedCache(folder, inputs)
    cache.digest()  # taken before the content is read, as SiteAssembly.load does

    def make_while_saved() -> dict[str, bytes]:
        (inputs[0] / "campus.yml").write_text("a: 2\n", encoding="utf-8")
        return {"data/a.csv": b"made from a: 1"}

    assert cache.bundle("downloads", make_while_saved) == {"data/a.csv": b"made from a: 1"}
    assert not (folder / "downloads.zip").exists() and derived_cache._MEMORY == {}
    make = _Maker()
    assert DerivedCache(folder, inputs).bundle("downloads", make)["data/a.csv"] == b"made 1"


def test_two_threads_asking_for_the_same_bundle_make_it_once(tmp_path: Path) -> None:
    inputs, folder = _inputs(tmp_path), tmp_path / "kept"
    started, release, calls = threading.Event(), threading.Event(), []

    def slow_make() -> dict[str, bytes]:
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(30)
        return {"data/a.csv": b"made once"}

    results: dict[str, dict[str, bytes]] = {}

    def ask(name: str) -> None:
        results[name] = DerivedCache(folder, inputs).bundle("downloads", slow_make)

    first = threading.Thread(target=ask, args=("first",), name="first")
    first.start()
    assert started.wait(30)
    second = threading.Thread(target=ask, args=("second",), name="second")
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the first, not making it too
    release.set()
    first.join(30)
    second.join(30)
    assert calls == ["first"] and results["first"] == results["second"] == {"data/a.csv": b"made once"}


def test_a_site_loaded_again_from_the_same_files_is_the_same_until_one_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    kept = project / DERIVED_CACHE_FOLDER

    def load() -> SiteAssembly:
        return SiteAssembly.load(project / "content", project / "locales", root=project, keep_derived_in=kept)

    first = load()
    assert load() is first  # a serve rebuild without a content change reads and checks nothing again
    assert SiteAssembly.load(project / "content", project / "locales", root=project) is not first
    campus = project / "content" / "campus.yml"
    campus.write_text(campus.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = load()
    assert second is not first
    (project / "content" / "stray").mkdir()  # refused by the load: a new folder is a change too
    with pytest.raises(ContentError, match="stray"):
        load()
