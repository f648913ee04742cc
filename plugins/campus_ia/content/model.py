"""The content model: one Pydantic model per file in ``content/``.

These classes are the single schema of the content. The build validates with them,
and ``campus-ia schemas`` publishes them as JSON Schema files that editors use for
completion and validation while people type.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .dates import FORMAT_HINT, PartialDate
from .text_fields import Line, Text

Status = Literal["official", "press", "estimate", "unknown"]
Standing = Literal["lead", "alternative", "superseded"]
Qualifier = Literal["exact", "approx", "up_to", "more_than", "at_least"]
Unit = Literal[
    "EUR", "USD", "MW", "GW", "kW", "W", "TWh", "ha", "gCO2e/kWh", "gCO2/kWh",
    "PFLOP/s", "TFLOP/s", "EFLOP/s", "buildings", "jobs", "substations", "accelerators",
    "ratio", "text",
]
DateQualifier = Literal["by_end", "before_end", "from", "expected"]

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$")
_URL = re.compile(r"^https://[^\s/$.?#][^\s<>\"']*$")
# A plain address check (one "@", a dotted domain, no spaces): enough to catch a typo, and
# what a reader's mail program needs; deliverability is not the build's business.
_EMAIL = re.compile(r"^[^\s@<>\"']+@[^\s@<>\"'.]+(\.[^\s@<>\"'.]+)+$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "campus_id",
            "'{value}' is not a valid id (use lower-case letters, digits, '-' and '_', e.g. 'site-power')",
            {"value": value},
        )
    return value


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError(
            "campus_url", "'{value}' is not a URL (expected https://...)", {"value": value}
        )
    return value


def _check_date(value: Any) -> str:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        raise PydanticCustomError("campus_date", "'{value}' is not a date (expected {hint})",
                                  {"value": value, "hint": FORMAT_HINT})
    try:
        PartialDate.parse(text)
    except ValueError as exc:
        raise PydanticCustomError("campus_date", str(exc)) from None
    return text.strip()


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError(
            "campus_email", "'{value}' is not an e-mail address (expected name@domain.fr)", {"value": value}
        )
    return value


Id = Annotated[str, AfterValidator(_check_id), Field(description="Stable identifier: lower-case letters, digits, '-', '_'.")]
Url = Annotated[str, AfterValidator(_check_url), Field(description="A full https:// address.")]
Email = Annotated[str, AfterValidator(_check_email), Field(description="An e-mail address.")]
DateText = Annotated[
    str,
    BeforeValidator(_check_date),
    # A bare year is read by YAML as a number, so the schema accepts both forms.
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "pattern": r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$"},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ],
        "description": f"A date with the precision the source gives: {FORMAT_HINT}.",
    }),
]




class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must not be silently ignored."""

    # allow_inf_nan: '.nan' and '.inf' are valid YAML floats, but no figure is either,
    # and they would only fail later, in formatting, without a position.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)


class Bilingual(Strict):
    """A one-line text in French and English; both are required (no silent fallback)."""

    fr: Line = Field(description="French text, on one line.")
    en: Line = Field(description="English text, on one line.")

    def __getitem__(self, lang: str) -> str:
        return {"fr": self.fr, "en": self.en}[lang]


class BilingualText(Strict):
    """A longer text in French and English (it may hold line breaks); both are required."""

    fr: Text = Field(description="French text.")
    en: Text = Field(description="English text.")

    def __getitem__(self, lang: str) -> str:
        return {"fr": self.fr, "en": self.en}[lang]


class Source(Strict):
    """A publication that a figure, a date or a quote comes from."""

    id: Id
    publisher: Line | Bilingual = Field(
        description="Who published it (the original publisher, not an aggregator): one name, or a name "
        "in each language when readers know it by another name (AIE / International Energy Agency)."
    )
    title: Bilingual | None = Field(None, description="The publication's title, when known.")
    description: Bilingual = Field(description="What the source is, in a few words.")
    date: DateText | None = Field(None, description="Publication date, as precise as known.")
    url: Url | None = Field(None, description="Address of the publication, when known.")
    via: Line | None = Field(None, description="Where the site found it, when that is not the publisher (a domain).")
    status: Status = Field(description="official, press, estimate; what kind of source this is.")

    def publisher_in(self, lang: str) -> str:
        """The publisher's name as readers of ``lang`` know it."""
        return self.publisher if isinstance(self.publisher, str) else self.publisher[lang]


