"""``campus-ia edit``: the editor on 127.0.0.1, beside the live preview (``make edit`` starts both)."""

from __future__ import annotations

import sys
from pathlib import Path

from .server import EditorServer


def run_editor(root: Path, port: int) -> int:
    """Serve the editor for the project in ``root`` until interrupted; returns the exit status."""
    server = EditorServer(root, port)
    if not (server.dist / "decap-cms.js").is_file():
        print(f"{server.dist}: Decap CMS is not installed; run 'npm ci' (or 'make edit') first", file=sys.stderr)
        server.server_close()
        return 1
    print(f"Editor: {server.url}fr/ (français) or {server.url}en/ (English). Ctrl-C stops it.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
