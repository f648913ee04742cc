"""The milestones on a time axis, with "today" (the day of the build) in its place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import Content
from ..content.model import Milestone


@dataclass(frozen=True)
class TimelineEntry:
    """A milestone on a time axis, or the "today" marker between the past and the future."""

    milestone: Milestone | None
    is_today: bool = False


def timeline_entries(content: Content, today: dt.date, *, campus_only: bool = False) -> list[TimelineEntry]:
    """The milestones in the timeline's order, with "today" placed before the first one still ahead.

    A milestone is ahead when its period has not begun (a year still to come, a quarter not
    yet started); one with no date yet comes after today.
    """
    entries: list[TimelineEntry] = []
    placed = False
    for milestone in content.milestones:
        if campus_only and milestone.category != "campus":
            continue
        ahead = milestone.date is None or content.partial_date(milestone.date).start > today
        if ahead and not placed:
            entries.append(TimelineEntry(None, is_today=True))
            placed = True
        entries.append(TimelineEntry(milestone))
    if not placed:
        entries.append(TimelineEntry(None, is_today=True))
    return entries
