"""``campus-ia edit``'s web server: the CMS's files, its generated configuration and the local backend.

Bound to 127.0.0.1 only: the editor writes into the project folder and has no login;
it is for the person at this computer. Nothing is fetched from another host: the CMS
comes from ``node_modules/decap-cms/dist`` (installed by npm from package.json).
"""

from __future__ import annotations

import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..content.model import FILE_MODELS
from ..content.yaml_source import read_yaml
from .cms_config import cms_config, reference_options
from .local_backend import LocalBackend, Refused

STATIC = Path(__file__).resolve().parent / "static"
_CMS_FILE = re.compile(r"^/static/cms/([0-9A-Za-z_.-]+\.js)$")
_OWN_FILE = re.compile(r"^/static/(campus-editor\.(js|css))$")
PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link href="/{lang}/config.yml" type="text/yaml" rel="cms-config-url">
<link rel="stylesheet" href="/static/campus-editor.css">
</head>
<body>
<script src="/static/cms/decap-cms.js"></script>
<script src="/static/campus-editor.js"></script>
</body>
</html>
"""
TITLES = {"fr": "Éditeur — Campus IA", "en": "Editor — Campus IA"}


def cms_dist(project: Path) -> Path:
    """Where npm put Decap CMS's prebuilt files."""
    return project / "node_modules" / "decap-cms" / "dist"


class EditorServer(ThreadingHTTPServer):
    """Serves one project's editor; ``url`` is its address once started."""

    daemon_threads = True

    def __init__(self, project: Path, port: int = 0, dist: Path | None = None) -> None:
        self.project = project.resolve()
        self.dist = dist or cms_dist(self.project)
        self.backend = LocalBackend(self.project)
        self.lock = threading.Lock()  # one save at a time: each is checked against the files as they are
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def config(self, lang: str) -> dict[str, Any]:
        """The configuration for ``lang``, with reference lists read from the content as it is now."""
        data = {}
        for stem in FILE_MODELS:
            path = self.project / "content" / f"{stem}.yml"
            if path.is_file():
                document, _ = read_yaml(path, f"content/{stem}.yml")
                data[stem] = document.data if document else None
        return cms_config(lang, f"{self.url}api/v1", reference_options(data))


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: the person running `make edit` watches the preview's output

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == "/":
            lang = "en" if self.headers.get("Accept-Language", "fr").lower().startswith("en") else "fr"
            self._send(HTTPStatus.FOUND, b"", "text/plain", {"Location": f"/{lang}/"})
        elif path in ("/fr/", "/en/"):
            lang = path.strip("/")
            self._send(HTTPStatus.OK, PAGE.format(lang=lang, title=TITLES[lang]).encode(), "text/html; charset=utf-8")
        elif path in ("/fr/config.yml", "/en/config.yml"):
            body = json.dumps(self.server.config(path[1:3]), ensure_ascii=False, indent=1).encode()
            self._send(HTTPStatus.OK, body, "text/yaml; charset=utf-8")
        elif (match := _CMS_FILE.match(path)) and (self.server.dist / match.group(1)).is_file():
            self._send(HTTPStatus.OK, (self.server.dist / match.group(1)).read_bytes(), "text/javascript")
        elif match := _OWN_FILE.match(path):
            kind = "text/css" if match.group(2) == "css" else "text/javascript"
            self._send(HTTPStatus.OK, (STATIC / match.group(1)).read_bytes(), kind)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        if self.path.split("?", 1)[0] != "/api/v1":
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
            return
        lang = "en" if "/en/" in (self.headers.get("Referer") or "") else "fr"
        refusal = self._foreign_request()
        if refusal:
            self._json(HTTPStatus.FORBIDDEN, {"error": refusal})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
            if length > 20_000_000:
                raise Refused("request too large", 413)
            payload = json.loads(self.rfile.read(length) or b"{}")
            with self.server.lock:
                answer = self.server.backend.handle(str(payload.get("action")), payload.get("params") or {}, lang)
            self._json(HTTPStatus.OK, answer)
        except Refused as exc:
            self._json(HTTPStatus(exc.status), {"error": str(exc)})
        except (ValueError, TypeError) as exc:
            self._json(HTTPStatus.BAD_REQUEST, {"error": f"bad request: {exc}"})

    def _foreign_request(self) -> str | None:
        """Why a request does not come from the editor's own page, or None.

        Another web page open in the same browser could otherwise post to this address (a
        cross-site request, or DNS rebinding): the Host must be this server, the Origin (sent
        by browsers with every POST) this server's, and the body JSON, which a cross-site form
        cannot send without the browser asking first (and it gets no CORS answer here).
        """
        port = self.server.server_address[1]
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if self.headers.get("Host") not in hosts:
            return "unexpected Host"
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {f"http://{host}" for host in hosts}:
            return "requests from other sites are refused"
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return "expected application/json"
        return None

    def _json(self, status: HTTPStatus, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
