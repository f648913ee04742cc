"""The policy string, and the scan that finds what the policy would block in built pages."""

from __future__ import annotations

from pathlib import Path

from campus_ia.site.csp import CONTENT_SECURITY_POLICY, inline_code, source_hash


def test_policy_is_strict() -> None:
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_scan_finds_what_the_policy_blocks(tmp_path: Path) -> None:
    page = tmp_path / "en" / "index.html"
    page.parent.mkdir()
    page.write_text(
        "<!doctype html><html><head>\n"
        '<script id="__config" type="application/json">{"a": 1}</script>\n'
        '<script type="application/ld+json">{"@type": "Thing"}</script>\n'
        '<script src="assets/a.js"></script>\n'
        "<script>var x = 1</script>\n"
        "<style>p{color:red}</style>\n"
        "</head><body>\n"
        '<p style="color:red" onclick="go()">x</p>\n'
        '<a href=" javascript:go()">y</a>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    found = [str(item) for item in inline_code(tmp_path)]
    assert found == [
        f"en/index.html:5: an inline <script> is blocked by the Content-Security-Policy; move it into a file "
        f"under theme/assets/ (or allow {source_hash('var x = 1')} in the policy)",
        f"en/index.html:6: a <style> element is blocked by the Content-Security-Policy; move it into a file "
        f"under theme/assets/ (or allow {source_hash('p{color:red}')} in the policy)",
        "en/index.html:8: a style attribute on <p> is blocked by the Content-Security-Policy; move it into a file under theme/assets/",
        "en/index.html:8: an event handler attribute (onclick) on <p> is blocked by the Content-Security-Policy; "
        "move it into a file under theme/assets/",
        "en/index.html:9: a javascript: address on <a> is blocked by the Content-Security-Policy; move it into a file under theme/assets/",
    ]


def test_hash_matches_the_browser_rule() -> None:
    # printf 'alert(1);' | openssl dgst -sha256 -binary | base64
    assert source_hash("alert(1);") == "'sha256-5jFwrAK0UV47oFbVg/iCCBbxD8X1w+QvoOUepu4C2YA='"
