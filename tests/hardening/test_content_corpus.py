"""Broken and hostile content files: each is reported at its exact file, line and column.

Every case edits a copy of the real project, then loads it with the core
``load_content()`` (no MkDocs: fast) and with ``campus-ia check``. Either way the
answer is a list of located problems, never a traceback, and it comes quickly
(alias bombs, deep nesting and huge files are refused, not expanded).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from campus_ia.cli import main as campus_ia
from campus_ia.content import ContentError, load_content
from campus_ia.exports.machine_text import raw_number_text
from campus_ia.site.assembly import load_site_content
from tests.hardening.edits import Edit, RawEdit, first_non_ascii
from tests.support import REPO_ROOT

# A guard against a hang (an exponential alias expansion never ends), not a speed goal:
# generous, so a loaded CI machine never trips it. Speed is measured in benchmarks/.
LIMIT_SECONDS = 60


@dataclass(frozen=True)
class Case:
    id: str
    edit: Edit | RawEdit
    message: str
    """A part of the problem's message (after ``file:line:column:``)."""


BILLION_LAUGHS = """\
lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &lol2 [*lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1]
lol3: &lol3 [*lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2]
lol4: [*lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3]
"""
DEEP = 3000  # far past Python's recursion limit if the reader composed it naively

# The lines the cases break are found from the content as loaded, so that a routine content
# edit (a corrected figure, a new milestone) leaves the cases valid.
SHIPPED = load_content(REPO_ROOT / "content")
_FIGURE = SHIPPED.campus.figures[0]
VALUE = f"      - value: {raw_number_text(_FIGURE.reports[0].value)}\n"
"""The first report of campus.yml's first figure (the cases below assume it gives a number)."""
_MILESTONE = SHIPPED.milestones[0]
SOURCES = f"    sources: [{', '.join(_MILESTONE.sources)}]\n"
DATE = f"    date: {_MILESTONE.date}\n"
NO_SUCH_DAY = f"{_MILESTONE.date[:4]}-02-30"
SPEAKER = SHIPPED.quotes[0].speaker
MISSPELT_SPEAKER = SPEAKER[:-1]  # one letter short: close enough for a suggestion
FIGURE_LINE = 1 + (REPO_ROOT / "content" / "campus.yml").read_text(encoding="utf-8").split(f"  - id: {_FIGURE.id}\n")[0].count("\n")
"""The line of campus.yml where the first figure's id is declared."""

