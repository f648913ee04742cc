"""deploy/nginx/campus-ia.conf serving the built site: routes, 404s, headers, types, gzip, load.

The test runs the shipped server block itself, with only ``listen`` and ``root``
rewritten, inside a minimal nginx.conf whose pid, logs and temporary folders are
in ``tmp_path``; nginx runs in the foreground and is stopped at the end. All
traffic goes to 127.0.0.1. Without nginx the test is skipped on a developer's
machine and fails in CI (``scripts/install-test-deps`` installs nginx-light).
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from campus_ia.site.csp import CONTENT_SECURITY_POLICY

REPO_ROOT = Path(__file__).resolve().parents[1]
SERVER_BLOCK = REPO_ROOT / "deploy" / "nginx" / "campus-ia.conf"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")

LOAD_REQUESTS = 2_000
LOAD_THREADS = 8
LOAD_SECONDS = 10


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _nginx() -> str:
    found = next((path for c in NGINX_CANDIDATES if (path := shutil.which(c))), None)
    if found is None:
        reason = "nginx is not installed (scripts/install-test-deps installs nginx-light)"
        if os.environ.get("CI", "").lower() not in {"", "0", "false"}:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(site_dir: Path, port: int, prefix: Path) -> str:
    """The nginx.conf of the test: the shipped server block on 127.0.0.1:``port`` for ``site_dir``."""
    block = SERVER_BLOCK.read_text(encoding="utf-8")
    block, listens = re.subn(r"^(\s*)listen [^;]+;\n", "", block, flags=re.MULTILINE)
    block, roots = re.subn(r"^(\s*)root [^;]+;", rf"\1root {site_dir};", block, count=1, flags=re.MULTILINE)
    assert listens == 2 and roots == 1, "the server block's listen/root lines changed: update this test"
    block = block.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    temp = "\n".join(f"    {name}_temp_path {prefix / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, nginx's workers would switch to "nobody", who cannot enter pytest's 0700 folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 2;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n    access_log off;\n{temp}\n{block}\n}}\n"
    )




@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of nginx serving the built site with the shipped server block."""
    nginx = _nginx()
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_config(built_site, port, prefix), encoding="utf-8")
    check = subprocess.run([nginx, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)],
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM: fast shutdown
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        if process.stderr:
            process.stderr.close()


def get(base: str, path: str, headers: dict[str, str] | None = None) -> Answer:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "text"),
    [("/", "Campus IA"), ("/fr/", "Campus IA"), ("/en/partners/", "Partners"), ("/fr/partenaires/", "Partenaires")],
)
def test_pages_are_served(nginx_url: str, path: str, text: str) -> None:
    answer = get(nginx_url, path)
    assert answer.status == 200
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert text in answer.body.decode("utf-8")


def test_folder_without_slash_redirects(nginx_url: str) -> None:
    answer = get(nginx_url, "/en/partners")
    assert answer.status == 301 and answer.headers["location"] == "/en/partners/"


@pytest.mark.parametrize(
    ("path", "page"),
    [("/fr/nulle-part/", "fr/404.html"), ("/en/nowhere/", "en/404.html"), ("/nowhere", "404.html"),
     ("/assets/", "404.html"), ("/en/assets/x.js", "en/404.html")],
)
def test_not_found_in_the_readers_language(nginx_url: str, built_site: Path, path: str, page: str) -> None:
    answer = get(nginx_url, path)
    assert answer.status == 404
    assert answer.body == (built_site / page).read_bytes()
    assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_security_headers(nginx_url: str) -> None:
    headers = get(nginx_url, "/en/").headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["strict-transport-security"].startswith("max-age=")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in headers["permissions-policy"]
    assert "server" not in headers or "/" not in headers["server"]  # no version


