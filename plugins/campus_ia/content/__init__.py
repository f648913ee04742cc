"""The content model, its YAML reader and its validation (no MkDocs import here)."""

from __future__ import annotations

from .dates import PartialDate
from .problems import ContentError, Problem
from .store import Content
from .validation import load_content

__all__ = ["Content", "ContentError", "PartialDate", "Problem", "load_content"]
