"""Content validation: every problem located by file, line and column, all at once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from campus_ia.content import ContentError, load_content
from campus_ia.content.schemas import schema_documents
from campus_ia.exports.machine_text import raw_number_text
from tests.support import REPO_ROOT

# The edits below change lines of a copy of the shipped content; each line is found from the
# content as loaded, so that a routine content edit (a new figure, a corrected date) leaves them valid.
SHIPPED = load_content(REPO_ROOT / "content")
VALUE_AT, VALUE = next(
    ((f"figures[{i}].reports[{j}].value"), f"value: {raw_number_text(report.value)}")
    for i, figure in enumerate(SHIPPED.campus.figures) for j, report in enumerate(figure.reports)
    if report.value is not None
)
"""The first figure report that gives a number, as campus.yml writes it."""
FOUNDER, SECOND = SHIPPED.partners[0], SHIPPED.partners[1]
WEBSITE_AT, WEBSITE = len(SHIPPED.partners) - 1, f"website: {SHIPPED.partners[-1].website}"
SPEAKER = f"speaker: {SHIPPED.quotes[0].speaker}"
FIRST_SOURCE = SHIPPED.milestones[0].sources[0]
DAY_AT, DAY = next((i, m.date) for i, m in enumerate(SHIPPED.milestones) if m.date and len(m.date) == 10)
"""The first milestone dated to the day (its date, as timeline.yml writes it)."""
NO_SUCH_DAY = f"{DAY[:4]}-02-30"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", target)
    return target


def edit(path: Path, old: str, new: str) -> tuple[int, int]:
    """Replace the first ``old`` by ``new``; return the 1-based line and column where it starts."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def problems_of(content_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return [str(p) for p in caught.value.problems]


def test_shipped_content_is_valid() -> None:
    assert SHIPPED.figures and all(sum(r.standing == "lead" for r in f.reports) == 1 for f in SHIPPED.figures.values())


def test_wrong_type_is_located(content_copy: Path) -> None:
    line, column = edit(content_copy / "campus.yml", VALUE, "value: lots")
    assert problems_of(content_copy) == [
        f"content/campus.yml:{line}:{column + len('value: ')}: {VALUE_AT}: "
        "'lots' is not valid: expected a number (digits only, e.g. 8500000000, no spaces or units)"
    ]


def test_missing_translation_is_located(content_copy: Path) -> None:
    text = (content_copy / "partners.yml").read_text(encoding="utf-8")
    role = f"      en: {FOUNDER.role.en}\n"
    start = text.index(role)
    line = text.count("\n", 0, start) + 1
    (content_copy / "partners.yml").write_text(text.replace(role, "", 1), encoding="utf-8")
    # The problem points at the 'role' block that lacks its English text (the line above).
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/partners.yml:{line - 1}:7: partners[0].role.en: ")
    assert "English translation is missing" in problem


def test_unknown_source_id(content_copy: Path) -> None:
    misspelt = FIRST_SOURCE[:2] + FIRST_SOURCE[3:]  # one letter dropped
    line, column = edit(content_copy / "timeline.yml", f"sources: [{FIRST_SOURCE}", f"sources: [{misspelt}")
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/timeline.yml:{line}:{column + len('sources: [')}: milestones[0].sources[0]: ")
    assert f"unknown source id '{misspelt}'" in problem
    assert f"did you mean '{FIRST_SOURCE}'" in problem


def test_duplicate_id(content_copy: Path) -> None:
    line, column = edit(content_copy / "partners.yml", f"id: {SECOND.id}\n", f"id: {FOUNDER.id}\n")
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/partners.yml:{line}:{column + len('id: ')}: partners[1].id: ")
    assert "used twice" in problem


def test_malformed_yaml(content_copy: Path) -> None:
    line, _ = edit(content_copy / "quotes.yml", f"    {SPEAKER}", f"    {SPEAKER.replace(': ', ': [')}")
    [problem] = problems_of(content_copy)
    assert problem.startswith("content/quotes.yml:")
    reported_line = int(problem.split(":")[1])
    assert line <= reported_line <= line + 2
    assert "not valid YAML" in problem


def test_bad_date(content_copy: Path) -> None:
    line, column = edit(content_copy / "timeline.yml", f"date: {DAY}", f"date: {NO_SUCH_DAY}")
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/timeline.yml:{line}:{column + len('date: ')}: milestones[{DAY_AT}].date: ")
    assert f"'{NO_SUCH_DAY}' is not a real calendar date" in problem


def test_not_a_url(content_copy: Path) -> None:
    line, column = edit(content_copy / "partners.yml", WEBSITE, "website: bpifrance")
    assert problems_of(content_copy) == [
        f"content/partners.yml:{line}:{column + len('website: ')}: partners[{WEBSITE_AT}].website: "
        "'bpifrance' is not a URL (expected https://...)"
    ]


def test_quote_by_someone_not_in_partners(content_copy: Path) -> None:
    line, column = edit(content_copy / "quotes.yml", SPEAKER, "speaker: cesar-maklary")
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/quotes.yml:{line}:{column + len('speaker: ')}: quotes[0].speaker: ")
    assert "unknown person id 'cesar-maklary'" in problem


