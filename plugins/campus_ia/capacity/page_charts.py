"""The capacity page's scenarios and charts: the grid-connection phases and the emissions.

Each chart comes with a table of the same numbers (the same strings, from the same
``PageText`` helpers), so a reader who cannot see the chart loses nothing and the two can
never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.model import Phase
from ..pages.downloads import CHART_KEYS
from .charts import Bar, bar_chart
from .display import SHARE_KEY
from .from_content import net_exports_reference
from .model import Bounds, compute_bounds
from .page_text import PageText, Table

_EMISSIONS = ("annual_emissions_kt_co2", "annual_emissions_kt_co2_comparison_grid")
_PHASE_OUTPUTS = ("it_power_mw", "accelerators", "peak_compute_exaflops", "annual_energy_twh", SHARE_KEY)


ENERGY_CHART, EMISSIONS_CHART = CHART_KEYS
"""The charts' keys, which name their downloads and embed pages (``pages.downloads``)."""


@dataclass(frozen=True)
class ChartData:
    """A chart's numbers as open data: column headers, then rows of a label and raw numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | float, ...], ...]


@dataclass(frozen=True)
class ChartView:
    """An inline SVG chart, its caption and the table of its numbers; what it is drawn from."""

    key: str
    svg: Markup
    caption: str
    table: Table
    title: str
    description: str
    bars: tuple[Bar, ...]
    unit_label: str
    data: ChartData


def _phase_bounds(t: PageText) -> list[tuple[Phase, Bounds]]:
    return [
        (phase, compute_bounds(
            # No source ties the first tranche to a phase: no cost per MW at a phase.
            t.inputs.with_values(site_power_mw=t.content.phase_power_mw(phase), investment_eur=None)
        ))
        for phase in t.content.capacity.phases
    ]


def _phase_label(t: PageText, phase: Phase) -> str:
    return t.gettext("%(phase)s, %(power)s") % {
        "phase": phase.label[t.lang],
        "power": t.figures.quantity(t.content.phase_power_mw(phase), "MW"),
    }


def _phase_date(t: PageText, phase: Phase) -> str:
    milestone = next((m for m in t.content.milestones if m.id == phase.milestone), None)
    if milestone is None or milestone.date is None:
        return t.gettext("not published")
    return t.fmt.date(t.content.partial_date(milestone.date), milestone.date_qualifier)


def phases_table(t: PageText) -> Table:
    """The phases as scenarios: central results at each grid-connection step."""
    _ = t.gettext
    rows = tuple(
        (
            phase.label[t.lang],
            _phase_date(t, phase),
            t.figures.quantity(t.content.phase_power_mw(phase), "MW"),
            *(t.output_with_unit(key, getattr(bounds.central, key)) for key in _PHASE_OUTPUTS),
        )
        for phase, bounds in _phase_bounds(t)
    )
    headers = (_("Phase"), _("Connection date"), _("Site power"), *(t.label(k) for k in _PHASE_OUTPUTS))
    caption = _("Central results at each grid-connection step, other assumptions unchanged")
    return Table(caption, headers, rows)


def energy_chart(t: PageText) -> ChartView | None:
    """Annual electricity use and share of France's consumption per phase; None without phases."""
    _ = t.gettext
    energy = "annual_energy_twh"
    bars: list[Bar] = []
    items: list[str] = []
    rows: list[tuple[str, ...]] = []
    data: list[tuple[str | float, ...]] = []
    for phase, bounds in _phase_bounds(t):
        label = _phase_label(t, phase)
        central = t.output_with_unit(energy, bounds.central.annual_energy_twh)
        low = t.output_with_unit(energy, bounds.low.annual_energy_twh)
        high = t.output_with_unit(energy, bounds.high.annual_energy_twh)
        share = t.output(SHARE_KEY, bounds.central.share_of_france_consumption)
        bars.append(Bar(
            label=label,
            value=bounds.central.annual_energy_twh,
            display=_("%(energy)s (%(share)s)") % {"energy": central, "share": share},
            low=bounds.low.annual_energy_twh,
            high=bounds.high.annual_energy_twh,
        ))
        items.append(
            _("%(phase)s: %(central)s (%(low)s to %(high)s), %(share)s of France's consumption")
            % {"phase": label, "central": central, "low": low, "high": high, "share": share}
        )
        rows.append((label, low, central, high, share))
        data.append((
            phase.label[t.lang], t.content.phase_power_mw(phase), bounds.low.annual_energy_twh,
            bounds.central.annual_energy_twh, bounds.high.annual_energy_twh,
            bounds.central.share_of_france_consumption * 100,
        ))
    if not bars:
        return None
    title = _("Annual electricity use per grid-connection phase")
    description = _("Central estimate and range for each phase: %(items)s.") % {"items": "; ".join(items)}
    unit_label = _("Terawatt-hours a year (share of France's consumption); whiskers show the range")
    svg = bar_chart(t.typography(title), t.typography(description), bars, unit_label=unit_label)
    headers = (_("Phase"), _("Low"), _("Central"), _("High"), t.label(SHARE_KEY))
    table = Table(title, headers, tuple(rows))
    caption = _("Annual electricity use at each step, in terawatt-hours, with its range over "
                "the assumptions and its share of France's consumption.")
    data_headers = (
        _("Phase"), _("Site power, MW"), _("Low estimate, TWh a year"), _("Central estimate, TWh a year"),
        _("High estimate, TWh a year"), _("Central share of France's consumption, %"),
    )
    return ChartView(ENERGY_CHART, Markup(svg), caption, table, t.typography(title), t.typography(description),
                     tuple(bars), unit_label, ChartData(data_headers, tuple(data)))