class Report(Strict):
    """One report of a figure by one source at one date."""

    value: float | None = Field(None, description="The number, in the figure's unit (raw, no thousands separators).")
    text: Bilingual | None = Field(None, description="For text figures: the value in both languages.")
    qualifier: Qualifier = Field("exact", description="exact, approx (about), up_to, more_than, at_least.")
    source: Id = Field(description="The id of an entry in sources.yml.")
    status: Status = Field(description="official (communiqué, official site), press (press report), estimate, unknown.")
    as_of: DateText = Field(description="The date the figure was stated or checked.")
    standing: Standing = Field(
        "lead",
        description="lead (the figure the site leads with), alternative or superseded. May be left out only "
        "when the figure has a single report (it is then the lead).",
    )
    note: Bilingual | None = Field(None, description="Context a journalist needs (what the figure counts, a caveat).")

    @model_validator(mode="after")
    def _value_matches_status(self) -> Report:
        if self.status == "unknown" and (self.value is not None or self.text is not None):
            raise PydanticCustomError("campus_unknown", "a report with status 'unknown' must not give a value")
        if self.status != "unknown" and self.value is None and self.text is None:
            raise PydanticCustomError(
                "campus_no_value", "a report needs a 'value' (a number) or a 'text' unless its status is 'unknown'"
            )
        return self


class Figure(Strict):
    """A figure the site publishes, with every report of it (several sources, superseded values)."""

    id: Id
    label: Bilingual = Field(description="What the figure is, as a short label.")
    unit: Unit = Field(description="The unit of every report's value ('text' for figures given in words).")
    key: bool = Field(True, description="Shown on the facts sheet.")
    reports: list[Report] = Field(min_length=1, description="Every report of this figure; exactly one is the lead.")

    @model_validator(mode="after")
    def _one_lead(self) -> Figure:
        # With one report, it is the lead. With several, each must say what it is: a report
        # that says nothing must not silently count as the lead.
        if len(self.reports) > 1:
            unmarked = [i for i, r in enumerate(self.reports) if "standing" not in r.model_fields_set]
            if unmarked:
                raise PydanticCustomError(
                    "campus_standing",
                    "this figure has {count} reports, so each needs a 'standing' (lead, alternative or "
                    "superseded); missing in {reports}",
                    {"count": len(self.reports), "reports": ", ".join(_report_name(self.reports, i) for i in unmarked)},
                )
        leads = [i for i, r in enumerate(self.reports) if r.standing == "lead"]
        if len(leads) != 1:
            named = f": {', '.join(_report_name(self.reports, i) for i in leads)}" if leads else ""
            raise PydanticCustomError(
                "campus_lead",
                "exactly one report must have 'standing: lead' (found {count}{named}); mark the others "
                "'alternative' or 'superseded'",
                {"count": len(leads), "named": named},
            )
        for report in self.reports:
            if self.unit == "text" and report.value is not None:
                raise PydanticCustomError("campus_kind", "this figure's unit is 'text': give 'text', not 'value'")
            if self.unit != "text" and report.text is not None:
                raise PydanticCustomError("campus_kind", "this figure has a unit: give a number in 'value', not 'text'")
        return self

    @property
    def lead(self) -> Report:
        return next(r for r in self.reports if r.standing == "lead")


def _report_name(reports: list[Report], index: int) -> str:
    """``reports[1] (le-figaro-2025-05, 2025-05)``: enough to find the report in the file."""
    report = reports[index]
    return f"reports[{index}] ({report.source}, {report.as_of})"


class Person(Strict):
    """Someone who speaks for a partner."""

    id: Id
    name: Line
    role: Bilingual


class Partner(Strict):
    """A founder of the joint venture or another participant."""

    id: Id
    name: Line
    group: Literal["founder", "participant"] = Field(description="founder (joint venture) or participant.")
    role: Bilingual = Field(description="Its role in Campus IA, as the sources state it.")
    description: Bilingual = Field(description="Who the organisation is, in one sentence.")
    website: Url
    source: Id
    people: list[Person] = Field(default_factory=list)


class Milestone(Strict):
    """A dated step, past or planned; ``date`` may be absent when the sources give none."""

    id: Id
    date: DateText | None = Field(description="When, with the precision the sources give; null when not yet known.")
    date_qualifier: DateQualifier | None = Field(
        None, description="by_end, before_end, from, or expected (a planned date the sources say should hold)."
    )
    title: Bilingual
    summary: BilingualText
    state: Literal["done", "planned"] = Field(description="done (happened) or planned.")
    category: Literal["campus", "context"] = Field("campus", description="campus, or context (related, not Campus IA itself).")
    key: bool = Field(False, description="Shown on the facts sheet as a key date.")
    sources: list[Id] = Field(min_length=1)
    status: Status


