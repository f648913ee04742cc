"""Compiled templates kept between builds: reused while the source and the environment's
set-up are the same, never after either changes; the folder may be deleted at any time."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from jinja2 import pass_context
from jinja2.ext import Extension
from jinja2.runtime import Context
from markupsafe import Markup

from campus_ia.pages.bytecode_cache import CACHE_FOLDER, LayeredBytecodeCache
from campus_ia.sharing import CHART_CACHE_FOLDER
from tests.support.build import build, copy_project


def _environment(templates: Path, cache: LayeredBytecodeCache, **settings: object) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache, **settings)


def _compiles(env: jinja2.Environment) -> list[str]:
    seen: list[str] = []
    real = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):  # noqa: A001
        seen.append(name)
        return real(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return seen


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


def test_a_later_process_reuses_the_compiled_template_until_it_is_edited(templates: Path, tmp_path: Path) -> None:
    disk = tmp_path / "cache" / "templates"  # made by the cache itself
    page = templates / "page.html"
    page.write_text("Hello {{ name }}", encoding="utf-8")

    first = _environment(templates, LayeredBytecodeCache(disk))
    compiled = _compiles(first)
    assert first.get_template("page.html").render(name="Fouju") == "Hello Fouju"
    assert compiled == ["page.html"] and len(list(disk.iterdir())) == 1

    # A new process: a new environment and memory layer, the same folder.
    later = _environment(templates, LayeredBytecodeCache(disk))
    compiled = _compiles(later)
    assert later.get_template("page.html").render(name="Melun") == "Hello Melun"
    assert compiled == []

    page.write_text("Bonjour {{ name }}", encoding="utf-8")
    edited = _environment(templates, LayeredBytecodeCache(disk))
    compiled = _compiles(edited)
    assert edited.get_template("page.html").render(name="Fouju") == "Bonjour Fouju"
    assert compiled == ["page.html"]


class Shout(Extension):
    """An extension that changes the source before it is compiled."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return source.replace("hello", "HELLO")


def _shout(text: str) -> str:
    return text.upper()


@pass_context
def _shout_with_mark(context: Context, text: str) -> str:
    return text.upper() + context["mark"]


@pytest.mark.parametrize(
    ("source", "before", "after"),
    [
        ("{% if true %}\nhello{% endif %}", {"trim_blocks": False}, {"trim_blocks": True}),
        ("{{ '<i>' }}", {"autoescape": False}, {"autoescape": True}),
        ("{{ 1 }}[[ 2 ]]", {}, {"variable_start_string": "[[", "variable_end_string": "]]"}),
        ("hello", {}, {"extensions": [Shout]}),
        ("{{ 'a' | shout if true else '' }}", {}, {"filters": {"shout": _shout}}),
        ("{{ 'a' | shout }}", {"filters": {"shout": _shout}}, {"filters": {"shout": _shout_with_mark}}),
    ],
    ids=["trim_blocks", "autoescape", "delimiters", "extension", "filter-added", "filter-takes-context"],
)
def test_an_environment_set_up_differently_never_gets_the_old_code(
    templates: Path, tmp_path: Path, source: str, before: dict, after: dict
) -> None:
    """What the compiled code depends on is part of its key: the same source, another set-up, compiled afresh."""
    (templates / "page.html").write_text(source, encoding="utf-8")

    def render(settings: dict, cache: LayeredBytecodeCache | None) -> tuple[str, list[str]]:
        settings = dict(settings)
        filters = settings.pop("filters", {})
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache, **settings)
        env.filters.update(filters)
        compiled = _compiles(env)
        try:
            return env.get_template("page.html").render(mark="!"), compiled
        except jinja2.TemplateError as exc:  # a filter missing when the template was compiled
            return type(exc).__name__, compiled

    def cached(settings: dict) -> tuple[str, list[str]]:
        return render(settings, LayeredBytecodeCache(tmp_path / "cache"))  # a new process each time

    expected_before, expected_after = render(before, None)[0], render(after, None)[0]
    assert expected_before != expected_after  # the change matters to the output...
    assert cached(before) == (expected_before, ["page.html"])
    assert cached(before) == (expected_before, [])  # the same set-up again: reused
    assert cached(after) == (expected_after, ["page.html"])  # ...so it is compiled again, not reused
    assert cached(before) == (expected_before, [])  # and each set-up keeps its own entry