def test_every_broken_file_reported_in_one_run(content_copy: Path) -> None:
    edit(content_copy / "campus.yml", VALUE, "value: lots")
    edit(content_copy / "partners.yml", WEBSITE, "website: bpifrance")
    edit(content_copy / "timeline.yml", f"date: {DAY}", f"date: {NO_SUCH_DAY}")
    edit(content_copy / "sources.yml", "status: official", "status: oficial")
    problems = problems_of(content_copy)
    files = {p.split(":")[0] for p in problems}
    assert files == {"content/campus.yml", "content/partners.yml", "content/timeline.yml", "content/sources.yml"}


def test_wrong_reference_reported_beside_a_wrong_type_elsewhere(content_copy: Path) -> None:
    edit(content_copy / "partners.yml", WEBSITE, "website: bpifrance")
    line, column = edit(content_copy / "quotes.yml", SPEAKER, SPEAKER + "x")
    problems = problems_of(content_copy)
    assert len(problems) == 2
    assert any(p.startswith(f"content/quotes.yml:{line}:{column + len('speaker: ')}: quotes[0].speaker: unknown person id")
               for p in problems)


def test_misspelt_key_suggests_the_right_one(content_copy: Path) -> None:
    line, column = edit(content_copy / "partners.yml", f"    website: {FOUNDER.website}", f"    wesbite: {FOUNDER.website}")
    problems = problems_of(content_copy)
    assert f"content/partners.yml:{line}:{column + 4}: partners[0].wesbite: unknown key 'wesbite' (did you mean 'website'?)" in problems


def test_check_command_exits_non_zero_without_traceback(tmp_path: Path, content_copy: Path) -> None:
    shutil.copytree(REPO_ROOT / "locales", tmp_path / "locales")
    shutil.copytree(REPO_ROOT / "docs", tmp_path / "docs")
    edit(content_copy / "timeline.yml", f"date: {DAY}", f"date: {NO_SUCH_DAY}")
    result = subprocess.run([sys.executable, "-m", "campus_ia.cli", "--root", str(tmp_path), "check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "content/timeline.yml:" in result.stderr and NO_SUCH_DAY in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_json_schemas_are_current_and_referenced() -> None:
    for name, text in schema_documents().items():
        path = REPO_ROOT / "content" / "schemas" / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run 'campus-ia schemas'"
        stem = name.removesuffix(".schema.json")
        first_line = (REPO_ROOT / "content" / f"{stem}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=schemas/{name}"


def test_shipped_yaml_satisfies_its_published_schema() -> None:
    import jsonschema
    import yaml

    for name in schema_documents():
        schema = json.loads((REPO_ROOT / "content" / "schemas" / name).read_text(encoding="utf-8"))
        stem = name.removesuffix(".schema.json")
        # Dates stay text, as the site's own reader keeps them.
        data = yaml.load((REPO_ROOT / "content" / f"{stem}.yml").read_text(encoding="utf-8"), Loader=_text_dates_loader())
        jsonschema.validate(data, schema)


def _text_dates_loader():
    import yaml

    class TextDates(yaml.SafeLoader):
        pass

    TextDates.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextDates


def test_core_does_not_import_mkdocs() -> None:
    code = (
        "import sys; import campus_ia.content, campus_ia.formatting, campus_ia.pages, campus_ia.site.assembly, "
        "campus_ia.capacity, campus_ia.i18n, campus_ia.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def _add_sections(content_copy: Path, section_line: str) -> tuple[int, int]:
    """Declare a 'reading' section and put the about page in ``section_line``'s section."""
    edit(content_copy / "site.yml", "pages:\n", "sections:\n  - id: reading\n    title: {fr: Lire, en: Reading}\npages:\n")
    return edit(content_copy / "site.yml", "  - id: about\n", f"  - id: about\n    section: {section_line}\n")


def test_a_page_in_a_known_section_is_valid(content_copy: Path) -> None:
    _add_sections(content_copy, "reading")
    content = load_content(content_copy)
    assert [p.id for p in content.site.pages if p.section == "reading"] == ["about"]


def test_unknown_section_is_located(content_copy: Path) -> None:
    line, _ = _add_sections(content_copy, "readin")
    [problem] = problems_of(content_copy)
    # The section line is the one after "- id: about".
    assert problem.startswith(f"content/site.yml:{line + 1}:14: pages[")
    assert "unknown section id 'readin'" in problem and "did you mean 'reading'" in problem


def test_home_page_cannot_be_in_a_section(content_copy: Path) -> None:
    edit(content_copy / "site.yml", "pages:\n", "sections:\n  - id: reading\n    title: {fr: Lire, en: Reading}\npages:\n")
    line, _ = edit(content_copy / "site.yml", "  - id: home\n", "  - id: home\n    section: reading\n")
    [problem] = problems_of(content_copy)
    assert problem.startswith(f"content/site.yml:{line + 1}:14: pages[0].section: ")
    assert "home page cannot be in a section" in problem
