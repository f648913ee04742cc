"""What changed in the figures, read from the reports' history in ``content/``.

Nothing is overwritten in ``content/``: a newer figure is a new report, which becomes
the ``lead`` while the one it replaces becomes ``superseded`` (or ``alternative``).
So the content itself says when a figure's lead changed, and the site writes the
entry (facts page and feeds) without anyone adding it to ``updates.yml``:

- a **change** of a figure: its lead report is newer than another of its reports
  (the other report's period ends before the lead's begins). The change is dated by
  the lead's ``as_of``; the value it replaced is the newest of those older reports
  (a ``superseded`` one first when two are as new).
- a **correction** (``corrections:`` in ``campus.yml``) with a ``date`` is dated by it.

Changes and corrections stay apart, as statistics offices keep errata apart from
revisions: a change is new information, a correction says what was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Content, PartialDate
from ..content.model import Correction, Figure, Report


@dataclass(frozen=True)
class FigureChange:
    """A figure whose lead replaced an older report, on the lead's date."""

    figure: Figure
    lead: Report
    previous: Report
    date: PartialDate

    @property
    def id(self) -> str:
        """Stable id (and anchor on the facts page): the figure and the new lead's date."""
        return change_anchor(self.figure.id, self.lead.as_of)


@dataclass(frozen=True)
class DatedCorrection:
    """A correction of ``campus.yml`` that gives the day it was made."""

    correction: Correction
    date: PartialDate

    @property
    def id(self) -> str:
        """Its anchor on the facts page, the one the correction already has."""
        return f"correction-{self.correction.id}"


def change_anchor(figure_id: str, as_of: str) -> str:
    """``change-site-power-2026-05-12``: the figure's id and the new lead's date as written."""
    return f"change-{figure_id}-{as_of}"


def figure_changes(content: Content) -> list[FigureChange]:
    """Every change of a figure's lead that the reports show, newest first."""
    changes = []
    for figure in content.figures.values():
        lead = figure.lead
        lead_date = PartialDate.parse(lead.as_of)
        older = [r for r in figure.reports
                 if r is not lead and PartialDate.parse(r.as_of).end < lead_date.start]
        if not older:
            continue
        previous = max(older, key=lambda r: (PartialDate.parse(r.as_of).end, r.standing == "superseded"))
        changes.append(FigureChange(figure, lead, previous, lead_date))
    return sorted(changes, key=lambda c: (c.date.start, c.figure.id), reverse=True)


def dated_corrections(content: Content) -> list[DatedCorrection]:
    """The corrections that give their date, newest first (undated ones are not news)."""
    dated = [DatedCorrection(k, PartialDate.parse(k.date)) for k in content.campus.corrections if k.date]
    return sorted(dated, key=lambda d: (d.date.start, d.correction.id), reverse=True)