def _grid_labels(t: PageText) -> dict[str, tuple[str, str]]:
    """Each emissions output's grid label and the grid's intensity as shown."""
    _ = t.gettext
    capacity = t.content.capacity
    comparison_name = capacity.comparison_grid_name[t.lang]
    return {
        _EMISSIONS[0]: (
            _("French grid, average"),
            t.fmt.quantity(capacity.grid_intensity.value, capacity.grid_intensity.unit),
        ),
        _EMISSIONS[1]: (
            comparison_name[:1].upper() + comparison_name[1:],
            t.fmt.quantity(capacity.comparison_grid.value, capacity.comparison_grid.unit),
        ),
    }


def emissions_chart(t: PageText) -> ChartView:
    """Annual emissions at full power on the French grid and on the comparison grid."""
    _ = t.gettext
    b = t.bounds
    bars: list[Bar] = []
    items: list[str] = []
    rows: list[tuple[str, ...]] = []
    data: list[tuple[str | float, ...]] = []
    capacity = t.content.capacity
    intensities = {_EMISSIONS[0]: capacity.grid_intensity, _EMISSIONS[1]: capacity.comparison_grid}
    for key, (grid, intensity) in _grid_labels(t).items():
        label = _("%(grid)s (%(intensity)s)") % {"grid": grid, "intensity": intensity}
        central = t.output_with_unit(key, getattr(b.central, key))
        low = t.output_with_unit(key, getattr(b.low, key))
        high = t.output_with_unit(key, getattr(b.high, key))
        bars.append(Bar(label, getattr(b.central, key), central, getattr(b.low, key), getattr(b.high, key)))
        items.append(_("%(grid)s: %(central)s (%(low)s to %(high)s)") % {
            "grid": label, "central": central, "low": low, "high": high,
        })
        rows.append((grid, intensity, low, central, high))
        data.append((grid, intensities[key].value, intensities[key].unit, getattr(b.low, key), getattr(b.central, key), getattr(b.high, key)))
    title = _("Annual emissions at full power, by grid")
    description = _(
        "Emissions at each grid's average carbon intensity, which is not the marginal intensity "
        "of new load: %(items)s."
    ) % {"items": "; ".join(items)}
    unit_label = _("Kilotonnes of CO₂ a year; whiskers show the range over the assumptions")
    svg = bar_chart(t.typography(title), t.typography(description), bars, unit_label=unit_label)
    headers = (_("Grid"), _("Average carbon intensity"), _("Low"), _("Central"), _("High"))
    caption = _("Annual emissions at the grids' average carbon intensity, which is not the "
                "marginal intensity of new load; France is a net exporter of electricity.")
    data_headers = (
        _("Grid"), _("Average carbon intensity"), _("Unit of the intensity"), _("Low estimate, kt CO₂ a year"),
        _("Central estimate, kt CO₂ a year"), _("High estimate, kt CO₂ a year"),
    )
    return ChartView(EMISSIONS_CHART, Markup(svg), t.typography(caption), Table(title, headers, tuple(rows)),
                     t.typography(title), t.typography(description), tuple(bars), unit_label,
                     ChartData(data_headers, tuple(data)))


def chart_views(t: PageText) -> tuple[ChartView, ...]:
    """Every chart of the capacity page, in page order (the energy chart only with phases)."""
    energy = energy_chart(t)
    return (*((energy,) if energy else ()), emissions_chart(t))


def emissions_caveats(t: PageText) -> tuple[str, ...]:
    """Why the emissions figure is a rough guide: average vs marginal intensity, net exports."""
    _ = t.gettext
    exports = net_exports_reference(t.content)
    lead = exports.lead
    caveats = (
        _("These emissions use the average carbon intensity of French electricity production, "
          "not the marginal intensity of new load: the extra production a new consumer calls "
          "for can be cleaner or more carbon-intensive than the average."),
        _("France is a net exporter of electricity (%(label)s: %(value)s; %(source)s). Power "
          "used by the campus is partly power no longer exported, so its real effect on "
          "emissions depends on what that power would have displaced abroad.") % {
            "label": exports.label[t.lang],
            "value": t.figures.value(exports),
            "source": t.source(lead.source).label,
        },
    )
    return tuple(t.typography(c) for c in caveats)
