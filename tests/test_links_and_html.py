"""Every built page: internal links and fragments resolve, HTML parses cleanly, ids are unique;
every text file has its pre-compressed copy.

The checks live in ``campus_ia.site.html_checks`` (shared with ``scripts/site-report``);
the first tests run them on small hand-written sites, the last ones on the shipped site.

HTML parsing uses html5lib, the reference HTML5 parsing algorithm, in strict mode: the
first parse error (stray end tag, mis-nested element, duplicate attribute, bad character
reference...) fails the page. Material's templates and ours parse without a single error,
so nothing looser is needed; html5lib does not check ids, hence the separate structure check.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import html5lib
import pytest
from html5lib.html5parser import ParseError

from campus_ia.site.html_checks import (
    check_internal_links,
    check_page_structure,
    html_pages,
    sitemap_paths,
    third_party_resources,
)
from campus_ia.site.precompress import MIN_SIZE, TEXT_SUFFIXES, precompress_site

PAGE = """<!doctype html>
<html lang="{lang}"><head><title>t</title>{head}</head>
<body><h1 id="top">Title</h1>{body}</body></html>
"""


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for path, text in pages.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def page(body: str = "", head: str = "", lang: str = "fr") -> str:
    return PAGE.format(lang=lang, head=head, body=body)


# -- the checks, on small sites ---------------------------------------------------------


def test_internal_links_that_resolve_pass(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "index.html": page('<a href="fr/">fr</a><a href="/fr/a/#part">a</a><a href="#top">top</a>', lang="en"),
        "fr/index.html": page('<a href="a/">a</a><a href="../data/x.csv">csv</a><a href="a">no slash</a>'),
        "fr/a/index.html": page('<h2 id="part">p</h2><a href="../">up</a><a href="https://example.org/x">out</a>'
                                '<a href="mailto:a@example.org">m</a><img src="data:image/png;base64,AA==" alt="">'),
        "data/x.csv": "a,b\n",
    })
    assert check_internal_links(site) == []


def test_missing_file_and_missing_fragment_are_reported(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "fr/index.html": page('<a href="nowhere/">x</a>\n<a href="b/#absent">y</a><img src="../logo.svg" alt="">'),
        "fr/b/index.html": page(),
    })
    problems = [str(p) for p in check_internal_links(site)]
    assert len(problems) == 3, problems
    assert 'fr/index.html:3:' in problems[0] and '"nowhere/"' in problems[0] and "no such file" in problems[0]
    assert 'no id "absent" in fr/b/index.html' in problems[1]
    assert '"../logo.svg"' in problems[2]


def test_duplicate_ids_h1_count_and_language_are_checked(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "en/index.html": page('<p id="x">a</p><p id="x">b</p><h1>again</h1>', lang="fr"),
    })
    messages = [p.message for p in check_page_structure(site)]
    assert 'id "x" is used 2 times' in messages
    assert "2 <h1> elements (one expected)" in messages
    assert '<html lang="fr"> in the en/ folder' in messages


def test_third_party_resources_are_found_but_not_ordinary_links(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "index.html": page(
            '<a href="https://example.org/">a link is not loaded</a>'
            '<img src="https://img.example.net/a.png" alt="">'
            '<p style="background: url(//cdn.example.net/b.png)">x</p>',
            head='<link rel="canonical" href="https://campus.example.org/">'
                 '<link rel="stylesheet" href="https://fonts.example.com/css">'
                 '<script src="https://cdn.example.com/lib.js"></script>',
        ),
        "assets/site.css": "@import 'https://fonts.example.com/f.css';\n.a { background: url(\"img/x.png\"); }\n"
                           ".b { background: url(data:image/svg+xml;charset=utf-8,<svg/>); }\n",
    })
    found = [str(p) for p in third_party_resources(site)]
    assert len(found) == 5, found
    assert any("fonts.example.com/css" in f for f in found)
    assert any("cdn.example.com/lib.js" in f for f in found)
    assert any("img.example.net" in f for f in found)
    assert any("cdn.example.net/b.png" in f for f in found)
    assert any(f.startswith("assets/site.css:1:") for f in found)


def test_sitemap_paths_drop_the_production_host(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://campus.example.org/</loc></url>"
        "<url><loc>https://campus.example.org/fr/chiffres-cles/</loc></url></urlset>",
        encoding="utf-8",
    )
    assert sitemap_paths(tmp_path) == ["", "fr/chiffres-cles/"]


def test_precompress_writes_reproducible_gzip_copies_of_large_text_files(tmp_path: Path) -> None:
    large = ("Campus IA, les faits. " * 200).encode()
    write_site(tmp_path, {"fr/index.html": large.decode(), "a.css": "a{}", "data/x.csv": large.decode()})
    (tmp_path / "logo.png").write_bytes(large)
    written = precompress_site(tmp_path)
    assert written == [tmp_path / "data" / "x.csv.gz", tmp_path / "fr" / "index.html.gz"]
    first = (tmp_path / "fr" / "index.html.gz").read_bytes()
    assert gzip.decompress(first) == large
    assert first[4:8] == b"\0\0\0\0"  # gzip header time: zero, whenever the site is built
    assert first[3] == 0 and first[9] == 255  # no file name; the system "unknown", whatever built it
    assert not (tmp_path / "a.css.gz").exists() and not (tmp_path / "logo.png.gz").exists()
    precompress_site(tmp_path)
    assert (tmp_path / "fr" / "index.html.gz").read_bytes() == first


def test_a_second_pass_follows_the_files_as_they_are_now(tmp_path: Path) -> None:
    """``mkdocs build --dirty`` compresses a site that already has copies: each must match its file."""
    before, after = ("Avant. " * 300), ("Après. " * 300)
    write_site(tmp_path, {"fr/index.html": before, "en/index.html": before})
    precompress_site(tmp_path)
    write_site(tmp_path, {"fr/index.html": after})
    # Now random bytes: gzip cannot make them smaller, so the old copy must go.
    (tmp_path / "en" / "index.html").write_bytes(os.urandom(2048))
    written = precompress_site(tmp_path)
    assert written == [tmp_path / "fr" / "index.html.gz"]
    assert gzip.decompress(written[0].read_bytes()) == after.encode()
    assert not (tmp_path / "en" / "index.html.gz").exists()


# -- the shipped site ---------------------------------------------------------------------


@pytest.mark.slow
def test_every_large_text_file_has_its_gzip_copy(built_site: Path) -> None:
    missing, different = [], []
    for path in sorted(built_site.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES or not path.is_file() or path.stat().st_size <= MIN_SIZE:
            continue
        copy = path.with_name(path.name + ".gz")
        if not copy.is_file():
            missing.append(str(path.relative_to(built_site)))
        elif gzip.decompress(copy.read_bytes()) != path.read_bytes():
            different.append(str(copy.relative_to(built_site)))
    assert not missing and not different, {"missing": missing, "stale": different}


@pytest.mark.slow
def test_every_internal_link_and_fragment_resolves(built_site: Path) -> None:
    problems = check_internal_links(built_site)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.slow
def test_every_page_parses_without_html5_errors(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) > 20
    errors = []
    for path in pages:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(path.read_bytes(), transport_encoding="utf-8")
        except ParseError:
            (line, column), code, data = parser.errors[0]
            errors.append(f"{path.relative_to(built_site)}:{line}:{column}: {code} {data or ''}")
    assert not errors, "\n".join(errors)


@pytest.mark.slow
def test_every_page_has_unique_ids_one_h1_and_its_language(built_site: Path) -> None:
    problems = check_page_structure(built_site)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.slow
def test_every_sitemap_page_is_built(built_site: Path) -> None:
    paths = sitemap_paths(built_site)
    assert any(p.startswith("fr/") for p in paths) and any(p.startswith("en/") for p in paths)
    missing = [p for p in paths if not (built_site / p / "index.html").is_file()]
    assert not missing, missing


def test_a_kept_copy_is_reused_only_for_the_same_bytes(tmp_path: Path) -> None:
    """With a cache folder: same file, same copy; a changed file gets its own; unused copies go."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    first_text, second_text = "Première version. " * 200, "Seconde version. " * 200
    write_site(site, {"fr/index.html": first_text, "en/index.html": first_text})
    precompress_site(site, cache=cache)
    assert len(list(cache.iterdir())) == 1  # both pages are the same bytes: one kept copy
    write_site(site, {"en/index.html": second_text})
    precompress_site(site, cache=cache)
    assert gzip.decompress((site / "fr" / "index.html.gz").read_bytes()) == first_text.encode()
    assert gzip.decompress((site / "en" / "index.html.gz").read_bytes()) == second_text.encode()
    write_site(site, {"fr/index.html": second_text})
    precompress_site(site, cache=cache)
    assert len(list(cache.iterdir())) == 1  # the first version's copy is no longer used
    assert gzip.decompress(next(cache.iterdir()).read_bytes()) == second_text.encode()


def test_a_copy_no_smaller_than_its_file_is_neither_written_nor_kept(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "noise.json").write_bytes(os.urandom(4096))
    assert precompress_site(site, cache=cache) == []
    assert precompress_site(site, cache=cache) == []
    assert list(cache.iterdir()) == []


def test_rewriting_one_copy_leaves_the_kept_copy_and_its_twins_alone(tmp_path: Path) -> None:
    """A kept copy may be in the site under a second name (a hard link): a later pass over the
    same site (``mkdocs build --dirty``) must write a new file, not into the shared one."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    same, changed = "Le même texte. " * 200, "Un autre texte. " * 200
    write_site(site, {"fr/index.html": same, "en/index.html": same})
    precompress_site(site, cache=cache)
    precompress_site(site, cache=cache)  # the second pass places the kept copy in the site
    write_site(site, {"fr/index.html": changed})
    precompress_site(site, cache=cache)
    assert gzip.decompress((site / "fr" / "index.html.gz").read_bytes()) == changed.encode()
    assert gzip.decompress((site / "en" / "index.html.gz").read_bytes()) == same.encode()
    kept = {gzip.decompress(path.read_bytes()) for path in cache.iterdir()}
    assert kept == {same.encode(), changed.encode()}
