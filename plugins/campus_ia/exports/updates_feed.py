"""``fr/feed.xml`` and ``en/feed.xml``: the updates of ``content/updates.yml`` as Atom feeds.

Nothing in a feed depends on the build: the feed's ``updated`` is the newest
update's date, entry ids are the feed's address plus the update's id (never
changed once published, as updates.yml says), and each entry links to the update
on the facts page.
"""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from ..content import PartialDate
from ..facts.selection import update_anchor
from ..pages.downloads import UPDATES_FEED
from ..pages.language import LanguageContext
from .machine_text import absolute_url, midnight_utc

GENERATOR = "campus_ia"


def entry_id(feed_url: str, update_id: str) -> str:
    """The permanent id of an entry: the feed's address and the update's id as fragment."""
    return f"{feed_url}#{update_id}"


def updates_feed(language: LanguageContext) -> bytes:
    """The Atom feed of ``language`` as UTF-8 bytes, newest update first."""
    content, lang, site_url = language.content, language.lang, language.site_url
    _ = language.gettext
    fmt = language.fmt
    site_title = content.site.title[lang]
    feed_url = absolute_url(site_url, UPDATES_FEED[lang].path)
    facts_url = absolute_url(site_url, language.page_url("facts"))
    dated = sorted(((PartialDate.parse(u.date).start, u) for u in content.updates),
                   key=lambda pair: pair[0], reverse=True)

    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title(fmt.typography(_("%(site)s: updates") % {"site": site_title}))
    feed.subtitle(fmt.typography(content.site.description[lang]))
    feed.author({"name": fmt.typography(site_title), "uri": absolute_url(site_url, f"{lang}/")})
    feed.link(href=facts_url, rel="alternate", type="text/html")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.language(lang)
    feed.generator(GENERATOR)
    if dated:
        feed.updated(midnight_utc(dated[0][0]))
    for day, update in dated:
        entry = feed.add_entry(order="append")
        entry.id(entry_id(feed_url, update.id))
        entry.title(fmt.typography(update.title[lang]))
        entry.summary(fmt.typography(update.summary[lang]))
        entry.link(href=f"{facts_url}#{update_anchor(update.id)}", rel="alternate", type="text/html")
        entry.updated(midnight_utc(day))
        entry.published(midnight_utc(day))
    return feed.atom_str(pretty=True)
