"""Serve a built site over HTTP on 127.0.0.1, as a static host would.

Like a static host, a missing page gets the site's 404 page with status 404:
``/fr/…`` gets ``/fr/404.html``, ``/en/…`` gets ``/en/404.html`` (any first path
segment with its own ``404.html``), anything else ``/404.html``. Folders
without an ``index.html`` are 404s too, never a listing. Tests can add response
headers to every answer, such as a ``Content-Security-Policy``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

# Fixed types, so answers do not depend on the machine's /etc/mime.types.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
    ".gz": "application/gzip",
}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Static files from ``directory``, per-language 404 pages, extra headers, no log lines."""

    extensions_map: ClassVar[dict[str, str]] = {
        "": "application/octet-stream",
        **CONTENT_TYPES,
    }

    def __init__(
        self, *args: Any, extra_headers: Mapping[str, str], **kwargs: Any
    ) -> None:
        self.extra_headers = dict(extra_headers)
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: pytest shows failures, not access logs."""

    def list_directory(self, path: str | Path) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        page = self._not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", CONTENT_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        """The 404 page for the requested path's language, else the root one."""
        root = Path(self.directory)
        segments = [s for s in unquote(urlsplit(self.path).path).split("/") if s]
        candidates = []
        if segments and segments[0] not in {".", ".."}:
            candidates.append(root / segments[0] / "404.html")
        candidates.append(root / "404.html")
        return next((c for c in candidates if c.is_file()), None)


class SiteServer:
    """A running server for one site folder; ``url`` ends with ``/``. Call :meth:`close`."""

    def __init__(
        self, site_dir: Path, extra_headers: Mapping[str, str] | None = None
    ) -> None:
        site_dir = Path(site_dir)
        if not site_dir.is_dir():
            raise FileNotFoundError(f"{site_dir} is not a folder")
        handler = partial(
            SiteRequestHandler,
            directory=str(site_dir),
            extra_headers=extra_headers or {},
        )
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name=f"site-server-{port}", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Stop serving and free the port."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def site_server_factory(
    site_dir: Path, extra_headers: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 for the ``with`` block; yield its base URL.

    ``extra_headers`` are added to every response, e.g.
    ``{"Content-Security-Policy": "default-src 'self'"}``.
    """
    server = SiteServer(site_dir, extra_headers)
    try:
        yield server.url
    finally:
        server.close()
