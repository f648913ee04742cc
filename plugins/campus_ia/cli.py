"""``campus-ia``: check the content and the built site, publish the schemas, run the catalog workflow."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import ContentError, load_content
from .content.schemas import write_schemas
from .editor.cli_edit import run_editor
from .i18n import CatalogError, workflow
from .site.assembly import DownloadError, SiteAssembly
from .site.prose_check import prose_problems
from .site.release_blockers import address_blockers
from .site.release_checks import release_report
from .translations.cli_status import mark_current_command, status_command


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``campus-ia`` command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="campus-ia", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (holds content/ and locales/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate content/ and locales/; exit 1 listing every problem")
    commands.add_parser("schemas", help="write content/schemas/*.schema.json from the content model")
    site = commands.add_parser("check-site", help="release checks on a built site (CSP, links, structure, "
                               "third-party requests); exit 1 listing every problem")
    site.add_argument("site_dir", type=Path, nargs="?", default=Path("site"), help="built site (default: site)")
    site.add_argument("--release", action="store_true", help="also refuse what a public release needs and the "
                      "content lacks (the site's and the repository's addresses in content/site.yml)")
    i18n = commands.add_parser("i18n", help="interface strings (extract, update) and prose translations "
                               "(status, mark-current)")
    i18n.add_argument("action", choices=["extract", "update", "status", "mark-current"])
    i18n.add_argument("pages", nargs="*", type=Path, help="mark-current: the translated page(s), e.g. docs/en/about.md")
    i18n.add_argument("--strict", action="store_true", help="status: exit 1 when a translation is stale")
    edit = commands.add_parser("edit", help="start the web editor on 127.0.0.1 (local backend, checked saves)")
    edit.add_argument("--port", type=int, default=8081, help="port of the editor (default: 8081)")
    args = parser.parse_args(argv)
    root: Path = args.root

    if args.command == "check":
        return _check(root)
    if args.command == "check-site":
        return _check_site(args.site_dir, release_root=args.root if args.release else None)
    if args.command == "schemas":
        for path in write_schemas(root / "content" / "schemas"):
            print(path)
        return 0
    if args.command == "edit":
        return run_editor(root, args.port)
    if args.action in ("status", "mark-current"):
        if args.action == "status":
            return status_command(root, strict=args.strict)
        return mark_current_command(root, args.pages)
    getattr(workflow, args.action)(root / "locales")
    return 0


def _check(root: Path) -> int:
    problems: list[str] = []
    try:
        assembly = SiteAssembly.load(root / "content", root / "locales", root=root)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except CatalogError as exc:
        print(exc, file=sys.stderr)
        return 1

    try:
        assembly.downloads()  # the build writes them: a writer's failure must show here too
    except DownloadError as exc:
        print(exc, file=sys.stderr)
        return 1

    problems = assembly.structure.check_prose(root / "docs", "docs", root)
    # The rules the build applies while rendering (figures, markup, links), on the same text.
    problems += [str(p) for p in sorted(set(prose_problems(assembly, root / "docs", root, root / "mkdocs.yml")))]
    if problems:
        print("\n".join(["Page problems:", *(f"  {p}" for p in problems)]), file=sys.stderr)
        return 1
    print("content/ and locales/ are valid.")
    return 0


def _check_site(site_dir: Path, *, release_root: Path | None = None) -> int:
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here (run 'mkdocs build' first, or name the folder)", file=sys.stderr)
        return 1
    report = release_report(site_dir)
    blockers: list[str] = []
    if release_root is not None:
        try:
            blockers = address_blockers(load_content(release_root / "content", display_root=release_root))
        except ContentError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
    if report or blockers:
        if report:
            print(report, file=sys.stderr)
        if blockers:
            print("Release blockers (the site builds, but is not ready to be published):", file=sys.stderr)
            print("\n".join(f"  {b}" for b in blockers), file=sys.stderr)
        return 1
    print(f"{site_dir}: ready to publish.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