def test_caching(nginx_url: str, built_site: Path) -> None:
    assert get(nginx_url, "/en/").headers["cache-control"] == "public, max-age=300"
    fingerprinted = [
        *built_site.glob("assets/javascripts/bundle.*.min.js"),
        *built_site.glob("assets/stylesheets/main.*.min.css"),
        *built_site.glob("assets/javascripts/workers/search.*.min.js"),
    ]
    assert len(fingerprinted) == 3
    for path in fingerprinted:
        answer = get(nginx_url, "/" + path.relative_to(built_site).as_posix())
        assert answer.status == 200
        assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY  # not lost in the location
    own = get(nginx_url, "/assets/stylesheets/campus-ia.css")
    assert own.status == 200 and own.headers["cache-control"] == "public, max-age=300"


@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [(".ics", "text/calendar; charset=utf-8"), (".csv", "text/csv; charset=utf-8"), (".json", "application/json"),
     ("sitemap.xml", "application/xml; charset=utf-8"), ("feed.xml", "application/atom+xml; charset=utf-8"),
     (".js", "text/javascript; charset=utf-8"), (".css", "text/css; charset=utf-8"), (".svg", "image/svg+xml; charset=utf-8")],
)
def test_content_types(nginx_url: str, built_site: Path, suffix: str, content_type: str) -> None:
    files = sorted(p for p in built_site.rglob(f"*{suffix}") if p.is_file())
    if not files:
        pytest.fail(f"the built site has no *{suffix} file")
    answer = get(nginx_url, "/" + files[0].relative_to(built_site).as_posix())
    assert answer.status == 200
    assert answer.headers["content-type"] == content_type


def test_facts_download(nginx_url: str, built_site: Path) -> None:
    if not (built_site / "data" / "facts.json").is_file():
        pytest.skip("data/facts.json is not part of the build yet")
    answer = get(nginx_url, "/data/facts.json")
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"


def test_precompressed_copy_is_sent_to_gzip_clients(nginx_url: str, built_site: Path) -> None:
    page = built_site / "en" / "partners" / "index.html"
    if not page.with_name("index.html.gz").is_file():
        pytest.fail("the build wrote no en/partners/index.html.gz (site/precompress.py)")
    zipped = get(nginx_url, "/en/partners/", {"Accept-Encoding": "gzip"})
    assert zipped.status == 200
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["content-type"] == "text/html; charset=utf-8"
    assert "accept-encoding" in zipped.headers.get("vary", "").lower()
    assert zipped.body == page.with_name("index.html.gz").read_bytes()
    assert gzip.decompress(zipped.body) == page.read_bytes()
    plain = get(nginx_url, "/en/partners/")
    assert "content-encoding" not in plain.headers and plain.body == page.read_bytes()


def test_short_load_run_has_no_errors(nginx_url: str, built_site: Path) -> None:
    paths = ["/", "/fr/", "/en/", "/en/partners/", "/fr/calendrier/", "/assets/stylesheets/campus-ia.css",
             "/sitemap.xml", "/en/nowhere/"]
    expected = {p: (404 if p == "/en/nowhere/" else 200) for p in paths}
    host, port = nginx_url.removeprefix("http://").split(":")
    errors: list[str] = []
    done = 0
    lock = threading.Lock()
    deadline = time.monotonic() + LOAD_SECONDS

    def worker(index: int) -> None:
        nonlocal done
        connection = http.client.HTTPConnection(host, int(port), timeout=5)  # keep-alive
        try:
            for n in range(index, LOAD_REQUESTS, LOAD_THREADS):
                if time.monotonic() > deadline:
                    return
                path = paths[n % len(paths)]
                try:
                    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                    response = connection.getresponse()
                    response.read()
                    if response.status != expected[path]:
                        with lock:
                            errors.append(f"{path}: {response.status}")
                except (OSError, http.client.HTTPException) as exc:
                    with lock:
                        errors.append(f"{path}: {exc!r}")
                    connection.close()
                    connection = http.client.HTTPConnection(host, int(port), timeout=5)
                with lock:
                    done += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(LOAD_THREADS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LOAD_SECONDS + 10)
    elapsed = time.monotonic() - started
    assert errors == []
    assert done == LOAD_REQUESTS, f"only {done} requests in {elapsed:.1f} s"


def test_shipped_policy_matches_the_one_the_site_is_built_for() -> None:
    text = SERVER_BLOCK.read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{CONTENT_SECURITY_POLICY}" always;' in text