def test_the_folder_may_be_deleted_between_templates(templates: Path, tmp_path: Path) -> None:
    disk = tmp_path / "cache"
    for name in ("a.html", "b.html"):
        (templates / name).write_text(f"{name} {{{{ 1 + 1 }}}}", encoding="utf-8")
    cache = LayeredBytecodeCache(disk)
    _environment(templates, cache).get_template("a.html")
    shutil.rmtree(disk)
    assert _environment(templates, cache).get_template("b.html").render() == "b.html 2"
    assert sorted(disk.iterdir())  # made again for the next template
    later = _environment(templates, LayeredBytecodeCache(disk))
    compiled = _compiles(later)
    assert later.get_template("b.html").render() == "b.html 2" and compiled == []


def test_a_damaged_entry_is_compiled_again(templates: Path, tmp_path: Path) -> None:
    disk = tmp_path / "cache"
    (templates / "page.html").write_text("{{ 6 * 7 }}", encoding="utf-8")
    _environment(templates, LayeredBytecodeCache(disk)).get_template("page.html")
    for entry in disk.iterdir():
        entry.write_bytes(entry.read_bytes()[:20] + b"\x00garbage")
    env = _environment(templates, LayeredBytecodeCache(disk))
    assert env.get_template("page.html").render() == "42"


def test_without_a_folder_memory_still_serves_rebuilds(templates: Path) -> None:
    (templates / "page.html").write_text("x", encoding="utf-8")
    cache = LayeredBytecodeCache(None)
    _environment(templates, cache).get_template("page.html")
    rebuild = _environment(templates, cache)  # mkdocs serve: a new environment per rebuild
    compiled = _compiles(rebuild)
    assert rebuild.get_template("page.html").render() == "x" and compiled == []


@pytest.mark.slow
def test_the_build_keeps_them_in_the_project_and_works_once_they_are_deleted(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", warm_cache=False)
    folder = project / CACHE_FOLDER

    first = build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    entries = sorted(folder.iterdir())
    assert entries, f"no compiled template kept in {CACHE_FOLDER}"

    shutil.rmtree(project / ".cache")
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in entries]  # made again, the same keys
    pages = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*.html"))
    assert pages and pages == sorted(p.relative_to(tmp_path / "second") for p in (tmp_path / "second").rglob("*.html"))
    assert [p for p in pages if (tmp_path / "first" / p).read_bytes() != (tmp_path / "second" / p).read_bytes()] == []


@pytest.mark.slow
def test_chart_images_are_kept_in_the_project_and_drawn_again_once_deleted(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", warm_cache=False)
    folder = project / CHART_CACHE_FOLDER

    first = build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    charts = sorted((tmp_path / "first").glob("**/charts/*.png"))
    assert charts, "the build wrote no chart PNG"
    kept = {p.read_bytes() for p in folder.glob("*.png")}
    assert {p.read_bytes() for p in charts} == kept  # every chart kept, nothing else

    shutil.rmtree(project / ".cache")
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert {p.read_bytes() for p in folder.glob("*.png")} == kept
    assert [p.read_bytes() for p in charts] == [
        (tmp_path / "second" / p.relative_to(tmp_path / "first")).read_bytes() for p in charts]


def test_markup_from_a_filter_is_left_alone_by_autoescape(templates: Path, tmp_path: Path) -> None:
    """The cached code of an autoescaping environment still trusts Markup (the key keeps the mode)."""
    (templates / "page.html").write_text("{{ text | bold }}", encoding="utf-8")
    for _ in range(2):
        env = _environment(templates, LayeredBytecodeCache(tmp_path / "cache"), autoescape=True)
        env.filters["bold"] = lambda text: Markup("<b>%s</b>") % text
        assert env.get_template("page.html").render(text="<x>") == "<b>&lt;x&gt;</b>"
