"""Synthetic Campus IA projects of a chosen size, for the build benchmark.

``generate_project(dest, pages)`` writes a complete project into ``dest``: the
repository's ``mkdocs.yml`` (same theme settings), ``content/``, ``docs/`` and
``locales/`` copied, then extended with

* ``pages`` prose pages per language (``docs/fr/fiche-NNNN.md`` and
  ``docs/en/note-NNNN.md``), listed in ``content/site.yml`` like any prose page:
  a few paragraphs with headings, lists, a link, sometimes a table or an
  admonition, and ``{{ fact:<id> }}`` markers; grouped in navigation sections of
  ``SECTION_SIZE`` pages (``sections`` in ``content/site.yml``);
* proportionally more sources, figures, partners (each with a spokesperson),
  milestones, quotes and updates in ``content/*.yml``.

The result is checked with ``campus_ia.content.load_content`` (the build's own
validation), so a benchmark never times a project the build would reject.

Run it alone to look at a project::

    .venv/bin/python benchmarks/generate.py 200 /tmp/campus-200
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SECTION_SIZE = 25
"""Synthetic pages are grouped in navigation sections of this many pages, as a large site
would be (a sidebar of hundreds of links helps no reader)."""
COPIED = ("content", "docs", "locales")
# Editor schema hints the copied files start with; re-added after the YAML is rewritten.
_SCHEMA_HINT = "# yaml-language-server: $schema=schemas/{stem}.schema.json\n"


@dataclass(frozen=True)
class Scale:
    """How much content goes with ``pages`` prose pages per language."""

    pages: int
    sources: int
    figures: int
    partners: int
    milestones: int
    quotes: int
    updates: int

    @classmethod
    def for_pages(cls, pages: int) -> Scale:
        return cls(
            pages=pages,
            sources=max(5, pages // 2),
            figures=max(5, pages // 2),
            partners=max(2, pages // 10),
            milestones=max(4, pages // 5),
            quotes=max(1, pages // 20),
            updates=max(1, pages // 20),
        )


@dataclass(frozen=True)
class Project:
    """A generated project and what it holds."""

    root: Path
    scale: Scale
    prose_pages: dict[str, list[str]]  # lang -> src paths under docs/<lang>/, shipped ones included
    figure_ids: list[str]
    milestone_ids: list[str]


# -- words ------------------------------------------------------------------------------

TOPICS = [
    ("raccordement", "Raccordement au réseau", "grid-connection", "Grid connection"),
    ("refroidissement", "Refroidissement des salles", "cooling", "Cooling the halls"),
    ("emploi", "Emplois sur le site", "jobs", "Jobs on site"),
    ("eau", "Consommation d'eau", "water", "Water use"),
    ("calcul", "Puissance de calcul", "compute", "Computing power"),
    ("financement", "Financement du projet", "funding", "Project funding"),
    ("concertation", "Concertation publique", "consultation", "Public consultation"),
    ("chantier", "Calendrier du chantier", "construction", "Construction schedule"),
    ("formation", "Formation et recherche", "training", "Training and research"),
    ("energie", "Origine de l'électricité", "energy", "Where the power comes from"),
    ("foncier", "Emprise foncière", "land", "Land use"),
    ("souverainete", "Cloud souverain", "sovereignty", "Sovereign cloud"),
]

FR_WORDS = (
    "le campus accueillera des centres de données reliés au réseau de transport d'électricité "
    "la puissance annoncée dépend des étapes de raccordement prévues par le gestionnaire "
    "les partenaires précisent que le calendrier reste indicatif et pourra évoluer "
    "la commune et l'intercommunalité suivent le projet avec les services de l'État "
    "la presse rapporte plusieurs chiffres dont les sources ne concordent pas toujours "
    "chaque valeur publiée ici renvoie à une source datée et à un statut explicite "
    "les bâtiments seront construits par tranches successives sur plusieurs années "
    "le refroidissement des salles informatiques utilisera des circuits fermés "
    "les emplois directs et indirects sont estimés à partir des annonces publiques "
    "la consommation électrique se compare à celle d'une grande agglomération"
).split()
EN_WORDS = (
    "the campus will host data centres connected to the electricity transmission grid "
    "the announced capacity depends on the connection steps planned by the grid operator "
    "the partners say that the schedule is indicative and may change over time "
    "the municipality and the inter-municipal authority follow the project with the state "
    "the press reports several figures whose sources do not always agree with each other "
    "every value published here points to a dated source and an explicit status "
    "the buildings will be built in successive phases over several years "
    "cooling of the computer halls will use closed water circuits "
    "direct and indirect jobs are estimated from the public announcements "
    "the electricity use compares with that of a large metropolitan area"
).split()
PUBLISHERS = ["Le Monde", "Les Échos", "Le Parisien", "Reuters", "AFP", "RTE", "Préfecture de Seine-et-Marne",
              "L'Usine nouvelle", "Financial Times", "Bloomberg", "La Tribune", "Le Figaro"]
UNITS = [("MW", 50, 1500), ("ha", 5, 120), ("EUR", 1e8, 5e10), ("jobs", 50, 5000), ("buildings", 1, 20),
         ("TWh", 0.5, 12), ("accelerators", 1000, 200000), ("text", 0, 0)]
DATES = ["2025-05-19", "2025-06", "2025-H2", "2026-Q1", "2026-03-14", "2027", "2027-Q4", "2028-H1", "2029"]
PLACES_FR = ["Fouju", "Melun", "Seine-et-Marne", "Île-de-France", "Marne-la-Vallée"]
PLACES_EN = ["Fouju", "Melun", "Seine-et-Marne", "the Paris region", "Marne-la-Vallée"]


def _sentence(rng: random.Random, words: list[str], lo: int = 10, hi: int = 22) -> str:
    n = rng.randint(lo, hi)
    start = rng.randrange(0, len(words) - n)
    text = " ".join(words[start:start + n])
    return text[0].upper() + text[1:]


# -- content ------------------------------------------------------------------------------


def _bilingual(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


def _sources(scale: Scale, rng: random.Random) -> list[dict[str, Any]]:
    found = []
    for i in range(1, scale.sources + 1):
        publisher = rng.choice(PUBLISHERS)
        source: dict[str, Any] = {
            "id": f"bench-source-{i:04d}",
            "publisher": publisher,
            "description": _bilingual(f"Article n° {i} de {publisher} sur le projet ; chiffres et calendrier",
                                      f"Article no. {i} by {publisher} on the project; figures and schedule"),
            "date": rng.choice(DATES[:5]),
            "status": rng.choice(["official", "press", "press", "estimate"]),
        }
        if i % 3:
            source["url"] = f"https://news.example.org/{i:04d}/campus-ia"
        if i % 4 == 0:
            source["title"] = _bilingual(f"Campus IA : le point n° {i}", f"Campus IA: update no. {i}")
        found.append(source)
    return found


def _figures(scale: Scale, rng: random.Random, source_ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for i in range(1, scale.figures + 1):
        unit, lo, hi = UNITS[i % len(UNITS)]
        topic = TOPICS[i % len(TOPICS)]
        reports: list[dict[str, Any]] = []
        for r in range(1 + i % 3):
            report: dict[str, Any] = {
                "source": rng.choice(source_ids),
                "status": rng.choice(["official", "press", "estimate"]),
                "as_of": rng.choice(DATES[:6]),
                "standing": "lead" if r == 0 else rng.choice(["alternative", "superseded"]),
                "qualifier": rng.choice(["exact", "approx", "up_to", "more_than", "at_least"]),
            }
            if unit == "text":
                k = rng.randrange(len(PLACES_FR))
                report["text"] = _bilingual(f"À {PLACES_FR[k]}, selon la source", f"In {PLACES_EN[k]}, per the source")
                del report["qualifier"]
            else:
                value = rng.uniform(lo, hi)
                report["value"] = round(value, 1) if hi < 100 else float(round(value))
            if r or i % 4 == 0:
                report["note"] = _bilingual(f"Chiffre rapporté « sous réserve » ; voir la source n° {i}.",
                                            f"Figure reported \"subject to change\"; see source no. {i}.")
            reports.append(report)
        found.append({
            "id": f"bench-figure-{i:04d}",
            "label": _bilingual(f"{topic[1]} (indicateur {i})", f"{topic[3]} (indicator {i})"),
            "unit": unit,
            "key": i % 5 == 0,
            "reports": reports,
        })
    return found


def _partners(scale: Scale, rng: random.Random, source_ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for i in range(1, scale.partners + 1):
        found.append({
            "id": f"bench-partner-{i:04d}",
            "name": f"Partenaire Exemple {i}",
            "group": "participant",
            "role": _bilingual(f"Participant n° {i} : études et travaux", f"Participant no. {i}: studies and works"),
            "description": _bilingual(_sentence(rng, FR_WORDS) + ".", _sentence(rng, EN_WORDS) + "."),
            "website": f"https://partner-{i}.example.org",
            "source": rng.choice(source_ids),
            "people": [{
                "id": f"bench-person-{i:04d}",
                "name": f"Camille Exemple-{i}",
                "role": _bilingual(f"Directrice du programme n° {i}", f"Programme director no. {i}"),
            }],
        })
    return found


def _milestones(scale: Scale, rng: random.Random, source_ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for i in range(1, scale.milestones + 1):
        dated = i % 7 != 0
        found.append({
            "id": f"bench-milestone-{i:04d}",
            "date": rng.choice(DATES) if dated else None,
            "title": _bilingual(f"Étape n° {i} : {TOPICS[i % len(TOPICS)][1].lower()}",
                                f"Step no. {i}: {TOPICS[i % len(TOPICS)][3].lower()}"),
            "summary": _bilingual(_sentence(rng, FR_WORDS) + ".", _sentence(rng, EN_WORDS) + "."),
            "state": "done" if i % 2 else "planned",
            "key": i % 10 == 0,
            "sources": rng.sample(source_ids, k=min(2, len(source_ids))),
            "status": rng.choice(["official", "press"]),
        })
    return found


def _quotes(scale: Scale, rng: random.Random, source_ids: list[str], person_ids: list[str]) -> list[dict[str, Any]]:
    return [{
        "id": f"bench-quote-{i:04d}",
        "speaker": person_ids[i % len(person_ids)],
        "original_language": "fr",
        "text": _bilingual(_sentence(rng, FR_WORDS, 20, 40) + ".", _sentence(rng, EN_WORDS, 20, 40) + "."),
        "translation_note": _bilingual("Texte original.", "This site's translation."),
        "date": rng.choice(DATES[:5]),
        "source": rng.choice(source_ids),
    } for i in range(1, scale.quotes + 1)]


def _updates(scale: Scale, rng: random.Random, source_ids: list[str]) -> list[dict[str, Any]]:
    return [{
        "id": f"bench-update-{i:04d}",
        "date": rng.choice(DATES[:5]),
        "title": _bilingual(f"Mise à jour n° {i}", f"Update no. {i}"),
        "summary": _bilingual(_sentence(rng, FR_WORDS) + ".", _sentence(rng, EN_WORDS) + "."),
        "sources": [rng.choice(source_ids)],
    } for i in range(1, scale.updates + 1)]


class _NoAliasDumper(yaml.SafeDumper):
    """Content files refuse anchors and aliases: never write any."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _read(path: Path) -> Any:
    # The build's own reader: dates stay text, exactly as the build sees them.
    from campus_ia.content.yaml_source import read_yaml

    document, problems = read_yaml(path, path.name)
    if document is None:
        raise SystemExit(f"cannot read {path}: {problems}")
    return document.data