class Quote(Strict):
    """A statement by a named person, attributed to its source."""

    id: Id
    speaker: Id = Field(description="The id of a person listed under a partner in partners.yml.")
    text: BilingualText
    original_language: Literal["fr", "en"]
    translation_note: Bilingual | None = Field(None, description="Says where a text is a translation, and by whom.")
    date: DateText
    source: Id = Field(description="Where the statement in its original language was published.")
    translation_source: Id | None = Field(
        None,
        description="Where the translated text was published (e.g. the French press); leave it out when "
        "the translation is this site's own, and the page says so.",
    )


class Correction(Strict):
    """Something the first press coverage got wrong or left unclear, corrected with sources."""

    id: Id
    title: Bilingual
    text: BilingualText
    sources: list[Id] = Field(min_length=1)
    date: DateText | None = Field(
        None,
        description="The day the site made the correction; a dated correction is listed with its date on the "
        "facts page and in the feeds.",
    )


class Coordinates(Strict):
    """Where a place is, in decimal degrees (WGS 84), and who says so."""

    latitude: float = Field(ge=-90, le=90, description="Degrees north (negative: south).")
    longitude: float = Field(ge=-180, le=180, description="Degrees east (negative: west).")
    place: Bilingual = Field(description="What the point is (the commune's centre, the site itself).")
    source: Id = Field(description="The id of an entry in sources.yml.")


class Campus(Strict):
    """The campus itself: names, purpose, components and sectors."""

    name: Bilingual
    tagline: Bilingual
    summary: BilingualText
    components: list[Bilingual] = Field(min_length=1)
    lifecycle: BilingualText
    sectors: list[Bilingual] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)
    coordinates: Coordinates | None = Field(
        None, description="Where the campus is, for the home page's map; left out, the map is not drawn."
    )


class CampusFile(Strict):
    """content/campus.yml"""

    campus: Campus
    figures: list[Figure]
    corrections: list[Correction] = Field(default_factory=list)


class PartnersFile(Strict):
    """content/partners.yml"""

    partners: list[Partner] = Field(min_length=1)


class InvestmentFile(Strict):
    """content/investment.yml"""

    summary: BilingualText
    figures: list[Figure]


class TimelineFile(Strict):
    """content/timeline.yml"""

    milestones: list[Milestone] = Field(min_length=1)


class EducationItem(Strict):
    id: Id
    title: Bilingual
    text: BilingualText
    known: bool = Field(description="true if announced; false if not yet known (said plainly on the page).")
    sources: list[Id] = Field(default_factory=list)


class EducationFile(Strict):
    """content/education.yml"""

    summary: BilingualText
    items: list[EducationItem] = Field(min_length=1)


class QuotesFile(Strict):
    """content/quotes.yml"""

    quotes: list[Quote]


class SourcesFile(Strict):
    """content/sources.yml"""

    sources: list[Source] = Field(min_length=1)


class Update(Strict):
    """A dated update to the site's facts, published in the Atom feeds."""

    id: Id
    date: DateText
    title: Bilingual
    summary: Bilingual
    sources: list[Id] = Field(default_factory=list)


class UpdatesFile(Strict):
    """content/updates.yml"""

    updates: list[Update] = Field(min_length=1)


class RangedInput(Strict):
    """A capacity-model input with a central value and a plausible range."""

    value: float
    low: float | None = None
    high: float | None = None
    unit: Line
    label: Bilingual
    source: Id
    status: Status
    as_of: DateText
    note: Bilingual | None = None

    @model_validator(mode="after")
    def _ordered(self) -> RangedInput:
        if (self.low is None) != (self.high is None):
            raise PydanticCustomError("campus_range", "give both 'low' and 'high', or neither")
        if self.low is not None and self.high is not None and not self.low <= self.value <= self.high:
            raise PydanticCustomError(
                "campus_range", "the range must contain the value (low <= value <= high)"
            )
        return self


class FigureRef(Strict):
    """Points at a figure defined elsewhere, so it is never copied."""

    figure: Id = Field(description="The id of a figure in campus.yml or investment.yml.")
    label: Bilingual
    low: float | None = None
    high: float | None = None


class Accelerator(Strict):
    id: Id
    name: Line
    power_kw_all_in: RangedInput
    compute_pflops_dense: float = Field(gt=0)
    number_format: Literal["BF16", "FP8", "FP16", "TF32", "FP64"]
    compute_source: Id = Field(description="Where the compute figure comes from (an id in sources.yml).")
    compute_status: Status = Field(description="The compute figure's own status (a datasheet is 'official').")
    compute_as_of: DateText = Field(description="When the compute figure was published.")
    sparsity_note: Bilingual