CASES = [
    # -- wrong types
    Case("campus-value-with-unit", Edit("content/campus.yml", VALUE, "      - value: 12 MW\n", "12 MW"),
         "figures[0].reports[0].value: '12 MW' is not valid: expected a number"),
    Case("site-generated-not-boolean", Edit("content/site.yml", "    generated: false\n", "    generated: sometimes\n", "sometimes"),
         "pages[0].generated: 'sometimes' is not valid: expected true or false"),
    Case("timeline-sources-not-a-list",
         Edit("content/timeline.yml", SOURCES, f"    sources: {_MILESTONE.sources[0]}\n", _MILESTONE.sources[0]),
         f"milestones[0].sources: '{_MILESTONE.sources[0]}' is not valid: expected a list"),
    Case("updates-no-read-as-boolean", Edit("content/updates.yml", "      en: Campus IA announced\n", "      en: no\n", "no"),
         "updates[0].title.en: False was read as yes/no, expected text (put the text in quotes)"),
    Case("education-whole-file-is-a-list", RawEdit("content/education.yml", lambda raw: b"- centres\n- programmes\n"),
         "expected a block of 'key: value' lines"),
    Case("site-empty-file", RawEdit("content/site.yml", lambda raw: b""),
         "title: the required key 'title' is missing"),
    # -- missing translations
    Case("partners-role-without-english",
         Edit("content/partners.yml", "      fr: Cofondateur de la coentreprise\n      en: Co-founder of the joint venture\n",
              "      fr: Cofondateur de la coentreprise\n", "fr:"),
         "partners[0].role.en: the English translation is missing (add 'en: ...')"),
    Case("updates-title-without-french",
         Edit("content/updates.yml", "      fr: Annonce de Campus IA\n      en: Campus IA announced\n",
              "      en: Campus IA announced\n", "en:"),
         "updates[0].title.fr: the French translation is missing (add 'fr: ...')"),
    # -- unknown references and duplicate ids
    Case("quotes-unknown-speaker",
         Edit("content/quotes.yml", f"    speaker: {SPEAKER}\n", f"    speaker: {MISSPELT_SPEAKER}\n", MISSPELT_SPEAKER),
         f"quotes[0].speaker: unknown person id '{MISSPELT_SPEAKER}' (did you mean '{SPEAKER}'?)"),
    Case("capacity-unknown-figure", Edit("content/capacity.yml", "  figure: site-power\n", "  figure: site-powr\n", "site-powr"),
         "site_power.figure: unknown figure id 'site-powr' (did you mean 'site-power'?)"),
    Case("education-unknown-source",
         Edit("content/education.yml", "    sources: [concertation-2025]\n", "    sources: [concertation-2052]\n", "concertation-2052"),
         "items[1].sources[0]: unknown source id 'concertation-2052' (did you mean 'concertation-2025'?)"),
    Case("sources-duplicate-id",
         Edit("content/sources.yml", "  - id: lefigaro-2025-05\n", "  - id: bpifrance-communique-2025-05\n", "bpifrance"),
         "sources[1].id: the source id 'bpifrance-communique-2025-05' is used twice (first at content/sources.yml:6)"),
    Case("investment-figure-id-taken-by-campus",
         Edit("content/investment.yml", f"  - id: {SHIPPED.investment.figures[1].id}\n", f"  - id: {_FIGURE.id}\n", _FIGURE.id),
         f"figures[1].id: the figure id '{_FIGURE.id}' is used twice (first at content/campus.yml:{FIGURE_LINE})"),
    # -- dates
    Case("timeline-30-february", Edit("content/timeline.yml", DATE, f"    date: {NO_SUCH_DAY}\n", NO_SUCH_DAY),
         f"milestones[0].date: '{NO_SUCH_DAY}' is not a real calendar date (day is out of range for month)"),
    Case("updates-month-13", Edit("content/updates.yml", "    date: 2025-H2\n", "    date: 2025-13\n", "2025-13"),
         "updates[1].date: '2025-13' has no month 13 (expected 01 to 12)"),
    Case("timeline-date-with-time",
         Edit("content/timeline.yml", DATE, f"    date: {_MILESTONE.date} 10:00:00\n", f"{_MILESTONE.date} 10"),
         f"milestones[0].date: '{_MILESTONE.date} 10:00:00' is not a date (expected YYYY-MM-DD"),
    # -- YAML syntax and keys
    Case("education-tab-indentation", Edit("content/education.yml", "    known: true\n", "\tknown: true\n", "\t"),
         "a tab character is used for indentation; YAML needs spaces"),
    Case("partners-misspelt-key", Edit("content/partners.yml", "    website: https://mistral.ai\n", "    webiste: https://mistral.ai\n", "webiste"),
         "partners[0].webiste: unknown key 'webiste' (did you mean 'website'?)"),
    Case("capacity-misspelt-top-level-key", Edit("content/capacity.yml", "load_factor:\n", "load_facter:\n", "load_facter"),
         "load_facter: unknown key 'load_facter' (did you mean 'load_factor'?)"),
    Case("site-duplicate-key",
         Edit("content/site.yml", "edit_branch: main\n", "edit_branch: main\nedit_branch: other\n", "edit_branch: other"),
         "the key 'edit_branch' appears twice in the same block (first on line 14); keep one"),
    # -- encodings and sizes
    Case("quotes-windows-1252", RawEdit("content/quotes.yml", lambda raw: raw.decode("utf-8").encode("cp1252"), first_non_ascii),
         "the file is not UTF-8 text (byte 0x96); save it as UTF-8 in your editor"),
    Case("quotes-nul-byte", Edit("content/quotes.yml", f"    speaker: {SPEAKER}\n", f"    speaker: {SPEAKER[:2]}\x00{SPEAKER[2:]}\n", "\x00"),
         "the file contains a control character (#x0000) that YAML does not allow; delete it"),
    Case("updates-over-one-megabyte", Edit("content/updates.yml", "", "# " + "x" * 1_100_000 + "\n", None),
         "content files are limited to 1,000,000 bytes"),
    # -- hostile YAML
    Case("campus-billion-laughs", Edit("content/campus.yml", "", BILLION_LAUGHS, "&lol1"),
         "anchors ('&name') are not allowed in content files; write the value out"),
    Case("investment-deep-nesting", Edit("content/investment.yml", "", "deep: " + "[" * DEEP + "]" * DEEP + "\n", "[", offset=31),
         "nesting is deeper than 32 levels; content files are never this deep"),
    Case("quotes-python-tag",
         Edit("content/quotes.yml", f"    speaker: {SPEAKER}\n", "    speaker: !!python/object/apply:os.system [echo owned]\n", "!!python"),
         "tags ('tag:yaml.org,2002:python/object/apply:os.system') are not allowed in content files"),
    Case("campus-nan", Edit("content/campus.yml", VALUE, "      - value: .nan\n", ".nan"),
         "figures[0].reports[0].value: nan is not valid: expected a number (.nan and .inf are not figures)"),
    Case("campus-5000-digit-number", Edit("content/campus.yml", VALUE, "      - value: 1" + "0" * 5000 + "\n", "10"),
         "this number is too long to be a figure; check the value"),
    Case("partners-javascript-website",
         Edit("content/partners.yml", "    website: https://mistral.ai\n", '    website: "javascript:alert(1)//https://"\n', '"javascript'),
         "partners[0].website: 'javascript:alert(1)//https://' is not a URL (expected https://...)"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_problem_is_reported_at_its_place(case: Case, project: Path, time_limit, capsys: pytest.CaptureFixture[str]) -> None:
    expected = case.edit.apply(project)
    with time_limit(LIMIT_SECONDS):
        with pytest.raises(ContentError) as caught:
            load_site_content(project / "content", display_root=project)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{expected}: ") and case.message in p for p in problems), (
        f"expected a problem at {expected} saying {case.message!r}; got:\n" + "\n".join(problems)
    )

    # `campus-ia check` says the same (in-process: the console script is tested below).
    with time_limit(LIMIT_SECONDS):
        assert campus_ia(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert f"{expected}: " in err and case.message in err
    assert "Traceback" not in err


def test_byte_order_mark_is_accepted(project: Path) -> None:
    path = project / "content" / "sources.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    content = load_content(project / "content", display_root=project)
    assert set(content.sources) == set(SHIPPED.sources)


@pytest.mark.parametrize("case", [c for c in CASES if c.id in {"timeline-30-february", "campus-billion-laughs"}], ids=lambda c: c.id)
def test_console_script_exits_1_with_located_messages(case: Case, project: Path) -> None:
    expected = case.edit.apply(project)
    script = Path(sys.executable).parent / "campus-ia"
    result = subprocess.run([str(script), "--root", str(project), "check"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"{expected}: " in result.stderr and case.message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
