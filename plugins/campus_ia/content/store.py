"""``Content``: every validated file, with look-ups by id and the cross-file checks."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Iterator

from pydantic import BaseModel

from .. import LANGUAGES
from .dates import PartialDate
from .model import (
    CampusFile,
    CapacityFile,
    EducationFile,
    Figure,
    InvestmentFile,
    Milestone,
    Partner,
    PartnersFile,
    Phase,
    Person,
    QuotesFile,
    SiteFile,
    Source,
    SourcesFile,
    TimelineFile,
    UpdatesFile,
    GlossaryFile,
)
from .problems import Problem, format_path
from .yaml_source import PathKey, YamlDocument

# Lists whose items carry an ``id``, grouped into the namespace their ids share.
_ID_NAMESPACES = {
    "sources": "source",
    "figures": "figure",
    "references": "figure",
    "partners": "partner",
    "people": "person",
    "milestones": "milestone",
    "quotes": "quote",
    "corrections": "correction",
    "updates": "update",
    "pages": "page",
    "items": "education item",
    "accelerators": "accelerator",
    "comparisons": "comparison",
    "phases": "phase",
    "sections": "section",
    "terms": "glossary term",
}
# Keys whose value (or list of values) must name an id in a namespace.
_REFERENCES = {
    "source": "source",
    "sources": "source",
    "compute_source": "source",
    "translation_source": "source",
    "speaker": "person",
    "figure": "figure",
    "default_accelerator": "accelerator",
    "milestone": "milestone",
    "section": "section",
}


@dataclass
class Content:
    """The validated content of a site, ready for pages and exports."""

    site: SiteFile
    sources_file: SourcesFile
    campus: CampusFile
    partners_file: PartnersFile
    investment: InvestmentFile
    timeline: TimelineFile
    education: EducationFile
    quotes_file: QuotesFile
    capacity: CapacityFile
    updates_file: UpdatesFile
    glossary: GlossaryFile
    documents: dict[str, YamlDocument] = field(default_factory=dict, repr=False)

    @classmethod
    def from_models(cls, models: dict[str, BaseModel], documents: dict[str, YamlDocument]) -> Content:
        return cls(
            site=models["site"],  # type: ignore[arg-type]
            sources_file=models["sources"],  # type: ignore[arg-type]
            campus=models["campus"],  # type: ignore[arg-type]
            partners_file=models["partners"],  # type: ignore[arg-type]
            investment=models["investment"],  # type: ignore[arg-type]
            timeline=models["timeline"],  # type: ignore[arg-type]
            education=models["education"],  # type: ignore[arg-type]
            quotes_file=models["quotes"],  # type: ignore[arg-type]
            capacity=models["capacity"],  # type: ignore[arg-type]
            updates_file=models["updates"],  # type: ignore[arg-type]
            glossary=models["glossary"],  # type: ignore[arg-type]
            documents=documents,
        )

    # -- look-ups -----------------------------------------------------------------

    @staticmethod
    def partial_date(text: str) -> PartialDate:
        """Parse a date field (already validated) for formatting."""
        return PartialDate.parse(text)

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources_file.sources}

    @property
    def partners(self) -> list[Partner]:
        return self.partners_file.partners

    @cached_property
    def people(self) -> dict[str, tuple[Person, Partner]]:
        return {p.id: (p, partner) for partner in self.partners for p in partner.people}

    @cached_property
    def figures(self) -> dict[str, Figure]:
        """Every figure, from campus.yml, investment.yml and the capacity references."""
        found = [*self.campus.figures, *self.investment.figures, *self.capacity.references]
        return {f.id: f for f in found}

    def figure_file(self, figure_id: str) -> str:
        """The content file a figure is defined in (for 'edit this' links and errors)."""
        for stem, figures in (("campus", self.campus.figures), ("investment", self.investment.figures),
                              ("capacity", self.capacity.references)):
            if any(f.id == figure_id for f in figures):
                return stem
        raise KeyError(figure_id)

    def phase_power_mw(self, phase: Phase) -> float:
        """A capacity phase's power: the lead value of the figure it names, in MW."""
        figure = self.figures[phase.figure]
        value = figure.lead.value
        if value is None or figure.unit not in ("MW", "GW"):
            raise ValueError(f"phase {phase.id}: figure '{figure.id}' has no power value in MW")
        return value * 1000 if figure.unit == "GW" else value

    @property
    def milestones(self) -> list[Milestone]:
        return self.timeline.milestones

    @cached_property
    def milestones_by_id(self) -> dict[str, Milestone]:
        return {m.id: m for m in self.timeline.milestones}

    @property
    def quotes(self):  # noqa: ANN201 - list of Quote
        return self.quotes_file.quotes

    @property
    def updates(self):  # noqa: ANN201 - list of Update
        return self.updates_file.updates

    # -- cross-file checks ----------------------------------------------------------

    def check_references(self) -> Iterator[Problem]:
        """Duplicate ids and references to ids that do not exist, with their positions."""
        yield from reference_problems(self.documents.values())
        yield from self._check_pages()

    def _check_pages(self) -> Iterator[Problem]:
        document = self.documents["site"]
        for lang in LANGUAGES:
            seen: dict[str, int] = {}
            for index, page in enumerate(self.site.pages):
                slug = page.slug[lang]
                if slug in seen:
                    yield _problem(document, ("pages", index, "slug", lang),
                                   f"the {lang} address '{slug}' is already used by pages[{seen[slug]}]")
                seen[slug] = index
        for index, page in enumerate(self.site.pages):
            if page.section is not None and (page.slug.fr == "" or page.slug.en == ""):
                yield _problem(document, ("pages", index, "section"),
                               "the home page cannot be in a section; remove 'section' from it")


