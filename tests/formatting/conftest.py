"""Make ``campus_ia`` importable when the project is not installed in the venv.

Remove once the project is installed (``pip install -e .``) or pytest's
``pythonpath = ["plugins"]`` is configured.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("campus_ia") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "plugins"))
