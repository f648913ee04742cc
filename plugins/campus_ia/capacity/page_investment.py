"""The capacity page's sentence on the investment: the amounts reported, and what they come to per MW.

The cost per MW is given against the site power the first tranche is for, and only that:
no source divides the tranche between the grid-connection phases, so the page does not either.
"""

from __future__ import annotations

from .display import round_significant
from .from_content import investment_report
from .page_text import PageText


def money_per_mw(t: PageText, value: float | None) -> str:
    """An amount per MW to three significant figures, like every estimate on the page."""
    assert value is not None
    return t.fmt.money_per(round_significant(value, 3), "EUR", "MW")


def investment_sentence(t: PageText) -> str:
    """What the reported first tranche comes to per MW (a range when several amounts are reported)."""
    _ = t.gettext
    central, low, high = t.bounds.central, t.bounds.low, t.bounds.high
    if central.investment_eur_per_mw is None:
        return _("The investment is not known, so no cost per megawatt is given.")
    figure, _lead = investment_report(t.content)
    power = t.figures.quantity(t.inputs.investment_site_power_mw or t.inputs.site_power_mw.value, "MW")
    if t.inputs.investment_range_eur is None:
        return _("The initial investment reported, %(investment)s, comes to about %(per_mw)s of "
                 "the %(power)s it is for.") % {
            "investment": t.figures.value(figure),
            "per_mw": money_per_mw(t, central.investment_eur_per_mw),
            "power": power,
        }
    low_eur, high_eur = t.inputs.investment_range_eur
    return _("The first tranche of investment is reported at between %(low)s and %(high)s "
             "(%(investment)s in the report the site leads with): about %(per_mw_low)s to "
             "%(per_mw_high)s of the %(power)s it is for. No source divides it between the "
             "grid-connection phases.") % {
        "low": t.fmt.money(low_eur, "EUR"),
        "high": t.fmt.money(high_eur, "EUR"),
        "investment": t.figures.value(figure),
        "per_mw_low": money_per_mw(t, low.investment_eur_per_mw),
        "per_mw_high": money_per_mw(t, high.investment_eur_per_mw),
        "power": power,
    }
