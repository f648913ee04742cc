"""The Atom feeds read back with feedparser: stable ids, dates from the content, links to the facts page."""

from __future__ import annotations

from tests.support import SITE_BASE

import datetime as dt
import time

import feedparser
import pytest

from campus_ia.content import PartialDate
from campus_ia.exports import build_downloads
from campus_ia.facts.history import dated_corrections, figure_changes
from campus_ia.site.assembly import SiteAssembly

FEEDS = {"fr": "fr/feed.xml", "en": "en/feed.xml"}
FACTS_PAGES = {"fr": f"{SITE_BASE}fr/chiffres-cles/",
               "en": f"{SITE_BASE}en/facts/"}


def day_of(parsed: time.struct_time) -> dt.date:
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


@pytest.fixture(scope="module")
def feeds(downloads: dict[str, bytes]) -> dict[str, feedparser.FeedParserDict]:
    return {lang: feedparser.parse(downloads[path]) for lang, path in FEEDS.items()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_feed_is_well_formed_atom(feeds, lang: str) -> None:
    feed = feeds[lang]
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == f"{SITE_BASE}{lang}/feed.xml"
    assert feed.feed.language == lang
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"alternate": FACTS_PAGES[lang], "self": f"{SITE_BASE}{lang}/feed.xml"}


def test_feed_title_and_updated_come_from_the_content(feeds) -> None:
    assert feeds["en"].feed.title == "Campus IA, the facts: updates"
    assert feeds["fr"].feed.title.replace("\u00a0", " ") == "Campus IA, les faits : mises à jour"
    for feed in feeds.values():
        assert day_of(feed.feed.updated_parsed) == dt.date(2026, 6, 2)


def _kind(entry: feedparser.FeedParserDict) -> str:
    (tag,) = entry.tags
    return tag.term


def test_one_entry_per_update_newest_first(feeds, assembly: SiteAssembly) -> None:
    changes = figure_changes(assembly.content)
    corrections = dated_corrections(assembly.content)
    for lang, feed in feeds.items():
        ids = [entry.id for entry in feed.entries if _kind(entry) == "update"]
        assert ids == [f"{SITE_BASE}{lang}/feed.xml#{u}"
                       for u in ("expansion", "rte-connection", "fouju", "announcement")]
        assert len(set(ids)) == len(assembly.content.updates)
        # Changes of a figure and dated corrections are read from the content, each once.
        assert sorted(e.id for e in feed.entries if _kind(e) == "change") == sorted(
            f"{SITE_BASE}{lang}/feed.xml#{c.id}" for c in changes)
        assert sorted(e.id for e in feed.entries if _kind(e) == "correction") == sorted(
            f"{SITE_BASE}{lang}/feed.xml#{c.id}" for c in corrections)
        assert len(feed.entries) == len(ids) + len(changes) + len(corrections)
        days = [day_of(entry.updated_parsed) for entry in feed.entries]
        assert days == sorted(days, reverse=True)
        assert [day_of(entry.published_parsed) for entry in feed.entries] == days


def test_entries_link_to_the_update_on_the_facts_page(feeds, assembly: SiteAssembly) -> None:
    for lang, feed in feeds.items():
        fmt = assembly.languages[lang].fmt
        updates = {u.id: u for u in assembly.content.updates}
        written = [e for e in feed.entries if _kind(e) == "update"]
        assert sorted(e.id.rsplit("#", 1)[1] for e in written) == sorted(updates)
        for entry in feed.entries:
            key = entry.id.rsplit("#", 1)[1]
            anchor = f"update-{key}" if _kind(entry) == "update" else key
            assert entry.link == f"{FACTS_PAGES[lang]}#{anchor}"
        for entry in written:
            update = updates[entry.id.rsplit("#", 1)[1]]
            assert entry.title == fmt.typography(update.title[lang])
            assert entry.summary == fmt.typography(update.summary[lang])


def test_every_update_is_dated_by_the_first_day_of_its_period(feeds, assembly: SiteAssembly) -> None:
    """A half-year, a quarter or a month is dated by its first day (a feed needs a day)."""
    for feed in feeds.values():
        for entry in feed.entries:
            if _kind(entry) != "update":
                continue
            update = next(u for u in assembly.content.updates if entry.id.endswith(f"#{u.id}"))
            assert day_of(entry.updated_parsed) == PartialDate.parse(update.date).start


def test_feeds_do_not_change_between_builds(assembly: SiteAssembly, downloads: dict[str, bytes]) -> None:
    again = build_downloads(assembly.content, assembly.languages, build_date=dt.date(2031, 3, 4))
    for path in FEEDS.values():
        assert again[path] == downloads[path]
