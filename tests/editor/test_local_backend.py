"""The editor's local backend: loopback only, content/ and docs/ only, and nothing invalid written."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from campus_ia.content.validation import load_content
from campus_ia.editor.server import EditorServer
from tests.support.build import copy_project
from tests.support import REPO_ROOT



@pytest.fixture
def editor(tmp_path: Path) -> Iterator[EditorServer]:
    server = EditorServer(copy_project(tmp_path / "project"), 0, REPO_ROOT / "node_modules" / "decap-cms" / "dist")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def _post(server: EditorServer, action: str, params: dict, referer: str = "") -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{server.url}api/v1", data=json.dumps({"action": action, "params": params}).encode(),
        headers={"Content-Type": "application/json", "Referer": f"{server.url}{referer}"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_it_listens_on_the_loopback_interface_only(editor: EditorServer) -> None:
    assert editor.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", ["../outside.yml", "content/../../outside.yml", "mkdocs.yml", "locales/fr/LC_MESSAGES/site.po",
                                  "content/schemas/site.schema.json", "/etc/passwd", "docs/fr/../../mkdocs.yml"])
def test_paths_outside_content_and_docs_are_refused(editor: EditorServer, path: str) -> None:
    for action, params in (("getEntry", {"path": path}),
                           ("persistEntry", {"dataFiles": [{"path": path, "raw": "x: 1\n"}], "assets": []})):
        status, answer = _post(editor, action, params)
        assert status == 403, (action, path, answer)
    assert not (editor.project.parent / "outside.yml").exists()


def test_a_valid_save_is_written_and_an_invalid_one_is_refused_with_located_problems(editor: EditorServer) -> None:
    status, entry = _post(editor, "getEntry", {"path": "content/timeline.yml"})
    assert status == 200
    timeline = editor.project / "content" / "timeline.yml"
    original = timeline.read_text(encoding="utf-8")
    first = load_content(editor.project / "content").timeline.milestones[0]

    # The state of the first milestone, spelt in French: refused, in the editor's language.
    broken = entry["data"].replace(f"state: {first.state}", "state: planifié", 1)
    for referer, expected in (("fr/", "Calendrier (jalons) › Jalons n° 1 › État\u00a0: «\u202fplanifié\u202f» n’est pas permis ici"),
                              ("en/", "Timeline (milestones) › Milestones no. 1 › State: 'planifié'")):
        status, answer = _post(editor, "persistEntry", {"dataFiles": [{"path": "content/timeline.yml", "raw": broken}],
                                                        "assets": []}, referer)
        assert status == 422 and expected in answer["error"], answer
    assert timeline.read_text(encoding="utf-8") == original

    # A new title for it: written, and the file's opening comments are kept.
    fixed = entry["data"].replace(f"en: {first.title.en}", "en: A title changed through the editor", 1)
    status, answer = _post(editor, "persistEntry", {"dataFiles": [{"path": "content/timeline.yml", "raw": fixed}],
                                                    "assets": []}, "en/")
    assert status == 200, answer
    assert load_content(editor.project / "content").timeline.milestones[0].title.en == "A title changed through the editor"
    comments = [line for line in original.splitlines() if line.startswith("#")]
    assert timeline.read_text(encoding="utf-8").splitlines()[: len(comments)] == comments


def test_the_editor_is_not_part_of_the_public_site(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".css", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "decap" not in text.lower() and "campus-editor" not in text, path


@pytest.mark.parametrize("headers", [
    {"Origin": "https://somewhere.example", "Content-Type": "application/json"},
    {"Content-Type": "text/plain"},
    {"Host": "attacker.example:80", "Content-Type": "application/json"},
], ids=["other-origin", "form-content-type", "rebound-host"])
def test_requests_from_other_sites_are_refused(editor: EditorServer, headers: dict) -> None:
    request = urllib.request.Request(f"{editor.url}api/v1", method="POST", headers=headers,
                                     data=json.dumps({"action": "getEntry", "params": {"path": "content/site.yml"}}).encode())
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
