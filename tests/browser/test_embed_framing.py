"""A chart's embed page shown in an iframe by another site, with the real nginx and the shipped server block.

nginx runs ``deploy/nginx/campus-ia.conf`` (as ``tests/test_nginx.py`` does) plus a second
server block on another port: another origin, whose page frames the site. Chromium must
draw the chart inside the frame of an embed page, and refuse to draw a normal page of the
site in a frame (``frame-ancestors 'none'``, ``X-Frame-Options: DENY``).
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from campus_ia.capacity.page_charts import chart_views
from campus_ia.capacity.page_text import PageText
from campus_ia.pages.downloads import embed_page_url
from campus_ia.site import LANGUAGES
from campus_ia.site.assembly import SiteAssembly
from tests.support import REPO_ROOT
from tests.support.axe import format_violations, run_axe
from tests.test_nginx import _free_port, _nginx, nginx_config


@pytest.fixture(scope="module")
def assembly() -> SiteAssembly:
    return SiteAssembly.load(REPO_ROOT / "content", REPO_ROOT / "locales", root=REPO_ROOT)


@pytest.fixture(scope="module")
def servers(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """(the site's origin, the other origin, the other origin's folder), both served by one nginx."""
    nginx = _nginx()
    prefix = tmp_path_factory.mktemp("nginx-framing")
    other = tmp_path_factory.mktemp("other-origin")
    port, other_port = _free_port(), _free_port()
    conf = nginx_config(built_site, port, prefix)
    other_block = (
        f"    server {{\n        listen 127.0.0.1:{other_port};\n        root {other};\n"
        "        types { text/html html; }\n    }\n"
    )
    conf = conf[: conf.rstrip().rindex("}")] + other_block + "}\n"
    (prefix / "nginx.conf").write_text(conf, encoding="utf-8")
    args = [nginx, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf")]
    check = subprocess.run([*args, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([*args, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        for wanted in (port, other_port):
            while True:
                try:
                    socket.create_connection(("127.0.0.1", wanted), timeout=1).close()
                    break
                except OSError:
                    assert process.poll() is None and time.monotonic() < deadline, "nginx did not start"
                    time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{other_port}", other
    finally:
        process.terminate()
        process.wait(timeout=15)


def host_page(folder: Path, name: str, frame_url: str) -> str:
    """Write a page of the other site that frames ``frame_url``; return its file name."""
    (folder / name).write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newspaper</title></head>'
        f'<body><h1>An article</h1><iframe src="{frame_url}" title="Chart" width="360" height="700"></iframe>'
        "</body></html>\n",
        encoding="utf-8",
    )
    return name


def framed(browser: Any, url: str) -> Any:
    """Open ``url`` (a page of the other origin) and return its iframe's frame once loaded."""
    page = browser.new_page(viewport={"width": 400, "height": 800})
    page.goto(url, wait_until="load")
    frame = page.frame_locator("iframe")
    return page, frame


@pytest.mark.parametrize("lang", LANGUAGES)
def test_embed_page_draws_its_chart_in_another_sites_frame(
    browser: Any, servers: tuple[str, str, Path], assembly: SiteAssembly, lang: str
) -> None:
    site, other, folder = servers
    ctx = assembly.page_contexts("capacity")[lang]
    views = chart_views(PageText.from_context(ctx))
    assert views
    for view in views:
        url = f"{site}/{embed_page_url(ctx.page_url, view.key, lang)}"
        page, frame = framed(browser, f"{other}/{host_page(folder, f'{lang}-{view.key}.html', url)}")
        try:
            heading = frame.locator("h1")
            heading.wait_for(timeout=10_000)
            assert " ".join(heading.inner_text().split()) == " ".join(
                view.title.replace("\u202f", " ").replace("\u00a0", " ").split())
            chart = frame.locator("svg.cia-chart")
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100  # drawn, at the frame's width
            bar = frame.locator("rect.cia-chart__bar").first
            assert bar.evaluate("e => getComputedStyle(e).fill") == "rgb(26, 58, 107)"  # the stylesheet loaded
            assert frame.locator("a[target=_blank]").get_attribute("href").endswith(f"#chart-{view.key}")
        finally:
            page.close()


@pytest.mark.parametrize("path", ["fr/", "en/capacity-model/"])
def test_a_normal_page_refuses_another_sites_frame(browser: Any, servers: tuple[str, str, Path], path: str) -> None:
    site, other, folder = servers
    page, _frame = framed(browser, f"{other}/{host_page(folder, 'normal-' + path.replace('/', '-') + '.html', f'{site}/{path}')}")
    try:
        page.wait_for_timeout(500)
        child = page.frames[1]
        # Chromium replaces a refused frame by its own error page: none of the site's document is there.
        assert child.url.startswith("chrome-error://"), child.url
        assert child.locator(".md-content, .cia-embed").count() == 0
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embed_pages_pass_axe(browser: Any, servers: tuple[str, str, Path], built_site: Path, scheme: str) -> None:
    """axe's WCAG 2.1 AA rules on every embed page (not in the sitemap, so not in test_accessibility)."""
    site, _other, _folder = servers
    pages = sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("embed/*/index.html"))
    assert len(pages) >= 2 * len(LANGUAGES)
    context = browser.new_context(viewport={"width": 360, "height": 700}, color_scheme=scheme)
    try:
        page = context.new_page()
        report = []
        for path in pages:
            page.goto(f"{site}/{path}")
            violations = run_axe(page)
            if violations:
                report.append(f"/{path}:\n{format_violations(violations)}")
        assert not report, "\n".join(report)
    finally:
        context.close()
