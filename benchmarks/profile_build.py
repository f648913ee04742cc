"""Profile one ``mkdocs build`` of a generated project: where does the time go, ours or theirs?

    .venv/bin/python benchmarks/profile_build.py            # 200 prose pages per language
    .venv/bin/python benchmarks/profile_build.py --pages 1000 --top 40 --dump /tmp/build.prof

Runs ``mkdocs.commands.build.build(load_config(...))`` under cProfile in this
process (imports done first, so they are not counted) and prints

* self time grouped by package (campus_ia, mkdocs, material, markdown, jinja2, ...);
* the inclusive time of each campus-ia plugin event (what the build spends inside
  our hooks, including the Markdown/Jinja work they start);
* our functions by inclusive time, and every function by self time.

``--phases`` instead times the build's phases without cProfile (its overhead
inflates Python-heavy code): every plugin event by plugin, Markdown conversion and
theme rendering (both net of the events inside them), static files; median of
``--repeat`` builds.

``--prelude FILE`` executes a Python file first (e.g. a development wrapper that stubs
templates still being written); ``--plugin-src DIR`` imports campus_ia from DIR.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

GROUPS = [
    ("campus_ia", "campus_ia (ours)"),
    ("material", "material"),
    ("mkdocs", "mkdocs"),
    ("markdown", "markdown"),
    ("pymdownx", "pymdownx"),
    ("jinja2", "jinja2"),
    ("markupsafe", "jinja2"),
    ("babel", "babel"),
    ("pydantic", "pydantic"),
    ("yaml", "yaml"),
    ("watchdog", "mkdocs"),
]


def group_of(filename: str) -> str:
    parts = Path(filename).parts
    for key, name in GROUPS:
        if key in parts:
            return name
    if filename.startswith("<") or "lib/python3" in filename or filename == "~":
        return "python stdlib/builtins"
    return "other"


def is_ours(filename: str) -> bool:
    return "campus_ia" in Path(filename).parts


class _Phases:
    """Inclusive timers (wall and CPU), minus the events that run inside a phase."""

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.stack: list[str] = []

    def timed(self, name: str, func, *args, **kwargs):  # noqa: ANN001, ANN201
        start, start_cpu = time.perf_counter(), time.process_time()
        self.stack.append(name)
        try:
            return func(*args, **kwargs)
        finally:
            self.stack.pop()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            self.times[name] += elapsed
            self.cpu[name] += cpu
            self.calls[name] += 1
            if self.stack:  # the enclosing phase did not do this work itself
                self.times[self.stack[-1]] -= elapsed
                self.cpu[self.stack[-1]] -= cpu


def phases(config_file: Path, site_dir: Path, repeat: int) -> int:
    import mkdocs.commands.build as build_module
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    timer = _Phases()
    originals = {name: getattr(build_module, name) for name in
                 ("_populate_page", "_build_page", "_build_theme_template", "get_files", "get_navigation")}
    labels = {
        "_populate_page": "pages: read + Markdown -> HTML",
        "_build_page": "pages: theme template render + write",
        "_build_theme_template": "theme templates (sitemap, 404)",
        "get_files": "collect files",
        "get_navigation": "default navigation",
    }
    for name, func in originals.items():
        setattr(build_module, name, lambda *a, _f=func, _n=labels[name], **k: timer.timed(_n, _f, *a, **k))
    original_run_event = PluginCollection.run_event

    def run_event(self, name, item=None, **kwargs):  # noqa: ANN001, ANN202
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            label = f"event {name} [{origin}]"
            result = timer.timed(label, method, item, **kwargs) if pass_item else timer.timed(label, method, **kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event  # type: ignore[method-assign]
    original_copy = None
    try:
        from mkdocs.structure.files import Files

        original_copy = Files.copy_static_files
        Files.copy_static_files = lambda self, *a, **k: timer.timed("copy static files", original_copy, self, *a, **k)
        totals, cpu_totals = [], []
        samples: list[dict[str, float]] = []
        cpu_samples: list[dict[str, float]] = []
        for _ in range(repeat):
            timer.times.clear()
            timer.cpu.clear()
            timer.calls.clear()
            timer.timed("load_config (plugins instantiated)", load_config, str(config_file), site_dir=str(site_dir))
            config = load_config(str(config_file), site_dir=str(site_dir))
            start, start_cpu = time.perf_counter(), time.process_time()
            build_module.build(config)
            totals.append(time.perf_counter() - start)
            cpu_totals.append(time.process_time() - start_cpu)
            samples.append(dict(timer.times))
            cpu_samples.append(dict(timer.cpu))
            calls = dict(timer.calls)
    finally:
        PluginCollection.run_event = original_run_event  # type: ignore[method-assign]
        for name, func in originals.items():
            setattr(build_module, name, func)
        if original_copy is not None:
            Files.copy_static_files = original_copy
    import statistics

    total, cpu_total = statistics.median(totals), statistics.median(cpu_totals)
    print(f"Config: {config_file}")
    print(f"build() in process, median of {repeat}: {total:.3f} s wall, {cpu_total:.3f} s CPU (load_config not included)")
    print(f"  {'wall s':>7} {'CPU s':>7} {'CPU %':>6} {'calls':>6}  phase")
    med = lambda runs, key: statistics.median(r.get(key, 0.0) for r in runs)  # noqa: E731
    keys = sorted(cpu_samples[-1], key=lambda k: -med(cpu_samples, k))
    accounted = accounted_cpu = 0.0
    for key in keys:
        value, cpu = med(samples, key), med(cpu_samples, key)
        if cpu < 0.0005 and value < 0.0005:
            continue
        if not key.startswith("load_config"):
            accounted += value
            accounted_cpu += cpu
        print(f"  {value:7.3f} {cpu:7.3f} {100 * cpu / cpu_total:5.1f}% {calls.get(key, 1):6d}  {key}")
    print(f"  {total - accounted:7.3f} {cpu_total - accounted_cpu:7.3f} {100 * (cpu_total - accounted_cpu) / cpu_total:5.1f}%"
          "         rest of build() (clean site dir, theme env, anchor checks, ...)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="prose pages per language (default 200)")
    parser.add_argument("--project", type=Path, help="profile this project instead of generating one")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--warm", action="store_true", help="build once untimed first (warm caches)")
    parser.add_argument("--dump", type=Path, help="write the raw profile here (for snakeviz, pstats)")
    parser.add_argument("--phases", action="store_true", help="time phases and events instead of cProfile")
    parser.add_argument("--repeat", type=int, default=3, help="builds timed with --phases (median)")
    parser.add_argument("--config", default="mkdocs.yml", help="config file in the project (default mkdocs.yml)")
    parser.add_argument("--prelude", type=Path, help="Python file executed before the build")
    parser.add_argument("--plugin-src", type=Path, help="import campus_ia from this folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.plugin_src:
        sys.path.insert(0, str(args.plugin_src.resolve()))
    if args.prelude:
        code = args.prelude.read_text(encoding="utf-8")
        exec(compile(code, str(args.prelude), "exec"), {"__name__": "prelude"})

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import campus_ia.mkdocs_plugin.plugin  # noqa: F401  (imported before profiling)
    import material  # noqa: F401

    work = Path(tempfile.mkdtemp(prefix="campus-profile-"))
    if args.project:
        root = args.project.resolve()
    else:
        from generate import generate_project

        root = generate_project(work / "project", args.pages).root
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        if args.phases:
            return phases(root / args.config, work / "site", args.repeat)
        if args.warm:
            build(load_config(str(root / args.config), site_dir=str(work / "site")))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        build(load_config(str(root / args.config), site_dir=str(work / "site")))
        profiler.disable()
        wall = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    if args.dump:
        profiler.dump_stats(str(args.dump))
    stats = pstats.Stats(profiler, stream=io.StringIO())
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in raw.items())

    print(f"Project: {root} ({args.pages if not args.project else '?'} prose pages/lang)")
    print(f"Build under cProfile: {wall:.2f} s wall (profiling overhead included); {total:.2f} s of self time")
    print()
    print("Self time by package:")
    by_group: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tt, _, _) in raw.items():
        by_group[group_of(filename)] += tt
    for name, tt in sorted(by_group.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {tt:7.2f} s  {100 * tt / total:5.1f} %")

    print()
    print("campus-ia plugin events, inclusive (everything our hooks start, Markdown/Jinja included):")
    events = []
    for (filename, _, func), (cc, nc, tt, ct, _) in raw.items():
        if filename.endswith(os.path.join("mkdocs_plugin", "plugin.py")) and func.startswith("on_"):
            events.append((ct, nc, func))
    for ct, nc, func in sorted(events, reverse=True):
        print(f"  {func:<24} {ct:7.3f} s  {100 * ct / total:5.1f} %  ({nc} calls, {1000 * ct / nc:.2f} ms each)")
    print(f"  {'all events':<24} {sum(e[0] for e in events):7.3f} s  {100 * sum(e[0] for e in events) / total:5.1f} %")

    print()
    print(f"Our functions by inclusive time (top {args.top}; a theme template's 'root' includes the Material")
    print("templates it extends, and recursion makes cProfile's inclusive times of templates unreliable):")
    ours = [(ct, tt, nc, f"{fn[fn.rindex('campus_ia'):]}:{line} {func}")
            for (fn, line, func), (cc, nc, tt, ct, _) in raw.items() if is_ours(fn)]
    print(f"  {'incl s':>7} {'self s':>7} {'calls':>8}  function")
    for ct, tt, nc, name in sorted(ours, reverse=True)[: args.top]:
        print(f"  {ct:7.3f} {tt:7.3f} {nc:8d}  {name}")

    print()
    print(f"All functions by self time (top {args.top}):")
    everyone = [(tt, ct, nc, f"[{group_of(fn)}] {Path(fn).name}:{line} {func}")
                for (fn, line, func), (cc, nc, tt, ct, _) in raw.items()]
    print(f"  {'self s':>7} {'incl s':>7} {'calls':>8}  function")
    for tt, ct, nc, name in sorted(everyone, reverse=True)[: args.top]:
        print(f"  {tt:7.3f} {ct:7.3f} {nc:8d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
