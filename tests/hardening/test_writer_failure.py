"""A download writer that fails anyway is one plain sentence, in ``check`` and in the build: no traceback.

Content validation keeps every writer's input valid, so the failure is simulated: the
CSV writer raises as lxml or icalendar did on control characters before they were
refused at validation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from campus_ia.cli import main as campus_ia


def _broken_writer(*args: object, **kwargs: object) -> bytes:
    raise ValueError("All strings must be XML compatible")


def test_check_reports_a_failing_writer_without_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import campus_ia.exports as exports

    monkeypatch.setattr(exports, "facts_csv", _broken_writer)  # what build_downloads calls
    assert campus_ia(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "internal error: the downloads" in err and "All strings must be XML compatible" in err
    assert "Traceback" not in err
