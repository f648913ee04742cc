"""``fr/feed.xml`` and ``en/feed.xml``: the site's record (:mod:`.record`) as Atom feeds.

Every entry of the record goes in: the updates of ``content/updates.yml``, the
changes of a figure's lead and the dated corrections, which the site reads from
the content itself. Each entry's ``category`` says which it is (``update``,
``change``, ``correction``), so a reader can keep corrections apart.

Nothing in a feed depends on the build: the feed's ``updated`` is the newest
entry's date, entry ids are the feed's address plus the entry's anchor (an update's
own id, as before: never changed once published), and each entry links to its
place on the facts page.
"""

from __future__ import annotations

from ..pages import absolute_url
from ..i18n import N_

from ..pages.downloads import UPDATES_FEED
from ..pages.language import LanguageContext
from .machine_text import midnight_utc
from .record import record_entries

GENERATOR = "campus_ia"

KIND_LABELS = {"update": N_("Update"), "change": N_("Change to a figure"), "correction": N_("Correction")}
"""What each kind of entry is called, as the feed's categories name them."""


def entry_id(feed_url: str, entry_key: str) -> str:
    """The permanent id of an entry: the feed's address and, as fragment, an update's id
    (``#fouju``) or a change's or correction's anchor (``#change-location-2025-H2``)."""
    return f"{feed_url}#{entry_key}"


_UPDATE_PREFIX = "update-"


def updates_feed(language: LanguageContext) -> bytes:
    """The Atom feed of ``language`` as UTF-8 bytes, newest entry first."""
    content, lang, site_url = language.content, language.lang, language.site_url
    _ = language.gettext
    fmt = language.fmt
    site_title = content.site.title[lang]
    feed_url = absolute_url(site_url, UPDATES_FEED[lang].path)
    facts_url = absolute_url(site_url, language.page_url("facts"))
    entries = record_entries(language)

    # A slow import (feedgen loads lxml), needed only when the feed is written: a build whose
    # content did not change reuses the last one (site/derived_cache.py).
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(fmt.typography(_("%(site)s: updates") % {"site": site_title}))
    feed.subtitle(fmt.typography(content.site.description[lang]))
    feed.author({"name": fmt.typography(site_title), "uri": absolute_url(site_url, f"{lang}/")})
    feed.link(href=facts_url, rel="alternate", type="text/html")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.language(lang)
    feed.generator(GENERATOR)
    if entries:
        feed.updated(midnight_utc(max(e.date.start for e in entries)))
    for record in entries:
        entry = feed.add_entry(order="append")
        key = record.anchor.removeprefix(_UPDATE_PREFIX) if record.kind == "update" else record.anchor
        entry.id(entry_id(feed_url, key))
        entry.title(record.title)
        entry.summary(record.summary)
        entry.category(term=record.kind, label=_(KIND_LABELS[record.kind]))
        entry.link(href=f"{facts_url}#{record.anchor}", rel="alternate", type="text/html")
        day = midnight_utc(record.date.start)
        entry.updated(day)
        entry.published(day)
    return feed.atom_str(pretty=True)
