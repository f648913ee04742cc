"""deploy/nginx/campus-ia.conf serving the built site: routes, 404s, headers, types, gzip, load.

The test runs the shipped server block itself, with only ``listen`` and ``root``
rewritten, inside a minimal nginx.conf whose pid, logs and temporary folders are
in ``tmp_path``; nginx runs in the foreground and is stopped at the end. All
traffic goes to 127.0.0.1. nginx serves a copy of the built site, reached through a
symlink (the folder given as ``root`` may be one), into which the fixture drops what
must never be served: dotfiles, editors' backup copies and symlinks leading out of the
root. Without nginx the test is skipped on a developer's
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
from urllib.parse import quote

import pytest

from tests.support import REPO_ROOT
from campus_ia.site.csp import CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY, policy
from campus_ia.site.embed_pages import EMBED_PAGE

SERVER_BLOCK = REPO_ROOT / "deploy" / "nginx" / "campus-ia.conf"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")

LOAD_REQUESTS = 2_000
LOAD_THREADS = 8
LOAD_SECONDS = 10

SECRET = "campus-ia-test-secret-7f3a"
"""Written into every file that must not be served; no answer may contain it."""

HIDDEN_FILES = (
    ".env", ".git/config", ".venv/pyvenv.cfg", ".htpasswd", "fr/.DS_Store", "en/.well-known-not/x.txt",
    ".well-known/.secret",
    "en/about/index.html~", "en/about/index.html.bak", "en/about/.index.html.swp", "fr/index.html.orig",
    "en/index.html.old", "fr/#index.html#", "sitemap.xml.save", "en/index.html.tmp", "en/index.html.rej",
)
"""Files (relative to the root) that a person or a tool may leave in the served folder."""


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
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the served root holding a secret file, for symlinks to point at."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.html").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def served_root(built_site: Path, outside: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site with hidden files and outward symlinks dropped in, reached through a link."""
    prefix = tmp_path_factory.mktemp("served")
    copy = prefix / "site-copy"
    shutil.copytree(built_site, copy)
    for relative in HIDDEN_FILES:
        path = copy / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{SECRET}\n", encoding="utf-8")
    (copy / "leak.html").symlink_to(outside / "secret.html")
    (copy / "en" / "outside").symlink_to(outside, target_is_directory=True)
    (copy / "passwd.txt").symlink_to("/etc/passwd")
    (copy / "fr" / "etc").symlink_to("/etc", target_is_directory=True)
    link = prefix / "site"
    link.symlink_to(copy, target_is_directory=True)
    return link


@pytest.fixture(scope="module")
def nginx_url(served_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` of nginx serving the built site with the shipped server block."""
    nginx = _nginx()
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_config(served_root, port, prefix), encoding="utf-8")
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


def raw_request(base: str, request: bytes) -> Answer:
    """Send ``request`` as is (possibly malformed) and read the whole answer (nginx closes after errors)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(status_line.split()[1]), headers, body)


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
    assert answer.headers["cache-control"] == "public, max-age=300"


@pytest.mark.parametrize("relative", HIDDEN_FILES)
def test_dotfiles_and_backup_copies_are_not_found(nginx_url: str, served_root: Path, relative: str) -> None:
    assert (served_root / relative).is_file()  # the file is there, nginx must not hand it out
    for path in ("/" + quote(relative), "/" + quote(relative).replace(".", "%2E")):
        answer = get(nginx_url, path)
        assert answer.status == 404, path
        assert SECRET.encode() not in answer.body
        assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", ["/leak.html", "/en/outside/secret.html", "/passwd.txt", "/fr/etc/passwd"])
def test_symlinks_out_of_the_root_are_not_followed(nginx_url: str, served_root: Path, path: str) -> None:
    target = served_root / path.lstrip("/")
    assert target.is_file() and os.path.realpath(target) != str(target)  # a link that does lead to a file
    answer = get(nginx_url, path)
    assert answer.status == 404
    assert SECRET.encode() not in answer.body and b"root:x:0:0" not in answer.body


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET / HTTP/1.1\r\nHost: campus-ia\r\nNo colon here\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),  # HTTP/1.1 without Host
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: campus-ia\r\n\r\n", 414),
    ],
    ids=["bad-header", "no-host", "uri-too-long"],
)
def test_errors_before_any_location_carry_the_headers(nginx_url: str, request_bytes: bytes, status: int) -> None:
    answer = raw_request(nginx_url, request_bytes)
    assert answer.status == status
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert answer.headers["x-content-type-options"] == "nosniff"


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
     (".zip", "application/zip"), (".png", "image/png"),
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
    assert f'add_header Content-Security-Policy "{policy("$campus_ia_frame_ancestors")}" always;' in text


def embed_pages(built_site: Path) -> list[str]:
    """The embed pages of the build, as addresses (``/fr/modele-de-capacite/embed/emissions/``)."""
    pages = sorted("/" + p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("embed/*/index.html"))
    assert pages and all(EMBED_PAGE.match(page.lstrip("/")) for page in pages)
    return pages


def test_embed_pages_may_be_framed_by_any_site(nginx_url: str, built_site: Path) -> None:
    for page in embed_pages(built_site):
        for path in (page, page + "index.html"):
            answer = get(nginx_url, path)
            assert answer.status == 200, path
            assert answer.headers["content-security-policy"] == EMBED_CONTENT_SECURITY_POLICY, path
            assert "x-frame-options" not in answer.headers, path


@pytest.mark.parametrize("path", ["/", "/fr/", "/en/capacity-model/", "/fr/modele-de-capacite/", "/en/press/",
                                  "/en/capacity-model/embed/", "/en/capacity-model/embed/nothing-here/",
                                  "/en/capacity-model/embed/emissions/x/", "/data/charts/emissions.en.svg"])
def test_every_other_address_refuses_to_be_framed(nginx_url: str, path: str) -> None:
    answer = get(nginx_url, path)
    assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
    assert answer.headers["x-frame-options"] == "DENY", path
