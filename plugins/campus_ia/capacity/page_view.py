"""The capacity page, written out for one language: every string the template prints.

The template only places these strings in HTML (autoescaped); it formats no number. Every
number comes from ``content/`` through the model, so editing a YAML figure changes the
sentences, the tables, the charts and the calculator together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.model import RangedInput
from ..pages.downloads import CHART_DOWNLOADS, EMBED_SLUGS
from .calculator import CalculatorView, calculator_view
from .embed_code import embed_code
from .display import approximate, approximate_share, exact
from .from_content import capacity_inputs, investment_report, model_accelerator, referenced_figure
from .page_investment import investment_sentence
from .model import OUTPUT_KEYS, compute_bounds
from .page_citations import ResultCitation, result_anchor, result_citations
from .page_charts import ChartView, emissions_chart, emissions_caveats, energy_chart, phases_table
from .page_text import Dated, PageText, SourceText, Table

if TYPE_CHECKING:
    from ..pages.context import PageContext


@dataclass(frozen=True)
class AssumptionRow:
    """One input of the model with its provenance; ``link`` points at a referenced figure."""

    label: str
    subject: str | None
    value: str
    range: str
    source: SourceText | None
    status: str | None
    status_code: str | None
    as_of: Dated | None
    note: str | None
    link: str | None


@dataclass(frozen=True)
class ComparisonRow:
    """Another large AI campus (or Campus IA itself, first) for scale."""

    name: str
    country: str
    power: str
    investment: str
    sources: tuple[SourceText, ...]
    status: str
    status_code: str
    as_of: Dated
    is_campus: bool


@dataclass(frozen=True)
class CapacityPageView:
    """Everything ``capacity.md.j2`` prints, in one language."""

    notice_title: str
    notice_text: str
    summary: tuple[str, ...]
    assumptions_caption: str
    assumptions: tuple[AssumptionRow, ...]
    results: Table
    result_anchors: tuple[str, ...]
    """The id of each row of ``results``, which its citation links to."""
    result_citations: tuple[ResultCitation, ...]
    results_notes: tuple[str, ...]
    accelerators: Table
    phases: Table
    energy_chart: ChartView | None
    """None when ``capacity.yml`` lists no phases."""
    emissions_caveats: tuple[str, ...]
    emissions_chart: ChartView
    comparisons_caption: str
    comparisons: tuple[ComparisonRow, ...]
    calculator: CalculatorView


def _summary(t: PageText) -> tuple[str, ...]:
    _ = t.gettext
    fmt = t.fmt
    central = t.bounds.central
    low, high = t.bounds.low, t.bounds.high
    entry = t.accelerator
    sentences = [
        _("At full power, %(site_power)s would correspond to about %(it_power)s of IT power, "
          "that is on the order of %(accelerators)s accelerators of the %(accelerator)s class "
          "and about %(compute)s of peak compute (dense %(format)s, without sparsity).") % {
            "site_power": t.figures.quantity(t.inputs.site_power_mw.value, "MW"),
            "it_power": approximate(fmt, central.it_power_mw, "MW"),
            "accelerators": approximate(fmt, central.accelerators),
            "accelerator": entry.name,
            "compute": approximate(fmt, central.peak_compute_exaflops, "EFLOP/s"),
            "format": t.inputs.accelerator.number_format,
        },
        _("Drawing on average %(load_factor)s of its power over a year, the campus would use "
          "about %(energy)s of electricity a year, %(share)s of France's consumption "
          "(%(france)s).") % {
            "load_factor": fmt.percent(t.inputs.load_factor.value, None),
            "energy": approximate(fmt, central.annual_energy_twh, "TWh"),
            "share": approximate_share(fmt, central.share_of_france_consumption),
            "france": t.figures.quantity(t.inputs.france_consumption_twh, "TWh"),
        },
        _("At the average carbon intensity of French electricity (%(grid)s) that is about "
          "%(emissions)s a year; on the %(comparison_grid)s (%(comparison)s) it would be about "
          "%(comparison_emissions)s.") % {
            "grid": fmt.quantity(t.inputs.grid_intensity_g_per_kwh, t.content.capacity.grid_intensity.unit),
            "emissions": approximate(fmt, central.annual_emissions_kt_co2, "kt CO2"),
            "comparison_grid": t.content.capacity.comparison_grid_name[t.lang],
            "comparison": fmt.quantity(
                t.inputs.comparison_grid_intensity_g_per_kwh, t.content.capacity.comparison_grid.unit
            ),
            "comparison_emissions": approximate(
                fmt, central.annual_emissions_kt_co2_comparison_grid, "kt CO2"
            ),
        },
    ]
    sentences.append(investment_sentence(t))
    sentences.append(
        _("Over the ranges of the assumptions below, the number of accelerators lies between "
          "%(low)s and %(high)s, and the annual electricity use between %(energy_low)s and "
          "%(energy_high)s.") % {
            "low": approximate(fmt, low.accelerators),
            "high": approximate(fmt, high.accelerators),
            "energy_low": approximate(fmt, low.annual_energy_twh, "TWh"),
            "energy_high": approximate(fmt, high.annual_energy_twh, "TWh"),
        }
    )
    return tuple(t.typography(s) for s in sentences)


def _input_text(t: PageText, key: str, value: float, unit: str) -> str:
    if key == "load_factor":
        return t.fmt.percent(value, None)
    return exact(t.fmt, value, unit)


def _ranged_row(t: PageText, key: str, entry: RangedInput, subject: str | None = None) -> AssumptionRow:
    if entry.low is None or entry.high is None:
        shown_range = t.gettext("none given")
    else:
        shown_range = t.span(
            _input_text(t, key, entry.low, entry.unit), _input_text(t, key, entry.high, entry.unit)
        )
    return AssumptionRow(
        label=t.typography(entry.label[t.lang]),
        subject=subject,
        value=_input_text(t, key, entry.value, entry.unit),
        range=shown_range,
        source=t.source(entry.source),
        status=t.status(entry.status),
        status_code=entry.status,
        as_of=t.date(entry.as_of),
        note=t.typography(entry.note[t.lang]) if entry.note else None,
        link=None,
    )


def _figure_row(t: PageText, which: str) -> AssumptionRow:
    ref = getattr(t.content.capacity, which)
    figure = referenced_figure(t.content, ref, which)
    lead = figure.lead
    if which == "investment" and t.inputs.investment_range_eur is not None:
        # The range of the amounts reported for the same tranche (see the facts sheet).
        shown_range = t.span(*(t.figures.quantity(v, figure.unit) for v in t.inputs.investment_range_eur))
    elif (ref.low is None and ref.high is None) or lead.value is None:
        shown_range = t.gettext("none given")
    else:
        # A one-sided range ends at the lead value on the other side, as in the model.
        low = lead.value if ref.low is None else ref.low
        high = lead.value if ref.high is None else ref.high
        shown_range = t.span(t.figures.quantity(low, figure.unit), t.figures.quantity(high, figure.unit))
    return AssumptionRow(
        label=t.typography(ref.label[t.lang]),
        subject=None,
        value=t.figures.value(figure),
        range=shown_range,
        source=t.source(lead.source),
        status=t.status(lead.status),
        status_code=lead.status,
        as_of=t.date(lead.as_of),
        note=t.typography(lead.note[t.lang]) if lead.note else None,
        link=t.figure_link(figure.id),
    )


def _assumptions(t: PageText) -> tuple[AssumptionRow, ...]:
    _ = t.gettext
    capacity = t.content.capacity
    rows = [
        _figure_row(t, "site_power"),
        _figure_row(t, "investment"),
        _ranged_row(t, "pue", capacity.pue),
        _ranged_row(t, "load_factor", capacity.load_factor),
    ]
    for entry in capacity.accelerators:
        rows.append(_ranged_row(t, "accelerator_power_kw", entry.power_kw_all_in, entry.name))
        compute = exact(t.fmt, entry.compute_pflops_dense, "PFLOP/s")
        rows.append(AssumptionRow(
            label=_("Peak compute per accelerator, dense %(format)s") % {"format": entry.number_format},
            subject=entry.name,
            value=compute,
            range=_("none given"),
            # The compute figure has its own provenance (a datasheet), distinct from the power's.
            source=t.source(entry.compute_source),
            status=t.status(entry.compute_status),
            status_code=entry.compute_status,
            as_of=t.date(entry.compute_as_of),
            note=t.typography(entry.sparsity_note[t.lang]),
            link=None,
        ))
    rows.append(_ranged_row(t, "france_consumption_twh", capacity.france_consumption_twh))
    rows.append(_ranged_row(t, "grid_intensity", capacity.grid_intensity))
    rows.append(_ranged_row(t, "comparison_grid", capacity.comparison_grid))
    return tuple(rows)


def _results(t: PageText) -> Table:
    _ = t.gettext
    b = t.bounds
    rows = tuple(
        (
            t.label(key),
            t.unit(key),
            t.output(key, getattr(b.low, key)),
            t.output(key, getattr(b.central, key)),
            t.output(key, getattr(b.high, key)),
        )
        for key in OUTPUT_KEYS
    )
    entry = t.accelerator
    caption = _("Results at %(site_power)s of site power, with %(accelerator)s accelerators") % {
        "site_power": t.figures.quantity(t.inputs.site_power_mw.value, "MW"),
        "accelerator": entry.name,
    }
    headers = (_("Result"), _("Unit"), _("Low"), _("Central"), _("High"))
    return Table(caption, headers, rows)


def _results_notes(t: PageText) -> tuple[str, ...]:
    _ = t.gettext
    entry = t.accelerator
    notes = [
        _("Compute figures are peak dense compute in %(format)s, without sparsity. %(note)s") % {
            "format": entry.number_format,
            "note": entry.sparsity_note[t.lang],
        },
        _("Low and high are, for each result separately, its lowest and highest value over the "
          "ranges of the assumptions; they do not form one consistent scenario."),
    ]
    if t.bounds.central.investment_eur_per_mw is None:
        notes.append(_("The investment is not known: no cost per megawatt is computed."))
    return tuple(t.typography(n) for n in notes)


def _with_range(t: PageText, central: str, low: str, high: str) -> str:
    if low == central == high:
        return central
    return t.gettext("%(central)s (%(low)s to %(high)s)") % {"central": central, "low": low, "high": high}


def _accelerators(t: PageText) -> Table:
    _ = t.gettext
    rows = []
    for entry in t.content.capacity.accelerators:
        model = model_accelerator(entry)
        b = compute_bounds(capacity_inputs(t.content, entry.id))
        power = model.power_kw_all_in
        compute = _with_range(
            t, *(t.output("peak_compute_exaflops", r.peak_compute_exaflops) for r in (b.central, b.low, b.high))
        )
        rows.append((
            entry.name,
            _with_range(t, *(exact(t.fmt, v, "kW") for v in (power.value, power.lowest, power.highest))),
            _("%(value)s, dense %(format)s") % {
                "value": exact(t.fmt, model.compute_pflops_dense, "PFLOP/s"),
                "format": model.number_format,
            },
            _with_range(t, *(t.output("accelerators", r.accelerators) for r in (b.central, b.low, b.high))),
            _("%(value)s, dense %(format)s") % {"value": compute, "format": model.number_format},
        ))
    headers = (
        _("Accelerator"),
        _("IT power per accelerator, all-in"),
        _("Peak compute per accelerator"),
        _("Accelerators at full power (range)"),
        _("Peak compute at full power, EFLOP/s, without sparsity (range)"),
    )
    caption = _("The same site power with each accelerator in the data")
    return Table(caption, headers, tuple(rows))


_STATUS_STRENGTH = ("unknown", "estimate", "press", "official")
"""Statuses from the weakest claim to the firmest."""


def _weakest_status(*codes: str) -> str:
    """The least firm of ``codes``: a row built from several figures is only as firm as its weakest."""
    return min(codes, key=_STATUS_STRENGTH.index)


def _comparisons(t: PageText) -> tuple[ComparisonRow, ...]:
    capacity = t.content.capacity
    site = referenced_figure(t.content, capacity.site_power, "site_power")
    investment, investment_lead = investment_report(t.content)
    sources = tuple(dict.fromkeys((site.lead.source, investment_lead.source)))
    # The row shows two figures; its status is the weaker of their own statuses, so a press
    # figure is never shown as official, and its date the later of their dates.
    status = _weakest_status(site.lead.status, investment_lead.status)
    as_of = max((site.lead.as_of, investment_lead.as_of), key=lambda d: t.content.partial_date(d).end)
    campus = ComparisonRow(
        name=t.content.campus.campus.name[t.lang],
        country=t.country("FR"),
        power=t.figures.value(site),
        investment=t.figures.value(investment),
        sources=tuple(t.source(s) for s in sources),
        status=t.status(status),
        status_code=status,
        as_of=t.date(as_of),
        is_campus=True,
    )
    others = tuple(
        ComparisonRow(
            name=item.name[t.lang],
            country=t.country(item.country),
            power=t.typography(item.power_note[t.lang]),
            investment=t.typography(item.investment[t.lang]),
            sources=(t.source(item.source),),
            status=t.status(item.status),
            status_code=item.status,
            as_of=t.date(item.as_of),
            is_campus=False,
        )
        for item in capacity.comparisons
    )
    return (campus, *others)


def capacity_view(ctx: PageContext) -> CapacityPageView:
    """Everything the capacity page prints for ``ctx.lang``, computed from ``ctx.content``."""
    t = PageText.from_context(ctx)
    _ = t.gettext
    return CapacityPageView(
        notice_title=_("An estimate, not an announcement"),
        notice_text=t.typography(_(
            "The figures on this page are computed by this site from the announced site power "
            "and from stated assumptions, each listed below with its source. Neither the "
            "partners nor the grid operator have published them; change an assumption and "
            "the results change."
        )),
        summary=_summary(t),
        assumptions_caption=_("Assumptions of the model, with their sources"),
        assumptions=_assumptions(t),
        results=_results(t),
        result_anchors=tuple(result_anchor(key) for key in OUTPUT_KEYS),
        result_citations=result_citations(ctx, t),
        results_notes=_results_notes(t),
        accelerators=_accelerators(t),
        phases=phases_table(t),
        energy_chart=energy_chart(t),
        emissions_caveats=emissions_caveats(t),
        emissions_chart=emissions_chart(t),
        comparisons_caption=_("Campus IA and other large AI campuses, as reported"),
        comparisons=_comparisons(t),
        calculator=calculator_view(t),
    )


TEMPLATE_GLOBALS = {"capacity_view": capacity_view, "chart_files": CHART_DOWNLOADS, "embed_slugs": EMBED_SLUGS,
                    "embed_code": embed_code}
"""What ``capacity.md.j2`` needs from the page environment (the lead registers these)."""
