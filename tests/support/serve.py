"""``mkdocs serve`` (or ``properdocs serve``) on a project, in a subprocess, for a test's duration.

One way to start the preview for every test that needs it: a free port on 127.0.0.1, the
server's output in a log file, a bounded wait for "Serving on", and a stop that never hangs
(terminate, then kill). A traceback in the log fails the test: the preview reports problems
in plain words.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.build import BIN_DIR


@dataclass(frozen=True)
class Preview:
    """A running preview: its base address (``http://127.0.0.1:PORT/``) and its log file."""

    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (the server binds it right after)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(project: Path, log: Path, *, engine: str = "mkdocs", start_seconds: float = 120) -> Iterator[Preview]:
    """``engine serve`` on ``project/mkdocs.yml``, logging to ``log``, once it says "Serving on"."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(BIN_DIR / engine), "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=out, stderr=subprocess.STDOUT,
        )
    preview = Preview(f"http://127.0.0.1:{port}/", log)
    try:
        deadline = time.monotonic() + start_seconds
        while "Serving on" not in preview.log_text():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{engine} serve did not start:\n{preview.log_text()[-3000:]}")
            time.sleep(0.1)
        yield preview
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
    assert "Traceback" not in preview.log_text()
