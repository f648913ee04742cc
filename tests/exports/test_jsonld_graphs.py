"""schema.org graphs: organisations with their addresses, milestones as events, the data set."""

from __future__ import annotations

from tests.support import SITE_BASE, SITE_HOST

import json
from typing import Any

import pytest

from campus_ia.exports import DATASET_DOWNLOADS, dataset_graph, events_graph, organisation_graph
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
    founders = [nodes[ref["@id"]] for ref in venture["founder"]]
    assert [(f["name"], f["url"]) for f in founders] == [
        ("Mistral AI", "https://mistral.ai"),
        ("NVIDIA", "https://www.nvidia.com"),
        ("MGX", "https://www.mgx.ae"),
        ("Bpifrance", "https://www.bpifrance.fr"),
    ]
    organisations = [n for n in graph["@graph"] if n["@type"] == "Organization" and n is not venture]
    assert {o["name"] for o in organisations} >= {"Bouygues", "EDF", "RTE", "École polytechnique"}
    assert all(o["url"].startswith("https://") for o in organisations)
    people = [n for n in graph["@graph"] if n["@type"] == "Person"]
    assert {p["name"] for p in people} == {"Arthur Mensch", "Jensen Huang"}
    assert all(p["worksFor"]["@id"] in nodes for p in people)


def test_events_are_the_dated_milestones(assembly: SiteAssembly) -> None:
    graph = events_graph(assembly.content, "fr", TIMELINE["fr"])
    events = nodes_by_id(graph)
    dated = [m.id for m in assembly.content.milestones if m.date]
    assert list(events) == [f"{TIMELINE['fr']}#{mid}" for mid in dated]
    construction = events[f"{TIMELINE['fr']}#construction-start"]
    assert (construction["startDate"], construction["endDate"]) == ("2026-07-01", "2026-12-31")
    assert construction["eventStatus"] == "https://schema.org/EventScheduled"
    assert construction["name"] == "Début de la construction"
    assert construction["location"]["name"].startswith("Fouju")
    announcement = events[f"{TIMELINE['fr']}#announcement"]
    assert (announcement["startDate"], announcement["endDate"]) == ("2025-05-19", "2025-05-19")
    # Announced in Versailles, not at the site: the content gives no place, so none is said.
    assert "location" not in announcement


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dataset_lists_the_downloads(assembly: SiteAssembly, downloads: dict[str, bytes], lang: str) -> None:
    graph = dataset_graph(assembly.content, lang, SITE)
    assert graph["@type"] == "Dataset"
    assert graph["url"] == {"fr": f"{SITE}fr/chiffres-cles/", "en": f"{SITE}en/facts/"}[lang]
    assert graph["dateModified"] == "2026-11-25"
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
