"""How a figure reads on a page: its value with qualifier, status, source and date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..content import Content, PartialDate
from ..content.model import Figure, Report, Source
from ..formatting import Formatter
from ..i18n import N_

STATUS_LABELS = {
    "official": N_("Official"),
    "press": N_("Press report"),
    "estimate": N_("Estimate"),
    "unknown": N_("Not yet known"),
}


@dataclass(frozen=True)
class ReportText:
    """One report, written out for a reader of one language."""

    figure_id: str
    value: str
    status: str
    status_code: str
    source: Source
    source_label: str
    as_of: str
    as_of_iso: str
    standing: str
    note: str | None


class FigureView:
    """Formats figures and their reports for one language (the only place that does)."""

    def __init__(self, content: Content, lang: str, fmt: Formatter, gettext: Callable[[str], str]) -> None:
        self.content = content
        self.lang = lang
        self.fmt = fmt
        self._ = gettext

    def value(self, figure: Figure, report: Report | None = None) -> str:
        """The report's value (the lead by default) with its qualifier, e.g. "environ 70 ha"."""
        report = report or figure.lead
        _ = self._
        if report.status == "unknown":
            return _("Not yet known")
        if report.text is not None:
            return self.fmt.typography(report.text[self.lang])
        assert report.value is not None
        shown = self.quantity(report.value, figure.unit)
        qualifier = {
            "exact": "%(value)s",
            "approx": _("about %(value)s"),
            "up_to": _("up to %(value)s"),
            "more_than": _("more than %(value)s"),
            "at_least": _("at least %(value)s"),
        }[report.qualifier]
        return qualifier.replace("%(value)s", shown) if report.qualifier != "exact" else shown

    def quantity(self, value: float, unit: str) -> str:
        """A number in a unit, with megawatts from 1,000 written as gigawatts (1.4 GW)."""
        if unit == "MW" and value >= 1000:
            return self.fmt.quantity(value / 1000, "GW")
        if unit == "ratio":
            return self.fmt.number(value)
        return self.fmt.quantity(value, unit)

    def report(self, figure: Figure, report: Report) -> ReportText:
        source = self.content.sources[report.source]
        as_of = PartialDate.parse(report.as_of)
        return ReportText(
            figure_id=figure.id,
            value=self.value(figure, report),
            status=self._(STATUS_LABELS[report.status]),
            status_code=report.status,
            source=source,
            source_label=self.source_label(source),
            as_of=self.fmt.date(as_of),
            as_of_iso=as_of.iso(),
            standing=report.standing,
            note=self.fmt.typography(report.note[self.lang]) if report.note else None,
        )

    def reports(self, figure: Figure) -> list[ReportText]:
        """The lead report first, then the others in the order the YAML gives."""
        ordered = sorted(figure.reports, key=lambda r: r.standing != "lead")
        return [self.report(figure, r) for r in ordered]

    def source_label(self, source: Source) -> str:
        """"Le Figaro, mai 2025" — the publisher and the publication date, as precise as known."""
        if source.date:
            return f"{source.publisher_in(self.lang)}, {self.fmt.date(PartialDate.parse(source.date))}"
        return source.publisher_in(self.lang)

    def status(self, code: str) -> str:
        return self._(STATUS_LABELS[code])
