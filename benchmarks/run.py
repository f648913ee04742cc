"""Where build time goes and how it grows: ``make bench`` (``python benchmarks/run.py``).

For each size (prose pages per language) a synthetic project is generated
(``benchmarks/generate.py``) and built several times; the table gives median
wall-clock seconds of whole ``mkdocs build`` processes (time.perf_counter around
subprocess.run, NO_MKDOCS_2_WARNING=1):

  ours   the generated project, as shipped: one bilingual build with campus-ia.
  floor  Material alone on the same Markdown prose: no plugin of ours, same theme
         settings (search plugin kept); one plain build of docs/fr (theme.language
         fr) plus one of docs/en (theme.language en), summed. It renders no
         generated page and writes no {{ fact }} value, so it is a lower bound.
  alt    the same prose with mkdocs-static-i18n (folder structure docs/fr, docs/en,
         default language fr) and mkdocs-macros-plugin, whose marker(kind, id, lang) macro
         writes the same values ours writes; same theme settings.

Then edit-to-preview: ``mkdocs serve`` on a copy of the shipped project, one figure
changed in content/campus.yml, and the time until the served page shows the new
value (HTTP polled every 20 ms).

Options: --quick (sizes 50,200, one run each, three edits), --sizes, --repeat,
--edits, --no-alt, --no-serve, --serve-only, --keep DIR. --wrapper SCRIPT runs ``python SCRIPT
build|serve ...`` instead of ``python -m mkdocs`` for ours (for a development
wrapper); --plugin-src DIR imports campus_ia from DIR (to compare two versions).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import REPO, Project, generate_project  # noqa: E402

MARKER = re.compile(r"\{\{\s*(fact|source|site):([A-Za-z0-9_.-]+)\s*\}\}")
"""The prose markers ours replaces (plugins/campus_ia/site/prose_figures.py)."""


# -- environment ----------------------------------------------------------------------


@dataclass
class Runner:
    """How to start MkDocs for ours, and for the others."""

    wrapper: Path | None
    plugin_src: Path | None
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="")
        self.env.pop("PYTHONDONTWRITEBYTECODE")
        if self.plugin_src:
            self.env["PYTHONPATH"] = os.pathsep.join([str(self.plugin_src), *filter(None, [os.environ.get("PYTHONPATH")])])

    def mkdocs(self, *args: str, ours: bool) -> list[str]:
        if ours and self.wrapper:
            return [sys.executable, str(self.wrapper), *args]
        return [sys.executable, "-m", "mkdocs", *args]

    def timed(self, command: list[str], cwd: Path) -> tuple[float, float]:
        """Wall-clock and CPU (user + system) seconds of one process run to completion."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            raise BuildFailed(f"{' '.join(command)} (in {cwd}) exited {done.returncode}:\n{tail}")
        return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class BuildFailed(Exception):
    pass


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return [
        f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}",
        f"Python {platform.python_version()}, MkDocs {v('mkdocs')}, Material {v('mkdocs-material')}, "
        f"Markdown {v('markdown')}, Jinja2 {v('jinja2')}, mkdocs-static-i18n {v('mkdocs-static-i18n')}, "
        f"mkdocs-macros-plugin {v('mkdocs-macros-plugin')}",
    ]


def have_alternative() -> bool:
    from importlib.util import find_spec

    return find_spec("mkdocs_static_i18n") is not None and find_spec("mkdocs_macros") is not None


# -- the three projects of a size ---------------------------------------------------------


def _base_config(project: Project) -> dict[str, Any]:
    return yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))


def _without_ours(plugins: list[Any]) -> list[Any]:
    return [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != "campus-ia"]


def prose_nav(project: Project, lang: str) -> list[Any]:
    """The prose pages of ``lang`` as a MkDocs ``nav``, grouped in the sections ours uses.

    Ours lists the same pages with the same sections (plus its generated pages), so the
    three builds render navigation of the same shape.
    """
    site = yaml.safe_load((project.root / "content" / "site.yml").read_text(encoding="utf-8"))
    titles = {s["id"]: s["title"][lang] for s in site.get("sections", [])}
    nav: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for entry in site["pages"]:
        if entry["generated"]:
            continue
        item = {entry["title"][lang]: f"{entry['slug'][lang] or 'index'}.md"}
        section = entry.get("section")
        if section is None:
            nav.append(item)
        else:
            if section not in groups:
                groups[section] = []
                nav.append({titles[section]: groups[section]})
            groups[section].append(item)
    return nav


