"""The editor's configuration is generated from the content model and valid for Decap CMS."""

from __future__ import annotations

import json
import shutil
import subprocess
import typing
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import Field, create_model

from campus_ia.content import model as content_model
from campus_ia.content.validation import load_content
from campus_ia.editor import cms_config as generator
from campus_ia.editor.cms_config import cms_config, reference_options
from tests.support import REPO_ROOT

CHECKER = Path(__file__).with_name("decap_config_check.cjs")


def _file(config: dict[str, Any], stem: str) -> dict[str, Any]:
    content = next(c for c in config["collections"] if c["name"] == "content")
    return next(f for f in content["files"] if f["name"] == stem)


def _field(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


def _shipped_references() -> dict[str, list[str]]:
    content = load_content(REPO_ROOT / "content")
    return reference_options({stem: doc.data for stem, doc in content.documents.items()})


def test_a_field_added_to_the_model_appears_in_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    # A new optional bilingual field and a new choice on milestones, as a developer would add them.
    milestone = create_model(
        "Milestone", __base__=content_model.Milestone,
        press_contact=(content_model.Bilingual | None, Field(None, description="Who answers the press.")),
        confidence=(Literal["high", "low"], Field(description="How sure the sources are.")),
    )
    timeline = create_model("TimelineFile", __base__=content_model.Strict, milestones=(list[milestone], ...))
    monkeypatch.setitem(generator.FILE_MODELS, "timeline", timeline)

    for lang in ("fr", "en"):
        items = _field(_file(cms_config(lang, "http://127.0.0.1:1/api/v1"), "timeline")["fields"], "milestones")
        contact = _field(items["fields"], "press_contact")
        assert contact["widget"] == "bilingual" and contact["required"] is False
        confidence = _field(items["fields"], "confidence")
        assert confidence == {**confidence, "widget": "select", "options": ["high", "low"]}
        assert "required" not in confidence
    assert contact["hint"] == "Who answers the press."  # the English editor shows the model's description


def test_every_file_field_choice_and_reference_has_its_widget() -> None:
    references = _shipped_references()
    config = cms_config("en", "http://127.0.0.1:1/api/v1", references)
    content = next(c for c in config["collections"] if c["name"] == "content")
    assert [f["file"] for f in content["files"]] == [f"content/{stem}.yml" for stem in content_model.FILE_MODELS]
    for stem, model in content_model.FILE_MODELS.items():
        assert [f["name"] for f in _file(config, stem)["fields"]] == list(model.model_fields)

    figures = _field(_file(config, "campus")["fields"], "figures")
    reports = _field(figures["fields"], "reports")
    assert reports["widget"] == "list" and reports.get("min") == 1
    by_name = {f["name"]: f for f in reports["fields"]}
    assert by_name["value"]["widget"] == "number"
    assert by_name["note"]["widget"] == "bilingual"
    for choice, literal in (("standing", content_model.Standing), ("status", content_model.Status),
                            ("qualifier", content_model.Qualifier)):
        assert by_name[choice]["options"] == list(typing.get_args(literal))
    # References are selects fed from the ids the content defines.
    loaded = load_content(REPO_ROOT / "content")
    assert by_name["source"]["options"] == [s.id for s in loaded.sources_file.sources]
    quote = _field(_file(config, "quotes")["fields"], "quotes")
    people = [p.id for partner in loaded.partners_file.partners for p in partner.people]
    assert _field(quote["fields"], "speaker")["options"] == people
    milestone = _field(_file(config, "timeline")["fields"], "milestones")
    assert _field(milestone["fields"], "sources") == {**_field(milestone["fields"], "sources"),
                                                      "widget": "select", "multiple": True, "min": 1}
    assert _field(milestone["fields"], "date_qualifier")["options"] == list(typing.get_args(content_model.DateQualifier))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_generated_configuration_passes_decaps_own_schema(lang: str) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (scripts/install-test-deps)"
    assert (REPO_ROOT / "node_modules/decap-cms-core/src/constants/configSchema.js").is_file(), "run npm ci"
    config = cms_config(lang, "http://127.0.0.1:1/api/v1", _shipped_references())
    result = subprocess.run([node, str(CHECKER), str(REPO_ROOT / "node_modules")], input=json.dumps(config),
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_decaps_schema_check_does_find_a_broken_configuration() -> None:
    config = cms_config("en", "http://127.0.0.1:1/api/v1", _shipped_references())
    del _file(config, "site")["fields"][0]["widget"]  # keeps its name; a widget with no type is allowed
    _file(config, "site")["fields"][0]["widget"] = "select"  # but a select without options is not
    result = subprocess.run([shutil.which("node") or "node", str(CHECKER), str(REPO_ROOT / "node_modules")],
                            input=json.dumps(config), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "must have required property 'options'" in result.stdout


def test_the_french_editor_names_each_choice_in_french_beside_its_value() -> None:
    config = cms_config("fr", "http://127.0.0.1:1/api/v1", _shipped_references())
    reports = _field(_field(_file(config, "campus")["fields"], "figures")["fields"], "reports")
    standing = _field(reports["fields"], "standing")["options"]
    assert [o["value"] for o in standing] == list(typing.get_args(content_model.Standing))
    assert all(o["label"].endswith(f"({o['value']})") and o["label"] != f"({o['value']})" for o in standing)