def _write(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(_SCHEMA_HINT.format(stem=path.stem) + text, encoding="utf-8")


# -- prose -------------------------------------------------------------------------------


def _paragraph(rng: random.Random, lang: str, marker: str | None) -> str:
    words = FR_WORDS if lang == "fr" else EN_WORDS
    sentences = [_sentence(rng, words) + rng.choice([".", ".", ".", " ?" if lang == "fr" else "?"])
                 for _ in range(rng.randint(3, 5))]
    if marker:
        if lang == "fr":
            sentences.insert(1, f"Selon les sources, la valeur retenue est de {marker} ; elle reste à confirmer.")
        else:
            sentences.insert(1, f"According to the sources, the value given is {marker}; it remains to be confirmed.")
    return " ".join(sentences)


def _prose_page(rng: random.Random, lang: str, number: int, title: str, facts: list[str],
                neighbour: str | None) -> str:
    fr = lang == "fr"
    mark = lambda: f"{{{{ fact:{rng.choice(facts)} }}}}"  # noqa: E731
    words = FR_WORDS if fr else EN_WORDS
    parts = [f"# {title}", "", _paragraph(rng, lang, mark()), ""]
    parts += ["## " + ("Ce que disent les sources" if fr else "What the sources say"), "",
              _paragraph(rng, lang, None), ""]
    for _ in range(rng.randint(3, 5)):
        item = _sentence(rng, words, 4, 9)
        parts.append(f"- **{item}** : {mark()} ;" if fr else f"- **{item}:** {mark()}")
    parts += ["", "## " + ("Questions ouvertes" if fr else "Open questions"), "",
              _paragraph(rng, lang, mark()), ""]
    for k in range(1, rng.randint(3, 4) + 1):
        parts.append(f"{k}. {_sentence(rng, words, 6, 12)}" + (" ?" if fr else "?"))
    parts.append("")
    if number % 3 == 0:
        parts += ["| " + (" | ".join(["Indicateur", "Valeur"] if fr else ["Indicator", "Value"])) + " |",
                  "| --- | --- |"]
        for _ in range(3):
            parts.append(f"| {_sentence(rng, words, 2, 4)} | {mark()} |")
        parts.append("")
    if number % 4 == 0:
        parts += ['!!! note "' + ("À savoir" if fr else "Good to know") + '"', "",
                  "    " + _paragraph(rng, lang, None), ""]
    parts += ["### " + ("Pour aller plus loin" if fr else "Further reading"), "", _paragraph(rng, lang, None), ""]
    if neighbour:
        parts.append(("Voir aussi la [fiche suivante](" if fr else "See also the [next note](") + f"{neighbour}).")
        parts.append("")
    return "\n".join(parts)


# -- project -----------------------------------------------------------------------------


def generate_project(dest: Path, pages: int, *, seed: int = 2025, repo: Path = REPO, check: bool = True) -> Project:
    """Write a project with ``pages`` synthetic prose pages per language into ``dest`` (replaced)."""
    rng = random.Random(seed + pages)
    scale = Scale.for_pages(pages)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(repo / "mkdocs.yml", dest / "mkdocs.yml")
    for name in COPIED:
        shutil.copytree(repo / name, dest / name)
    content = dest / "content"

    sources = _sources(scale, rng)
    source_ids = [s["id"] for s in sources]
    data = _read(content / "sources.yml")
    data["sources"].extend(sources)
    _write(content / "sources.yml", data)

    figures = _figures(scale, rng, source_ids)
    split = len(figures) * 3 // 4
    data = _read(content / "campus.yml")
    data["figures"].extend(figures[:split])
    _write(content / "campus.yml", data)
    data = _read(content / "investment.yml")
    data["figures"].extend(figures[split:])
    _write(content / "investment.yml", data)

    partners = _partners(scale, rng, source_ids)
    data = _read(content / "partners.yml")
    data["partners"].extend(partners)
    _write(content / "partners.yml", data)

    milestones = _milestones(scale, rng, source_ids)
    data = _read(content / "timeline.yml")
    data["milestones"].extend(milestones)
    _write(content / "timeline.yml", data)

    data = _read(content / "quotes.yml")
    data["quotes"].extend(_quotes(scale, rng, source_ids, [p["people"][0]["id"] for p in partners]))
    _write(content / "quotes.yml", data)

    data = _read(content / "updates.yml")
    data["updates"].extend(_updates(scale, rng, source_ids))
    _write(content / "updates.yml", data)

    # Markers name synthetic figures and milestones, and a few shipped ones.
    figure_ids = [f["id"] for f in figures]
    milestone_ids = [m["id"] for m in milestones]
    facts = figure_ids + milestone_ids[: max(1, len(milestone_ids) // 4)] + ["site-power", "first-tranche", "location"]

    site = _read(content / "site.yml")
    prose: dict[str, list[str]] = {"fr": [], "en": []}
    for entry in site["pages"]:
        if not entry["generated"]:
            for lang in prose:
                prose[lang].append(f"{entry['slug'][lang] or 'index'}.md")
    sections: list[dict[str, Any]] = site.setdefault("sections", [])
    for i in range(1, pages + 1):
        topic = TOPICS[i % len(TOPICS)]
        slug = {"fr": f"fiche-{i:04d}", "en": f"note-{i:04d}"}
        title = {"fr": f"{topic[1]} : fiche n° {i}", "en": f"{topic[3]}: note no. {i}"}
        first = (i - 1) // SECTION_SIZE * SECTION_SIZE + 1
        if first == i:
            last = min(first + SECTION_SIZE - 1, pages)
            sections.append({"id": f"bench-section-{first:04d}",
                             "title": {"fr": f"Fiches {first} à {last}", "en": f"Notes {first}–{last}"}})
        site["pages"].append({"id": f"bench-{i:04d}", "slug": slug, "title": title, "generated": False,
                              "section": sections[-1]["id"]})
        for lang in ("fr", "en"):
            following = f"{'fiche' if lang == 'fr' else 'note'}-{i + 1:04d}.md" if i < pages else None
            text = _prose_page(rng, lang, i, title[lang], facts, following)
            (dest / "docs" / lang / f"{slug[lang]}.md").write_text(text, encoding="utf-8")
            prose[lang].append(f"{slug[lang]}.md")
    _write(content / "site.yml", site)

    project = Project(dest, scale, prose, figure_ids, milestone_ids)
    if check:
        check_project(project)
    return project


def check_project(project: Project) -> None:
    """Validate the content with the build's own loader; raise SystemExit with its problems."""
    from campus_ia.content import ContentError, load_content

    try:
        content = load_content(project.root / "content", display_root=project.root)
    except ContentError as exc:
        raise SystemExit(f"generated content is invalid:\n{exc}") from None
    listed = [p for p in content.site.pages if not p.generated]
    expected = project.scale.pages + sum(1 for p in listed if not p.id.startswith("bench-"))
    if len(listed) != expected:
        raise SystemExit(f"site.yml lists {len(listed)} prose pages, expected {expected}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=int, help="prose pages per language")
    parser.add_argument("dest", type=Path, help="folder to write the project into (replaced)")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    project = generate_project(args.dest, args.pages, seed=args.seed)
    s = project.scale
    print(f"{project.root}: {s.pages} prose pages per language, {s.sources} sources, {s.figures} figures, "
          f"{s.partners} partners, {s.milestones} milestones, {s.quotes} quotes, {s.updates} updates "
          "(added to the shipped content; validated with load_content)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
