"""Fixtures for the corpus of broken and hostile inputs: a fresh copy of the real project per case."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from tests.support.build import copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the shipped project (mkdocs.yml, docs/, content/, locales/) to break."""
    return copy_project(tmp_path / "project")


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s: a hostile input must fail fast")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def time_limit() -> Callable[[float], AbstractContextManager[None]]:
    """``with time_limit(5): ...`` fails the test if the block runs longer (SIGALRM, main thread)."""
    return _time_limit