def reference_problems(documents: Iterable[YamlDocument], *, unknown_ids: bool = True) -> Iterator[Problem]:
    """Duplicate ids and (if ``unknown_ids``) references to ids that do not exist, across every file read."""
    declared: dict[str, dict[str, tuple[YamlDocument, PathKey]]] = defaultdict(dict)
    references: list[tuple[str, str, YamlDocument, PathKey]] = []
    for document in documents:
        for path, node in _walk(document.data, ()):
            if isinstance(node, list) and path and path[-1] in _ID_NAMESPACES:
                namespace = _ID_NAMESPACES[str(path[-1])]
                for index, item in enumerate(node):
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        item_path = path + (index, "id")
                        first = declared[namespace].get(item["id"])
                        if first is not None:
                            where = f"{first[0].display_name}:{first[0].position_of(first[1]).line}"
                            yield _problem(document, item_path,
                                           f"the {namespace} id '{item['id']}' is used twice (first at {where}); ids must be unique")
                        else:
                            declared[namespace][item["id"]] = (document, item_path)
            if path and path[-1] in _REFERENCES:
                namespace = _REFERENCES[str(path[-1])]
                values = node if isinstance(node, list) else [node]
                for index, value in enumerate(values):
                    if isinstance(value, str):
                        ref_path = path + (index,) if isinstance(node, list) else path
                        references.append((namespace, value, document, ref_path))
    for namespace, value, document, path in references if unknown_ids else ():
        if value not in declared[namespace]:
            known = sorted(declared[namespace])
            yield _problem(document, path, f"unknown {namespace} id '{value}'{_closest(value, known, namespace)}")


def _walk(node: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, path + (index,))


def _problem(document: YamlDocument, path: PathKey, message: str) -> Problem:
    position = document.position_of(path)
    return Problem(document.display_name, position.line, position.column, format_path(path), message)


def _closest(value: str, known: list[str], namespace: str) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        return f" (did you mean '{close[0]}'?)"
    file = "sources.yml" if namespace == "source" else "the content files"
    return f" (add it to {file} first)"
