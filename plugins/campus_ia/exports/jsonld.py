"""schema.org JSON-LD for the pages: the organisations, the milestones and the data set.

Pure functions returning plain dicts; the page templates serialise them into a
``<script type="application/ld+json">``. They state only what ``content/`` says:
no address, licence or web site that the sources do not give.
"""

from __future__ import annotations

from typing import Any

from ..pages import absolute_url
from ..content import Content, PartialDate
from ..content.model import Milestone, Partner
from ..pages.structure import SitePage, SiteStructure
from ..pages.downloads import DATASET_DOWNLOADS
from ..pages.language import LanguageContext
from .french_text import french_values
from .machine_text import review_date

SCHEMA_ORG = "https://schema.org"
EVENT_SCHEDULED = "https://schema.org/EventScheduled"
SITE_FIGURE_ID = "location"
"""The figure whose lead text names the campus site, used as the place of on-site milestones."""


def joint_venture_id(site_url: str) -> str:
    """The JSON-LD ``@id`` of the joint venture, the same on every page and in both languages."""
    return absolute_url(site_url, "#campus-ia")


def partner_id(site_url: str, partner: str) -> str:
    """The ``@id`` of a partner organisation."""
    return absolute_url(site_url, f"#partner-{partner}")


def page_graphs(language: LanguageContext, page: SitePage) -> list[dict[str, Any]]:
    """The structured data ``page`` embeds: organisations, milestones as events, the data set."""
    content, lang, site_url = language.content, language.lang, language.site_url
    graphs: list[dict[str, Any]] = []
    if page.id in ("home", "partners"):
        graphs.append(organisation_graph(content, lang))
    if page.id == "timeline":
        graphs.append(events_graph(content, lang, site_url.rstrip("/") + "/" + page.url))
    if page.id == "facts":
        graphs.append(dataset_graph(content, lang, site_url))
    if lang == "fr":  # the page's text filter does not read inside <script>
        graphs = [french_values(graph) for graph in graphs]
    return graphs


def organisation_graph(content: Content, lang: str) -> dict[str, Any]:
    """The joint venture, its founders and the other participants, with their people."""
    site_url = content.site.url or "/"
    campus = content.campus.campus
    founders = [p for p in content.partners if p.group == "founder"]
    venture = {
        "@type": "Organization",
        "@id": joint_venture_id(site_url),
        "name": campus.name[lang],
        "description": campus.summary[lang],
        "founder": [{"@id": partner_id(site_url, p.id)} for p in founders],
    }
    nodes: list[dict[str, Any]] = [venture]
    for partner in content.partners:
        nodes.append(_organisation(site_url, partner, lang))
        nodes.extend(
            {
                "@type": "Person",
                "@id": absolute_url(site_url, f"#person-{person.id}"),
                "name": person.name,
                "jobTitle": person.role[lang],
                "worksFor": {"@id": partner_id(site_url, partner.id)},
            }
            for person in partner.people
        )
    return {"@context": SCHEMA_ORG, "@graph": nodes}


def events_graph(content: Content, lang: str, page_url: str) -> dict[str, Any]:
    """Every dated milestone as an Event anchored on ``page_url`` (the timeline's absolute address).

    A quarter, a half-year or a year runs from its first to its last day. Only
    planned steps of the campus itself take place at the site; announcements and
    context events get no place, since the content does not give one.
    """
    site = _site_place(content, lang)
    events = []
    for milestone in content.milestones:
        if not milestone.date:
            continue
        event = _event(milestone, lang, page_url)
        if site is not None and milestone.category == "campus" and milestone.state == "planned":
            event["location"] = site
        events.append(event)
    return {"@context": SCHEMA_ORG, "@graph": events}


def dataset_graph(content: Content, lang: str, site_url: str) -> dict[str, Any]:
    """The facts sheet as a Dataset whose distributions are the downloads, with absolute addresses."""
    site = content.site
    facts_page = SiteStructure(site).get("facts", lang)
    facts_url = absolute_url(site_url, facts_page.url)
    return {
        "@context": SCHEMA_ORG,
        "@type": "Dataset",
        "@id": f"{facts_url}#dataset",
        "name": f"{site.title[lang]}: {facts_page.title}",
        "description": site.description[lang],
        "url": facts_url,
        "inLanguage": lang,
        "dateModified": review_date(site.last_reviewed).isoformat(),
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": site.title[lang], "url": site_url},
        "about": {"@id": joint_venture_id(site_url)},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": download.name,
                "encodingFormat": download.media_type,
                "contentUrl": absolute_url(site_url, download.path),
                **({"inLanguage": download.lang} if download.lang else {}),
            }
            for download in DATASET_DOWNLOADS
        ],
    }


def _organisation(site_url: str, partner: Partner, lang: str) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "@id": partner_id(site_url, partner.id),
        "name": partner.name,
        "url": partner.website,
        "description": partner.description[lang],
        "disambiguatingDescription": partner.role[lang],
    }


def _event(milestone: Milestone, lang: str, page_url: str) -> dict[str, Any]:
    assert milestone.date is not None
    date = PartialDate.parse(milestone.date)
    return {
        "@type": "Event",
        "@id": f"{page_url}#{milestone.id}",
        "url": f"{page_url}#{milestone.id}",
        "name": milestone.title[lang],
        "description": milestone.summary[lang],
        "startDate": date.start.isoformat(),
        "endDate": date.end.isoformat(),
        "eventStatus": EVENT_SCHEDULED,
    }


def _site_place(content: Content, lang: str) -> dict[str, Any] | None:
    figure = content.figures.get(SITE_FIGURE_ID)
    if figure is None or figure.lead.text is None:
        return None
    return {"@type": "Place", "name": figure.lead.text[lang]}
