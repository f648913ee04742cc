"""The iCalendar files read back with icalendar: stable UIDs, whole-period spans, same dates as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar
import pytest

from campus_ia.content import PartialDate
from campus_ia.exports import build_downloads
from campus_ia.exports.timeline_calendar import milestone_uid
from campus_ia.site.assembly import SiteAssembly

CALENDARS = {"fr": "data/timeline.fr.ics", "en": "data/timeline.ics"}


def plain(text: str) -> str:
    """``text`` without the no-break spaces of French typography."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture(scope="module")
def calendars(downloads: dict[str, bytes]) -> dict[str, dict[str, icalendar.Event]]:
    return {lang: events(downloads[path]) for lang, path in CALENDARS.items()}


def test_one_event_per_dated_milestone(calendars, assembly: SiteAssembly) -> None:
    dated = [m.id for m in assembly.content.milestones if m.date]
    for lang in CALENDARS:
        assert sorted(calendars[lang]) == sorted(_uid(mid, assembly) for mid in dated)


def test_uids_and_dtstamp_are_stable_across_builds(assembly: SiteAssembly, downloads: dict[str, bytes]) -> None:
    again = build_downloads(assembly.content, assembly.languages, build_date=dt.date(2030, 1, 1))
    for path in CALENDARS.values():
        assert again[path] == downloads[path]
    for event in events(downloads["data/timeline.ics"]).values():
        assert event.decoded("dtstamp") == dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)


def _uid(milestone_id: str, assembly: SiteAssembly) -> str:
    return milestone_uid(milestone_id, assembly.languages["fr"].site_url)


def test_every_event_is_one_all_day_event(calendars) -> None:
    """No event spans a month, a quarter, a half-year or a year: calendars would show a long bar."""
    for lang in CALENDARS:
        for uid, event in calendars[lang].items():
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            # All-day: plain dates (VALUE=DATE), not date-times; DTEND is exclusive.
            assert type(start) is dt.date and type(end) is dt.date, uid
            assert end - start == dt.timedelta(days=1), (lang, uid, start, end)


def test_imprecise_dates_sit_on_the_day_their_wording_points_to(calendars, assembly: SiteAssembly) -> None:
    imprecise = 0
    for milestone in assembly.content.milestones:
        if not milestone.date:
            continue
        period = PartialDate.parse(milestone.date)
        for lang in CALENDARS:
            event = calendars[lang][_uid(milestone.id, assembly)]
            day = event.decoded("dtstart")
            assert period.start <= day <= period.end, (milestone.id, day)
            if period.precision == "day":
                assert plain(str(event["summary"])) == plain(assembly.languages[lang].fmt.typography(milestone.title[lang]))
                continue
            imprecise += 1
            # "from 2028" opens the period; "by the end of", "expected in" and a bare period close it.
            assert day == (period.start if milestone.date_qualifier == "from" else period.end), milestone.id
            # The title says how precise the date is, in the calendar's language.
            wording = assembly.languages[lang].fmt.date(period, milestone.date_qualifier)
            assert plain(wording) in plain(str(event["summary"])), (lang, milestone.id, str(event["summary"]))
    assert imprecise, "the content has no imprecise date left: this test no longer tests anything"


def test_dates_agree_with_facts_json(calendars, facts: dict[str, Any], assembly: SiteAssembly) -> None:
    for record in facts["milestones"]:
        if record["date"] is None:
            continue
        for lang in CALENDARS:
            event = calendars[lang][_uid(record["id"], assembly)]
            day = event.decoded("dtstart")
            assert dt.date.fromisoformat(record["start"]) <= day <= dt.date.fromisoformat(record["end"])
            assert plain(str(event["summary"])).startswith(record["titles"][lang])
            assert str(event["url"]) == record["url"][lang]


def test_links_and_wording_per_language(calendars, assembly: SiteAssembly) -> None:
    timeline = {lang: assembly.structure.get("timeline", lang).url for lang in CALENDARS}
    for milestone in assembly.content.milestones:
        if not milestone.date:
            continue
        for lang in CALENDARS:
            event = calendars[lang][_uid(milestone.id, assembly)]
            assert str(event["url"]).endswith(f"{timeline[lang]}#{milestone.id}")
            assert plain(str(event["summary"])).startswith(plain(assembly.languages[lang].fmt.typography(milestone.title[lang])))
            # A planned step is the partners' or the press's date, not a certainty.
            assert str(event["status"]) == ("CONFIRMED" if milestone.state == "done" else "TENTATIVE")


@pytest.mark.parametrize("lang", list(CALENDARS))
def test_the_built_calendar_validates_and_no_event_lasts_longer_than_a_month(built_site, lang: str) -> None:
    """The files of a real build, read strictly by icalendar: RFC 5545 structure, every event a day or less."""
    data = (built_site / CALENDARS[lang]).read_bytes()
    calendar = icalendar.Calendar.from_ical(data)  # raises on a malformed file
    assert calendar.name == "VCALENDAR"
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    assert calendar.errors == []
    events_found = calendar.walk("VEVENT")
    assert events_found
    for event in events_found:
        assert event.errors == [], event.errors
        for required in ("uid", "dtstamp", "dtstart"):
            assert required in event, required
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert dt.timedelta(0) < end - start <= dt.timedelta(days=31), (str(event["uid"]), start, end)
    # Written back, the calendar reads the same: nothing was lost to a lenient parser.
    assert icalendar.Calendar.from_ical(calendar.to_ical()).to_ical() == calendar.to_ical()