class Comparison(Strict):
    id: Id
    name: Bilingual
    country: Line
    power_mw: float | None
    power_note: Bilingual
    investment: Bilingual
    source: Id
    status: Status
    as_of: DateText


class Phase(Strict):
    """A grid-connection step, shown as a scenario; its power is a figure, never a copy."""

    id: Id
    figure: Id = Field(description="The id of the figure (in MW) that gives this step's power.")
    label: Bilingual
    milestone: Id | None = Field(None, description="The timeline milestone that dates this phase.")


class CapacityFile(Strict):
    """content/capacity.yml"""

    site_power: FigureRef
    investment: FigureRef
    pue: RangedInput
    load_factor: RangedInput
    accelerators: list[Accelerator] = Field(min_length=1)
    default_accelerator: Id
    france_consumption_twh: RangedInput
    grid_intensity: RangedInput
    comparison_grid: RangedInput
    comparison_grid_name: Bilingual
    phases: list[Phase] = Field(default_factory=list)
    calculator_reach: Id | None = Field(
        default=None,
        description="A power figure (an id in campus.yml) the calculator's site power reaches, "
        "such as an announced expansion, beyond the phases.",
    )
    references: list[Figure] = Field(default_factory=list, description="Other figures the page cites for context.")
    comparisons: list[Comparison] = Field(default_factory=list)


class Slugs(Strict):
    """A page's address in each language: lower-case words separated by '-' ('' is the home page)."""

    fr: Annotated[str, Field(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*)?$")]
    en: Annotated[str, Field(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*)?$")]

    def __getitem__(self, lang: str) -> str:
        return {"fr": self.fr, "en": self.en}[lang]


class PageEntry(Strict):
    """A page of the site: its id pairs the two translations."""

    id: Id
    slug: Slugs = Field(description="The page's address in each language ('' for the home page).")
    title: Bilingual
    generated: bool = Field(description="true if built from content/ by the site, false for Markdown in docs/.")
    description: Bilingual | None = Field(
        None, description="What the page offers, in one sentence: its search and sharing description "
        "(the site's description when left out)."
    )
    section: Id | None = Field(
        None, description="The id of a section in 'sections': the navigation groups the page under it."
    )


class NavSection(Strict):
    """A group of pages in the navigation (a heading that opens onto its pages)."""

    id: Id
    title: Bilingual


class Publisher(Strict):
    """Who publishes the site and how to reach them. Every field is optional: the deploying
    organisation fills them in; an unset field is left out of the pages, never guessed."""

    name: Bilingual | None = Field(None, description="The publishing person or organisation.")
    email: Email | None = Field(None, description="A contact address for readers and journalists.")
    contact_url: Url | None = Field(None, description="A contact page, when there is one.")
    independent: bool | None = Field(
        None, description="true if the publisher is independent of Campus IA's partners; leave out if not stated."
    )


class SiteFile(Strict):
    """content/site.yml"""

    title: Bilingual
    description: Bilingual
    url: Url | None = Field(
        None, description="The site's public address (https://...). Leave it out until the site has one: "
        "links then stay relative, and 'campus-ia check-site --release' reports it."
    )
    repository: Url | None = Field(
        None, description="Where the site's files are kept (https://...); 'Edit this data' links need it."
    )
    edit_branch: Line = "main"
    last_reviewed: DateText
    publisher: Publisher = Field(
        default_factory=Publisher, description="Who publishes the site and how to reach them (shown on the About pages)."
    )
    sections: list[NavSection] = Field(
        default_factory=list,
        description="Navigation groups. With many pages, group them: each page then carries the links of "
        "its own section only, and the site stays quick to build and to read.",
    )
    pages: list[PageEntry] = Field(min_length=1)


class GlossaryTerm(Strict):
    """A technical term the pages use, explained for a general reader."""

    id: Id
    term: Bilingual = Field(description="The term as the pages write it (PUE, EFLOP/s).")
    expansion: Bilingual | None = Field(None, description="What an abbreviation stands for, when it is one.")
    definition: Bilingual = Field(description="What it means, in one or two plain sentences.")


class GlossaryFile(Strict):
    """content/glossary.yml"""

    terms: list[GlossaryTerm] = Field(min_length=1)


FILE_MODELS: dict[str, type[Strict]] = {
    "site": SiteFile,
    "sources": SourcesFile,
    "campus": CampusFile,
    "partners": PartnersFile,
    "investment": InvestmentFile,
    "timeline": TimelineFile,
    "education": EducationFile,
    "quotes": QuotesFile,
    "capacity": CapacityFile,
    "updates": UpdatesFile,
    "glossary": GlossaryFile,
}
"""Each content file's stem and its model, in the order they are reported."""
