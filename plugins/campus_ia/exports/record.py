"""The site's record of what changed: updates, changes of figures and corrections, dated.

One list for the facts page ("Corrections and changes", "Updates") and the Atom
feeds, so the two never disagree. Updates come from ``updates.yml``; changes of
figures and dated corrections are read from the content itself
(:mod:`campus_ia.facts.history`), so an editor who adds a report that becomes a
figure's lead gets the entry without writing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content import PartialDate
from ..facts.history import dated_corrections, figure_changes
from ..facts.selection import figure_anchor, update_anchor
from ..pages.language import LanguageContext

Kind = Literal["update", "change", "correction"]


@dataclass(frozen=True)
class RecordEntry:
    """One dated entry: its kind, its anchor on the facts page, its date, title and summary."""

    kind: Kind
    anchor: str
    date: PartialDate
    title: str
    summary: str
    figure_anchor: str | None = None
    """For a change: the figure's own anchor on the facts page."""


def record_entries(language: LanguageContext, kinds: tuple[Kind, ...] = ("update", "change", "correction")
                   ) -> list[RecordEntry]:
    """The entries of ``kinds`` in ``language``, newest first (same day: updates, changes, corrections)."""
    content, view, fmt, _ = language.content, language.figures, language.fmt, language.gettext
    entries: list[RecordEntry] = []
    if "update" in kinds:
        for update in content.updates:
            entries.append(RecordEntry("update", update_anchor(update.id), PartialDate.parse(update.date),
                                       fmt.typography(update.title[language.lang]),
                                       fmt.typography(update.summary[language.lang])))
    if "change" in kinds:
        for change in figure_changes(content):
            label = change.figure.label[language.lang]
            source = content.sources
            summary = _("%(label)s: now %(value)s (%(source)s); before, %(previous)s (%(previous_source)s).") % {
                "label": label,
                "value": view.value(change.figure, change.lead),
                "source": view.source_label(source[change.lead.source]),
                "previous": view.value(change.figure, change.previous),
                "previous_source": view.source_label(source[change.previous.source]),
            }
            entries.append(RecordEntry("change", change.id, change.date,
                                       fmt.typography(_("Figure updated: %(label)s") % {"label": label}),
                                       fmt.typography(summary), figure_anchor(change.figure.id)))
    if "correction" in kinds:
        for dated in dated_corrections(content):
            k = dated.correction
            entries.append(RecordEntry("correction", dated.id, dated.date,
                                       fmt.typography(_("Correction: %(title)s") % {"title": k.title[language.lang]}),
                                       fmt.typography(k.text[language.lang])))
    order = {"update": 0, "change": 1, "correction": 2}
    # Stable: a date, then the kind, then the entry's own order (newest first within a kind).
    return sorted(entries, key=lambda e: (-e.date.start.toordinal(), order[e.kind]))


TEMPLATE_GLOBALS = {"record_entries": record_entries}
"""What ``facts.md.j2`` needs from this layer (``campus_ia.site`` passes it to ``render_page``)."""
