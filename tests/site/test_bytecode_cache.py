"""Compiled templates kept between builds: reused while the source is the same, never after it changes."""

from __future__ import annotations

from pathlib import Path

import jinja2

from campus_ia.pages.bytecode_cache import LayeredBytecodeCache


def _environment(templates: Path, cache: LayeredBytecodeCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)


def _compiles(env: jinja2.Environment) -> list[str]:
    seen: list[str] = []
    real = env.compile

    def compile(source, name=None, filename=None, raw=False, defer_init=False):  # noqa: A001
        seen.append(name)
        return real(source, name, filename, raw, defer_init)

    env.compile = compile  # type: ignore[method-assign]
    return seen


def test_a_later_process_reuses_the_compiled_template_until_it_is_edited(tmp_path: Path) -> None:
    templates, disk = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    disk.mkdir()
    page = templates / "page.html"
    page.write_text("Hello {{ name }}", encoding="utf-8")

    first = _environment(templates, LayeredBytecodeCache(jinja2.FileSystemBytecodeCache(str(disk))))
    compiled = _compiles(first)
    assert first.get_template("page.html").render(name="Fouju") == "Hello Fouju"
    assert compiled == ["page.html"] and len(list(disk.iterdir())) == 1

    # A new process: a new environment and memory layer, the same folder.
    later = _environment(templates, LayeredBytecodeCache(jinja2.FileSystemBytecodeCache(str(disk))))
    compiled = _compiles(later)
    assert later.get_template("page.html").render(name="Melun") == "Hello Melun"
    assert compiled == []

    page.write_text("Bonjour {{ name }}", encoding="utf-8")
    edited = _environment(templates, LayeredBytecodeCache(jinja2.FileSystemBytecodeCache(str(disk))))
    compiled = _compiles(edited)
    assert edited.get_template("page.html").render(name="Fouju") == "Bonjour Fouju"
    assert compiled == ["page.html"]


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    templates, disk = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    disk.mkdir()
    (templates / "page.html").write_text("{{ 6 * 7 }}", encoding="utf-8")
    _environment(templates, LayeredBytecodeCache(jinja2.FileSystemBytecodeCache(str(disk)))).get_template("page.html")
    for entry in disk.iterdir():
        entry.write_bytes(entry.read_bytes()[:20] + b"\x00garbage")
    env = _environment(templates, LayeredBytecodeCache(jinja2.FileSystemBytecodeCache(str(disk))))
    assert env.get_template("page.html").render() == "42"


def test_without_a_usable_folder_memory_still_serves_rebuilds(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("x", encoding="utf-8")
    cache = LayeredBytecodeCache(None)
    _environment(templates, cache).get_template("page.html")
    rebuild = _environment(templates, cache)  # mkdocs serve: a new environment per rebuild
    compiled = _compiles(rebuild)
    assert rebuild.get_template("page.html").render() == "x" and compiled == []