def write_floor_configs(project: Project, out: Path) -> list[Path]:
    """One plain Material config per language: docs/<lang>, theme.language <lang>."""
    paths = []
    for lang in ("fr", "en"):
        config = _base_config(project)
        config["docs_dir"] = f"docs/{lang}"
        config["site_dir"] = str(out / f"floor-{lang}")
        config["nav"] = prose_nav(project, lang)
        config["theme"]["language"] = lang
        config["plugins"] = _without_ours(config.get("plugins", []))
        path = project.root / f"mkdocs-floor-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def marker_values(project: Project, runner: Runner) -> dict[str, dict[str, str]]:
    """lang -> "kind:ident" -> what ours writes for each prose marker (computed by our own code):
    a figure's value, a source's name, the contact paragraph, or a block's HTML (key figures, map)."""
    script = (
        "import datetime, json, sys; from pathlib import Path\n"
        "from campus_ia.site.assembly import SiteAssembly\n"
        "from campus_ia.site.prose_markers import marker_block, marker_text\n"
        "root = Path(sys.argv[1]); markers = json.loads(sys.argv[2])\n"
        "a = SiteAssembly.load(root / 'content', root / 'locales', root=root)\n"
        "def value(lang, kind, ident):\n"
        "    home = a.page_context(a.structure.get('home', lang))\n"
        "    block = marker_block(home, ident, datetime.date.today()) if kind == 'site' else None\n"
        "    return block if block is not None else marker_text(a.languages[lang], kind, ident)\n"
        "print(json.dumps({l: {f'{k}:{i}': value(l, k, i) for k, i in markers} for l in a.languages}, ensure_ascii=False))\n"
    )
    markers = sorted({m for lang in ("fr", "en") for path in (project.root / "docs" / lang).rglob("*.md")
                      for m in MARKER.findall(path.read_text(encoding="utf-8"))})
    done = subprocess.run([sys.executable, "-c", script, str(project.root), json.dumps(markers)], env=runner.env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildFailed("cannot compute the marker values for the alternative:\n" + done.stderr[-2000:])
    return json.loads(done.stdout)


MACROS_MODULE = '''"""Macros for the benchmark's alternative build: marker(kind, id, lang) -> what ours writes."""
import json
from pathlib import Path

def define_env(env):
    values = json.loads((Path(__file__).parent / "markers.json").read_text(encoding="utf-8"))

    @env.macro
    def marker(kind, ident, lang):
        return values[lang][f"{kind}:{ident}"]
'''


def write_alternative(project: Project, dest: Path, out: Path, runner: Runner) -> Path:
    """mkdocs-static-i18n (folder structure) + mkdocs-macros-plugin over the same prose."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs").mkdir(parents=True)
    for lang in ("fr", "en"):
        target = dest / "docs" / lang
        shutil.copytree(project.root / "docs" / lang, target)
        for path in target.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(MARKER.sub(lambda m: f"{{{{ marker('{m.group(1)}', '{m.group(2)}', '{lang}') }}}}", text),
                            encoding="utf-8")
    (dest / "markers.json").write_text(json.dumps(marker_values(project, runner), ensure_ascii=False), encoding="utf-8")
    (dest / "bench_macros.py").write_text(MACROS_MODULE, encoding="utf-8")
    config = _base_config(project)
    config["docs_dir"] = "docs"
    config["site_dir"] = str(out / "alt")
    config["plugins"] = [
        *_without_ours(config.get("plugins", [])),
        # No fallback: a French page must not be built again into the English site (slugs differ).
        {"i18n": {"docs_structure": "folder", "fallback_to_default": False, "languages": [
            {"locale": "fr", "default": True, "name": "Français", "build": True, "nav": prose_nav(project, "fr")},
            {"locale": "en", "name": "English", "build": True, "nav": prose_nav(project, "en")},
        ]}},
        {"macros": {"module_name": "bench_macros", "on_error_fail": True}},
    ]
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# -- measurements ---------------------------------------------------------------------------


@dataclass
class SizeResult:
    size: int
    pages: dict[str, int]
    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    round_seconds: float = 0.0
    note: str = ""

    def median(self, kind: str, cpu: bool = False) -> float | None:
        values = (self.cpu if cpu else self.times).get(kind)
        return statistics.median(values) if values else None

    def paired_ratio(self, kind: str, other: str, cpu: bool = True) -> float | None:
        """The median over rounds of ``kind``'s time over ``other``'s in the same round.

        The kinds take turns within a round, so a slow spell of the machine that lasts a
        round weighs on both sides of each ratio; the ratio of the medians can pair one
        kind's fast round with the other's slow one.
        """
        table = self.cpu if cpu else self.times
        pairs = [a / b for a, b in zip(table.get(kind, []), table.get(other, [])) if b]
        return statistics.median(pairs) if pairs else None


def bench_size(size: int, repeat: int, work: Path, runner: Runner, alt: bool, warmup: bool,
               deadline: float | None = None, repo: Path = REPO) -> SizeResult:
    """Build the three projects of one size ``repeat`` times, fewer if ``deadline`` would be passed."""
    project = generate_project(work / f"ours-{size}", size, repo=repo)
    out = work / f"site-{size}"
    floor_configs = write_floor_configs(project, out)
    prose = {lang: len(project.prose_pages[lang]) for lang in ("fr", "en")}
    listed = len(yaml.safe_load((project.root / "content" / "site.yml").read_text(encoding="utf-8"))["pages"])
    result = SizeResult(size, {
        "ours": 2 * listed + 1,  # every listed page in both languages, and the root language chooser
        "floor": sum(prose.values()),
        "alt": sum(prose.values()),
    })
    commands: dict[str, list[tuple[list[str], Path]]] = {
        "ours": [(runner.mkdocs("build", "-q", "-f", str(project.root / "mkdocs.yml"), "-d", str(out / "ours"),
                                ours=True), project.root)],
        "floor": [(runner.mkdocs("build", "-q", "-f", str(c), ours=False), project.root) for c in floor_configs],
    }
    if alt:
        try:
            alt_config = write_alternative(project, work / f"alt-{size}", out, runner)
            commands["alt"] = [(runner.mkdocs("build", "-q", "-f", str(alt_config), ours=False), alt_config.parent)]
        except BuildFailed as exc:
            result.failures["alt"] = str(exc)
    for round_ in range(repeat + (1 if warmup else 0)):
        round_start = time.perf_counter()
        timed_rounds = len(result.times.get("ours", []))
        if deadline is not None and timed_rounds and round_start + result.round_seconds > deadline:
            result.note = (f"{timed_rounds} run(s) instead of {repeat}: one more would pass the time budget "
                           "(--budget)")
            break
        for kind, runs in commands.items():
            if kind in result.failures:
                continue
            try:
                measured = [runner.timed(command, cwd) for command, cwd in runs]
            except BuildFailed as exc:
                result.failures[kind] = str(exc)
                continue
            if warmup and round_ == 0:
                continue
            result.times.setdefault(kind, []).append(sum(m[0] for m in measured))
            result.cpu.setdefault(kind, []).append(sum(m[1] for m in measured))
        result.round_seconds = time.perf_counter() - round_start
        shown = ", ".join(f"{k} {v[-1]:.2f} s" for k, v in result.times.items() if v)
        label = "warm-up" if warmup and round_ == 0 else f"run {round_ + (0 if warmup else 1)}/{repeat}"
        print(f"  {size:>5} pages/lang, {label}: {shown or 'not timed'}", file=sys.stderr, flush=True)
    if "alt" in commands and "alt" not in result.failures:
        check_alternative(out / "alt", project)
    if "ours" not in result.failures:
        check_nav(out, project)
    return result


def check_nav(out: Path, project: Project) -> None:
    """Our per-language nav, like the floor's, must list the synthetic prose pages."""
    first, last = project.prose_pages["en"][-project.scale.pages][:-3], project.prose_pages["en"][-1][:-3]
    pages = {"ours": out / "ours" / "en" / last / "index.html", "floor": out / "floor-en" / last / "index.html"}
    for kind, page in pages.items():
        if page.exists() and f'href="../{first}/"' not in page.read_text(encoding="utf-8"):
            raise SystemExit(f"{kind}: the navigation of {page} does not link the first synthetic page {first}")


def check_alternative(site: Path, project: Project) -> None:
    """The alternative must have built both languages and written the values (no marker left)."""
    sample = project.prose_pages["en"][-1][:-3]
    page = site / "en" / sample / "index.html"
    if not page.exists():
        raise SystemExit(f"the alternative build did not write {page}")
    if "marker(" in page.read_text(encoding="utf-8"):
        raise SystemExit(f"the alternative build left a marker() call in {page}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


SITE_POWER = re.compile(r"(- id: site-power\n(?:.*\n)*?\s+- value: )(\d+)")


def edit_to_preview(edits: int, work: Path, runner: Runner, repo: Path) -> tuple[list[float], float | None]:
    """Serve a copy of the shipped project, change the site power, time until /en/ shows it."""
    root = work / "serve"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("content", "docs", "locales"):
        shutil.copytree(repo / name, root / name)
    campus = root / "content" / "campus.yml"
    original = campus.read_text(encoding="utf-8")
    if not SITE_POWER.search(original):
        raise SystemExit("cannot find the site-power value in content/campus.yml")

    build_times = []
    for _ in range(3):
        build_times.append(runner.timed(runner.mkdocs("build", "-q", "-d", str(work / "serve-build"), ours=True), root)[0])

    port = free_port()
    url = f"http://127.0.0.1:{port}/en/"
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(runner.mkdocs("serve", "-a", f"127.0.0.1:{port}", ours=True), cwd=root, env=runner.env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    times: list[float] = []
    try:
        deadline = time.monotonic() + 120
        while _get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"mkdocs serve did not start; see {work / 'serve.log'}")
            time.sleep(0.1)
        time.sleep(1.0)
        for k in range(1, edits + 1):
            megawatts = 1400 + 10 * k  # 1.41 GW, 1.42 GW, ... never on the page before
            wanted = re.compile(rf"1\.{40 + k}[\s\u00a0\u202f]*GW")
            if wanted.search(_get(url) or ""):
                raise SystemExit(f"the page already shows {wanted.pattern} before the edit")
            text = SITE_POWER.sub(lambda m: m.group(1) + str(megawatts), original, count=1)
            start = time.perf_counter()
            campus.write_text(text, encoding="utf-8")
            while True:
                page = _get(url) or ""
                elapsed = time.perf_counter() - start
                if wanted.search(page):
                    break
                if elapsed > 60 or server.poll() is not None:
                    raise SystemExit(f"the served page never showed the new value; see {work / 'serve.log'}")
                time.sleep(0.02)
            times.append(elapsed)
            print(f"  edit {k}/{edits}: {elapsed:.2f} s", file=sys.stderr, flush=True)
            time.sleep(1.5)  # let the watcher settle before the next edit
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
        campus.write_text(original, encoding="utf-8")
    return times, statistics.median(build_times)


# -- report ----------------------------------------------------------------------------------


def _s(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "n/a"


def _r(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "n/a"


def marginal_costs(results: list[SizeResult]) -> dict[str, list[tuple[int, int, float]]]:
    """kind -> (size, next size, ms per added page) for each step between measured sizes."""
    found: dict[str, list[tuple[int, int, float]]] = {}
    for kind in ("ours", "floor", "alt"):
        for a, b in zip(results, results[1:]):
            ta, tb = a.median(kind), b.median(kind)
            if ta is None or tb is None or b.pages[kind] == a.pages[kind]:
                continue
            found.setdefault(kind, []).append((a.size, b.size, 1000 * (tb - ta) / (b.pages[kind] - a.pages[kind])))
    return found


def report(results: list[SizeResult], repeat: int) -> list[str]:
    lines = [
        f"Median of the runs (up to {repeat}), seconds of wall-clock per whole `mkdocs build` process.",
        "",
        "| pages/lang | runs | pages built (ours / floor, alt) | ours s | floor s (fr+en) | alt s | ours/floor "
        "| ours/alt | ours ms/page | floor ms/page | alt ms/page |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    per_page: dict[str, list[float | None]] = {"ours": [], "floor": [], "alt": []}
    for r in results:
        ours, floor, alt = r.median("ours"), r.median("floor"), r.median("alt")
        cells = []
        for kind, value in (("ours", ours), ("floor", floor), ("alt", alt)):
            ms = 1000 * value / r.pages[kind] if value is not None else None
            per_page[kind].append(ms)
            cells.append(f"{ms:.1f}" if ms is not None else "n/a")
        lines.append(f"| {r.size} | {len(r.times.get('ours', []))} | {r.pages['ours']} / {r.pages['floor']} | {_s(ours)} | {_s(floor)} | {_s(alt)} "
                     f"| {_r(ours, floor)} | {_r(ours, alt)} | {' | '.join(cells)} |")
    lines += [
        "",
        "The same builds in CPU seconds (user + system of the build processes; less sensitive than wall-clock",
        "to other work on the machine):",
        "",
        "| pages/lang | ours CPU s | floor CPU s | alt CPU s | ours/floor | ours/alt | ours/floor, paired "
        "| ours/alt, paired | ours CPU ms/page |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cpu_per_page: list[float | None] = []
    for r in results:
        ours, floor, alt = r.median("ours", True), r.median("floor", True), r.median("alt", True)
        cpu_per_page.append(1000 * ours / r.pages["ours"] if ours is not None else None)
        paired = [r.paired_ratio("ours", other) for other in ("floor", "alt")]
        lines.append(f"| {r.size} | {_s(ours)} | {_s(floor)} | {_s(alt)} | {_r(ours, floor)} | {_r(ours, alt)} "
                     f"| {_s(paired[0])} | {_s(paired[1])} "
                     f"| {cpu_per_page[-1]:.1f} |" if ours is not None else f"| {r.size} | n/a | | | | | | | |")
    if len(results) > 1:
        growth = []
        for kind in ("ours", "floor", "alt"):
            first, last = per_page[kind][0], per_page[kind][-1]
            growth.append(f"{kind} {100 * (last / first - 1):+.0f} %" if first and last else f"{kind} n/a")
        first, last = cpu_per_page[0], cpu_per_page[-1]
        growth.append(f"ours CPU {100 * (last / first - 1):+.0f} %" if first and last else "ours CPU n/a")
        lines += ["", f"Time per page, {results[0].size} -> {results[-1].size} pages/lang: " + ", ".join(growth)]
        marginal = marginal_costs(results)
        if marginal:
            lines += ["", "Cost of each added page (difference of build times over difference of pages built, ms; "
                      "the fixed cost of a build cancels out, so this shows whether pages get dearer as the site grows):"]
            lines += [f"  {kind}: " + ", ".join(f"{a} -> {b}: {cost:.1f}" for a, b, cost in steps)
                      + (f" (last step vs first: {100 * (steps[-1][2] / steps[0][2] - 1):+.0f} %)" if len(steps) > 1 else "")
                      for kind, steps in marginal.items()]
    lines += [
        "",
        "ours: the generated project, one bilingual build with campus-ia (generated data pages, prose with",
        "  {{ fact }} values, per-language nav/search/404, sitemap, downloads). Pages built counts every",
        "  listed page in both languages plus the root chooser.",
        "floor: Material alone, no plugin of ours, same theme settings (search kept): a build of docs/fr",
        "  (theme.language fr) plus a build of docs/en (theme.language en); the column is their sum. No",
        "  generated page, no figure value: a lower bound. Pages built counts the prose pages.",
        "alt: mkdocs-static-i18n (docs/fr, docs/en, default fr) + mkdocs-macros-plugin writing the same",
        "  values of every prose marker through a marker(kind, id, lang) macro; same theme settings, same prose.",
        "All three navs list the same pages in the same sections of 25 (navigation.prune: a page carries its own section only).",
    ]
    for r in results:
        if r.note:
            lines += ["", f"{r.size} pages/lang: {r.note}."]
        for kind, message in r.failures.items():
            lines += ["", f"{kind} at {r.size} pages/lang FAILED:", message]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--quick", action="store_true", help="sizes 50,200, one run each, three edits")
    parser.add_argument("--sizes", help="prose pages per language, comma-separated (default 50,200,1000)")
    parser.add_argument("--repeat", type=int, help="timed builds per size and kind (default 5)")
    parser.add_argument("--edits", type=int, help="edits timed in edit-to-preview (default 5; 0 skips it)")
    parser.add_argument("--budget", type=float, default=540,
                        help="seconds for the whole run; the last size gets fewer runs rather than pass it (default 540)")
    parser.add_argument("--no-alt", action="store_true", help="skip the mkdocs-static-i18n + macros column")
    parser.add_argument("--no-serve", action="store_true", help="skip edit-to-preview")
    parser.add_argument("--serve-only", action="store_true", help="measure edit-to-preview only (no build sizes)")
    parser.add_argument("--no-warmup", action="store_true", help="do not run one untimed build of each kind first")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--repo", type=Path, default=REPO, help="project to copy mkdocs.yml, content, docs, locales from")
    parser.add_argument("--wrapper", type=Path, help="run ours as `python WRAPPER build|serve ...`")
    parser.add_argument("--plugin-src", type=Path, help="import campus_ia from this folder (prepended to PYTHONPATH)")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([50, 200] if args.quick else [50, 200, 1000])
    if args.serve_only:
        sizes = []
    repeat = args.repeat or (1 if args.quick else 5)
    edits = args.edits if args.edits is not None else (3 if args.quick else 5)
    if args.no_serve:
        edits = 0
    runner = Runner(args.wrapper.resolve() if args.wrapper else None,
                    args.plugin_src.resolve() if args.plugin_src else None)
    if runner.plugin_src:
        sys.path.insert(0, str(runner.plugin_src))  # generate.py validates with the same campus_ia
    alt = not args.no_alt and have_alternative()

    header = machine()
    if not alt and not args.no_alt:
        print("mkdocs-static-i18n or mkdocs-macros-plugin is missing: no alt column "
              "(make bench installs them: pip install -e '.[bench]')", file=sys.stderr)

    load_before = os.getloadavg()
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="campus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        results = []
        deadline = start + args.budget - (40 if edits else 0)  # what edit-to-preview needs
        for index, size in enumerate(sizes):
            results.append(bench_size(size, repeat, work, runner, alt, warmup=not args.no_warmup,
                                      deadline=deadline if index == len(sizes) - 1 else None,
                                      repo=args.repo.resolve()))
            shutil.rmtree(work / f"site-{size}", ignore_errors=True)
        serve_times: list[float] = []
        shipped_build = None
        serve_failure = ""
        if edits:
            try:
                serve_times, shipped_build = edit_to_preview(edits, work, runner, args.repo.resolve())
            except (SystemExit, BuildFailed) as exc:
                serve_failure = str(exc)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    lines = ["", *header, "", *(report(results, repeat) if results else [])]
    if serve_failure:
        lines += ["", f"Edit-to-preview FAILED: {serve_failure}"]
    elif edits:
        lines += [
            "",
            f"Edit-to-preview on the shipped project (mkdocs serve, site power changed in content/campus.yml, "
            f"/en/ polled every 20 ms): median {statistics.median(serve_times):.2f} s over {len(serve_times)} edits "
            f"(min {min(serve_times):.2f}, max {max(serve_times):.2f}).",
            f"  For reference, a whole `mkdocs build` of the shipped project takes {_s(shipped_build)} s (a new "
            "process); MkDocs' server polls for changes every 0.5 s and waits 0.1 s for quiet before rebuilding.",
        ]
    load_after = os.getloadavg()
    cores = os.cpu_count() or 1
    lines += ["", f"Benchmark wall time: {time.perf_counter() - start:.0f} s. Load average (1 min) before "
              f"{load_before[0]:.2f}, after {load_after[0]:.2f}, on {cores} cores."]
    if max(load_before[0], load_after[0]) > 0.5 * cores + 1:
        lines.append("WARNING: other work was running on the machine; wall-clock numbers are noisy, "
                     "compare the CPU table or run again on a quiet machine.")
    print("\n".join(lines))
    failed = any(r.failures for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
