"""The iCalendar files read back with icalendar: stable UIDs, whole-period spans, same dates as JSON."""

from __future__ import annotations

from tests.support import SITE_BASE, SITE_HOST

import datetime as dt
from typing import Any

import icalendar
import pytest

from campus_ia.exports import build_downloads
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
    assert "grid-1400mw" not in dated
    for lang in CALENDARS:
        assert sorted(calendars[lang]) == sorted(f"{mid}@{SITE_HOST}" for mid in dated)


def test_uids_and_dtstamp_are_stable_across_builds(assembly: SiteAssembly, downloads: dict[str, bytes]) -> None:
    again = build_downloads(assembly, build_date=dt.date(2030, 1, 1))
    for path in CALENDARS.values():
        assert again[path] == downloads[path]
    for event in events(downloads["data/timeline.ics"]).values():
        assert event.decoded("dtstamp") == dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("milestone", "start", "end"),
    [
        ("announcement", dt.date(2025, 5, 19), dt.date(2025, 5, 20)),
        ("ai-action-summit", dt.date(2025, 2, 1), dt.date(2025, 3, 1)),
        ("construction-start", dt.date(2026, 7, 1), dt.date(2027, 1, 1)),
        ("commissioning", dt.date(2028, 1, 1), dt.date(2029, 1, 1)),
    ],
)
def test_all_day_spans_cover_the_whole_period(calendars, milestone: str, start: dt.date, end: dt.date) -> None:
    for lang in CALENDARS:
        event = calendars[lang][f"{milestone}@{SITE_HOST}"]
        # All-day: plain dates (VALUE=DATE), not date-times; DTEND is exclusive.
        assert type(event.decoded("dtstart")) is dt.date and type(event.decoded("dtend")) is dt.date
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (start, end)
        assert event["dtstart"].params.get("VALUE") in (None, "DATE")


def test_half_year_is_written_as_all_day_dates(downloads: dict[str, bytes]) -> None:
    unfolded = downloads["data/timeline.ics"].decode("utf-8").replace("\r\n ", "")
    blocks = [b for b in unfolded.split("BEGIN:VEVENT") if f"UID:construction-start@{SITE_HOST}" in b]
    assert len(blocks) == 1
    assert "\r\nDTSTART;VALUE=DATE:20260701\r\n" in blocks[0]
    assert "\r\nDTEND;VALUE=DATE:20270101\r\n" in blocks[0]


def test_dates_agree_with_facts_json(calendars, facts: dict[str, Any]) -> None:
    for record in facts["milestones"]:
        if record["date"] is None:
            continue
        for lang in CALENDARS:
            event = calendars[lang][f"{record['id']}@{SITE_HOST}"]
            assert event.decoded("dtstart").isoformat() == record["start"]
            assert event.decoded("dtend") - dt.timedelta(days=1) == dt.date.fromisoformat(record["end"])
            assert plain(str(event["summary"])) == record["titles"][lang]
            assert str(event["url"]) == record["url"][lang]


def test_links_and_wording_per_language(calendars) -> None:
    fr = calendars["fr"][f"commissioning@{SITE_HOST}"]
    en = calendars["en"][f"commissioning@{SITE_HOST}"]
    assert str(fr["url"]) == f"{SITE_BASE}fr/calendrier/#commissioning"
    assert str(en["url"]) == f"{SITE_BASE}en/timeline/#commissioning"
    assert str(fr["summary"]) == "Mise en service" and str(en["summary"]) == "Commissioning"
    assert "2028" in str(en["description"]) and "from 2028" in str(en["description"])
    assert str(fr["status"]) == "TENTATIVE"
    assert str(calendars["en"][f"announcement@{SITE_HOST}"]["status"]) == "CONFIRMED"
