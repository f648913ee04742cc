"""The web editor, driven in headless Chromium: a figure corrected through the form reaches the site."""

from __future__ import annotations

import html
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from campus_ia.content.validation import load_content
from campus_ia.editor.server import EditorServer
from campus_ia.site.assembly import SiteAssembly
from tests.support.browser import find_chromium, launch_chromium
from tests.support.build import build, copy_project
from tests.support import REPO_ROOT

DIST = REPO_ROOT / "node_modules" / "decap-cms" / "dist"
SHOTS = Path(os.environ["CAMPUS_IA_SCREENSHOTS"]) if os.environ.get("CAMPUS_IA_SCREENSHOTS") else None
"""Set it to a folder to keep screenshots of the editor for a person to look at."""
NOTE = {"fr": "Chiffre corrigé dans un essai du formulaire", "en": "Figure corrected in a test of the form"}

# Decap opens a list item with the chevron button in the item's top bar, not with its label.
EXPAND = """(text) => {
  const label = [...document.querySelectorAll('div')]
    .find(d => d.children.length === 0 && d.textContent.trim().startsWith(text));
  if (!label) throw new Error('no list item labelled ' + text);
  let node = label;
  while (node && !node.querySelector('button')) node = node.parentElement;
  node.querySelector('button').click();
}"""


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[EditorServer]:
    """The editor's server on a copy of the project (never the working tree)."""
    assert (DIST / "decap-cms.js").is_file(), "Decap CMS is missing: run scripts/install-test-deps (npm ci)"
    project = copy_project(tmp_path / "project")
    server = EditorServer(project, 0, DIST)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    assert chromium is not None, "Chromium is missing: run scripts/install-test-deps"
    with sync_playwright() as playwright:
        instance = launch_chromium(playwright, chromium)
        yield instance
        instance.close()


def _figure_to_edit(project: Path) -> tuple[int, str, float]:
    """The first campus figure with a numeric lead that the French and English home pages both cite."""
    content = load_content(project / "content")
    cited = set.intersection(*(
        set(re.findall(r"\{\{\s*fact:([a-z0-9_.-]+)\s*\}\}", (project / "docs" / lang / "index.md").read_text()))
        for lang in ("fr", "en")
    ))
    for index, figure in enumerate(content.campus.figures):
        if figure.id in cited and figure.lead.value is not None and figure.unit != "text":
            return index, figure.id, figure.lead.value
    pytest.fail("no campus figure with a numeric lead is cited on both home pages")


@pytest.mark.browser
@pytest.mark.slow
def test_a_figure_corrected_in_the_editor_is_saved_valid_and_published(
    editor: EditorServer, browser: object, tmp_path: Path
) -> None:
    project = editor.project
    index, figure_id, old_value = _figure_to_edit(project)
    new_value = int(old_value) + 111
    campus_file = project / "content" / "campus.yml"
    before = campus_file.read_text(encoding="utf-8")

    page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{editor.url}en/")
    page.get_by_role("button", name="Login").click()
    page.goto(f"{editor.url}en/#/collections/content/entries/campus")
    page.get_by_text(figure_id, exact=True).first.wait_for()
    page.evaluate(EXPAND, figure_id)
    page.evaluate(EXPAND, "lead · ")
    # The lead's value box: the visible number box that holds the old value (other number
    # fields, such as the site's coordinates, may come first in the form).
    boxes = page.locator("input[type=number]:visible")
    value_box = next(
        (boxes.nth(i) for i in range(boxes.count()) if boxes.nth(i).input_value() and float(boxes.nth(i).input_value()) == old_value),
        None,
    )
    assert value_box is not None, f"no visible number box holds {old_value}"
    value_box.fill(str(new_value))
    page.locator('textarea[name="note.fr"]:visible').first.fill(NOTE["fr"])
    page.locator('textarea[name="note.en"]:visible').first.fill(NOTE["en"])
    page.get_by_text("Publish", exact=True).first.click()
    page.get_by_text("Publish now", exact=True).first.click()
    deadline = time.monotonic() + 30
    while campus_file.read_text(encoding="utf-8") == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not errors, errors

    # On disk: changed, valid by the project's own loader, and carrying the new value and notes.
    assert campus_file.read_text(encoding="utf-8") != before
    assert campus_file.read_text(encoding="utf-8").startswith(before.split("\n", 1)[0])  # schema line kept
    content = load_content(project / "content")
    lead = content.campus.figures[index].lead
    assert (content.campus.figures[index].id, lead.value) == (figure_id, new_value)
    assert lead.note is not None and (lead.note.fr, lead.note.en) == (NOTE["fr"], NOTE["en"])

    # Rebuilt: both home pages show the new value as the site formats it, the facts pages the notes.
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assembly = SiteAssembly.load(project / "content", project / "locales", root=project)
    original = SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)
    for lang in ("fr", "en"):
        expected = assembly.languages[lang].fmt.typography(assembly.languages[lang].figure_text(figure_id))
        home = html.unescape((site / lang / "index.html").read_text(encoding="utf-8"))
        assert expected in home, f"{lang}: {expected!r} not on the home page"
        facts = assembly.structure.get("facts", lang)
        facts_html = html.unescape((site / facts.url / "index.html").read_text(encoding="utf-8"))
        assert NOTE[lang] in facts_html
        assert expected != original.languages[lang].figure_text(figure_id)  # the value shown did change


@pytest.mark.browser
def test_an_invalid_save_is_refused_in_the_browser_located_by_field_in_french(
    editor: EditorServer, browser: object
) -> None:
    project = editor.project
    _, figure_id, _ = _figure_to_edit(project)
    campus_file = project / "content" / "campus.yml"
    before = campus_file.read_text(encoding="utf-8")

    page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{editor.url}fr/")
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{editor.url}fr/#/collections/content/entries/campus")
    page.get_by_text(figure_id, exact=True).first.wait_for()
    page.evaluate(EXPAND, figure_id)
    page.evaluate(EXPAND, "lead · ")
    # Leave the English note empty: the French one alone is an incomplete translation.
    page.locator('textarea[name="note.en"]:visible').first.fill("")
    page.locator('textarea[name="note.fr"]:visible').first.fill(NOTE["fr"])
    page.get_by_text("Publier", exact=True).first.click()
    page.get_by_text("Publier maintenant", exact=True).first.click()
    message = page.get_by_text("Enregistrement refusé", exact=False).first
    message.wait_for(timeout=30_000)
    shown = message.inner_text()
    page.screenshot(path=str(SHOTS / "editor-refused-fr-1366.png")) if SHOTS else None
    # Located by field, in French: the file, the figure, the report, the note, the English half.
    assert re.search(r"Campus et chiffres › Chiffres n° \d+ › Informations \(sources\) n° \d+ › Note › "
                     r"Anglais \(en\)\u00a0: ne doit pas être vide \(content/campus\.yml\)", shown), shown
    assert campus_file.read_text(encoding="utf-8") == before  # nothing was written
