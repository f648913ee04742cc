"""schema.org graphs: organisations with their addresses, milestones as events, the data set."""

from __future__ import annotations

from tests.support import SITE_BASE

import json
from typing import Any

import pytest

from campus_ia.content import PartialDate
from campus_ia.exports import DATASET_DOWNLOADS, dataset_graph, events_graph, organisation_graph
from campus_ia.exports.jsonld import SITE_FIGURE_ID
from campus_ia.exports.machine_text import review_date
from campus_ia.site.assembly import SiteAssembly

SITE = f"{SITE_BASE}"
TIMELINE = {"fr": f"{SITE}fr/calendrier/", "en": f"{SITE}en/timeline/"}


def nodes_by_id(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["@id"]: node for node in graph["@graph"]}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_graphs_are_plain_json(assembly: SiteAssembly, lang: str) -> None:
    content = assembly.content
    for graph in (organisation_graph(content, lang), events_graph(content, lang, TIMELINE[lang]),
                  dataset_graph(content, lang, SITE)):
        assert json.loads(json.dumps(graph)) == graph
        assert graph["@context"] == "https://schema.org"


def test_joint_venture_and_partners(assembly: SiteAssembly) -> None:
    graph = organisation_graph(assembly.content, "en")
    nodes = nodes_by_id(graph)
    venture = nodes[f"{SITE}#campus-ia"]
    assert venture["@type"] == "Organization"
    assert "url" not in venture  # the content gives the joint venture no web site
    partners = assembly.content.partners
    founders = [nodes[ref["@id"]] for ref in venture["founder"]]
    assert [(f["name"], f["url"]) for f in founders] == [(p.name, p.website) for p in partners if p.group == "founder"]
    organisations = [n for n in graph["@graph"] if n["@type"] == "Organization" and n is not venture]
    assert {o["name"] for o in organisations} == {p.name for p in partners}
    assert all(o["url"].startswith("https://") for o in organisations)
    people = [n for n in graph["@graph"] if n["@type"] == "Person"]
    assert {p["name"] for p in people} == {person.name for partner in partners for person in partner.people}
    assert all(p["worksFor"]["@id"] in nodes for p in people)


def test_events_are_the_dated_milestones(assembly: SiteAssembly) -> None:
    graph = events_graph(assembly.content, "fr", TIMELINE["fr"])
    events = nodes_by_id(graph)
    site = assembly.content.figures[SITE_FIGURE_ID].lead.text  # the figure that names the campus's place
    dated = [m.id for m in assembly.content.milestones if m.date]
    assert list(events) == [f"{TIMELINE['fr']}#{mid}" for mid in dated]
    for milestone in (assembly.content.milestones_by_id[m] for m in dated):
        event, period = events[f"{TIMELINE['fr']}#{milestone.id}"], PartialDate.parse(milestone.date)
        assert (event["startDate"], event["endDate"]) == (period.start.isoformat(), period.end.isoformat())
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["name"] == milestone.title.fr
        # Planned steps of the campus take place at its site; announcements and context get no place.
        if milestone.category == "campus" and milestone.state == "planned":
            assert event["location"]["name"] == site.fr
        else:
            assert "location" not in event


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dataset_lists_the_downloads(assembly: SiteAssembly, downloads: dict[str, bytes], lang: str) -> None:
    graph = dataset_graph(assembly.content, lang, SITE)
    assert graph["@type"] == "Dataset"
    assert graph["url"] == {"fr": f"{SITE}fr/chiffres-cles/", "en": f"{SITE}en/facts/"}[lang]
    assert graph["dateModified"] == review_date(assembly.content.site.last_reviewed).isoformat()
    assert "license" not in graph
    distribution = graph["distribution"]
    assert [d["contentUrl"] for d in distribution] == [SITE + d.path for d in DATASET_DOWNLOADS]
    site_downloads = assembly.downloads()  # with the capacity model's files, which the site writes
    for item in distribution:
        assert item["contentUrl"].removeprefix(SITE) in site_downloads
    formats = {d["contentUrl"].rsplit("/", 1)[1]: d["encodingFormat"] for d in distribution}
    assert formats == {
        "facts.json": "application/json",
        "facts.schema.json": "application/schema+json",
        "facts.fr.csv": "text/csv",
        "facts.en.csv": "text/csv",
        "facts.fr.spreadsheet.csv": "text/csv",
        "timeline.fr.ics": "text/calendar",
        "timeline.ics": "text/calendar",
        **{f"{name}.{ext}": media for name in ("milestones", "partners", "capacity-results")
           for ext, media in (("json", "application/json"), ("schema.json", "application/schema+json"),
                              ("fr.csv", "text/csv"), ("en.csv", "text/csv"), ("fr.spreadsheet.csv", "text/csv"))},
    }
