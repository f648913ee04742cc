"""``data/timeline.ics`` (English) and ``data/timeline.fr.ics`` (French): the dated milestones.

One calendar per language rather than one with both: calendar programs show the
SUMMARY and ignore its LANGUAGE parameter, so a bilingual event would read in one
language anyway, or in both at once. The two files share UIDs (one event, two
wordings), and a build changes nothing in them unless the content changed: UIDs
come from milestone ids, DTSTAMP from ``site.last_reviewed``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

from ..pages import absolute_url
from ..content import PartialDate
from ..content.model import Milestone
from ..pages.figures import FigureView
from ..pages.language import LanguageContext
from .machine_text import midnight_utc, review_date, site_host

if TYPE_CHECKING:
    import icalendar

ONE_DAY = dt.timedelta(days=1)


def milestone_uid(milestone_id: str, site_url: str) -> str:
    """``<milestone-id>@<site host>``: the same in every build and in both languages."""
    return f"{milestone_id}@{site_host(site_url)}"


def event_day(date: PartialDate, qualifier: str | None) -> dt.date:
    """The one day a milestone is placed on: the day itself, else the period's first or last day.

    "from 2028" starts with the period; every other wording ("by the end of 2027",
    "before the end of 2029", "expected in the second half of 2026", "in May 2025")
    is held at the latest day the sources allow.
    """
    if date.precision == "day":
        return date.start
    return date.start if qualifier == "from" else date.end


def timeline_calendar(language: LanguageContext) -> bytes:
    """The iCalendar file of ``language`` as bytes (CRLF line ends, folded as RFC 5545 wants)."""
    content, lang, site_url = language.content, language.lang, language.site_url
    _ = language.gettext
    site_title = content.site.title[lang]
    # A slow import (a tenth of a second), needed only when the calendar is written: a build
    # whose content did not change reuses the last one (site/derived_cache.py).
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{site_host(site_url)}//Campus IA timeline//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = language.fmt.typography(_("%(site)s: timeline") % {"site": site_title})
    # icalendar writes properties it has no type for (NAME, X-WR-*) as they are; they are TEXT
    # (RFC 7986), so say so: ; , \ and line breaks are then escaped as RFC 5545 wants.
    calendar.add("name", icalendar.vText(name))
    calendar.add("x-wr-calname", icalendar.vText(name))
    stamp = midnight_utc(review_date(content.site.last_reviewed))
    timeline_url = absolute_url(site_url, language.page_url("timeline"))
    view = language.figures
    for milestone in content.milestones:
        if milestone.date:
            calendar.add_component(_event(milestone, lang, view, _, site_url, timeline_url, stamp))
    return calendar.to_ical()


def _event(
    milestone: Milestone,
    lang: str,
    view: FigureView,
    _: Callable[[str], str],
    site_url: str,
    timeline_url: str,
    stamp: dt.datetime,
) -> icalendar.Event:
    assert milestone.date is not None
    date = PartialDate.parse(milestone.date)
    day = event_day(date, milestone.date_qualifier)
    when = view.fmt.date(date, milestone.date_qualifier)
    sources = "; ".join(view.source_label(view.content.sources[sid]) for sid in milestone.sources)
    # The whole text, separators written here included, in the calendar's typography.
    description = view.fmt.typography("\n".join([
        _("When: %(date)s") % {"date": when},
        milestone.summary[lang],
        _("Sources: %(sources)s") % {"sources": sources},
        _("Status: %(status)s") % {"status": view.status(milestone.status)},
    ]))
    import icalendar  # slow to import: see timeline_calendar(), which has imported it already

    event = icalendar.Event()
    event.add("uid", milestone_uid(milestone.id, site_url))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + ONE_DAY)  # all-day, one day: DTEND is exclusive
    title = milestone.title[lang] if date.precision == "day" else f"{milestone.title[lang]}, {when}"
    event.add("summary", view.fmt.typography(title), parameters={"LANGUAGE": lang})
    event.add("description", description, parameters={"LANGUAGE": lang})
    event.add("url", f"{timeline_url}#{milestone.id}")
    # A planned step is the partners' or the press's date, not a certainty.
    event.add("status", "CONFIRMED" if milestone.state == "done" else "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    return event
