"""The capacity page's per-language toolkit: the model's results and how to write them out.

``PageText`` gathers what every part of the page needs (content, formatter, gettext, the
figure view, the inputs and their bounds) so each part is a small function of it. Nothing
here renders HTML; the parts return plain strings that the template autoescapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..content import Content
from ..content.model import Accelerator as AcceleratorEntry
from ..formatting import Formatter
from ..formatting.locales import number_locale
from .display import output_label, output_text, unit_text
from .from_content import accelerator_entry, capacity_inputs
from .inputs import CapacityInputs
from .model import Bounds, compute_bounds

if TYPE_CHECKING:  # imported for types only: pages imports nothing from capacity
    from ..pages.context import PageContext
    from ..pages.figures import FigureView

_FIGURE_PAGES = {"campus": "facts", "investment": "investment"}
"""The page that shows the figures of each content file (for links from the assumptions)."""


@dataclass(frozen=True)
class SourceText:
    """A source as cited on the page: "Le Figaro, mai 2025", linked when it has an address."""

    label: str
    url: str | None


@dataclass(frozen=True)
class Dated:
    """A date as shown, and as the ``datetime`` of its ``<time>`` (``Formatter.html_datetime``)."""

    shown: str
    iso: str


@dataclass(frozen=True)
class Table:
    """A table of numbers already written out; the first cell of each row heads the row."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageText:
    """One language's view of the capacity model, shared by the parts of the page."""

    content: Content
    lang: str
    fmt: Formatter
    gettext: Callable[[str], str]
    figures: FigureView
    inputs: CapacityInputs
    bounds: Bounds
    url: Callable[[str, str], str]

    @classmethod
    def from_context(cls, ctx: PageContext) -> PageText:
        """Compute the model once for the page in ``ctx``."""
        inputs = capacity_inputs(ctx.content)
        return cls(
            content=ctx.content,
            lang=ctx.lang,
            fmt=ctx.fmt,
            gettext=ctx.gettext,
            figures=ctx.figures,
            inputs=inputs,
            bounds=compute_bounds(inputs),
            url=ctx.url,
        )

    @property
    def accelerator(self) -> AcceleratorEntry:
        """The ``capacity.yml`` entry of the accelerator the page leads with."""
        return accelerator_entry(self.content, self.inputs.accelerator.id)

    def typography(self, text: str) -> str:
        """Prose with the language's spacing rules (French spaces before ; : ! ?)."""
        return self.fmt.typography(text)

    def label(self, key: str) -> str:
        """The label of output ``key`` for the default accelerator and the comparison grid."""
        return output_label(
            key,
            self.gettext,
            number_format=self.inputs.accelerator.number_format,
            grid=self.content.capacity.comparison_grid_name[self.lang],
        )

    def unit(self, key: str) -> str:
        """The unit shown beside output ``key`` (may be empty)."""
        return unit_text(key, self.gettext)

    def output(self, key: str, value: float | None) -> str:
        """Output ``key`` at the page's precision, without its unit."""
        return output_text(self.fmt, key, value)

    def output_with_unit(self, key: str, value: float | None) -> str:
        """Output ``key`` at the page's precision, followed by its unit when it has one."""
        text = self.output(key, value)
        unit = self.unit(key)
        return f"{text}\u00a0{unit}" if unit and value is not None else text

    def span(self, low: str, high: str) -> str:
        """A range written out: "1,1 à 1,4" / "1.1 to 1.4"."""
        return self.gettext("%(low)s to %(high)s") % {"low": low, "high": high}

    def source(self, source_id: str) -> SourceText:
        """A source of ``sources.yml`` as cited on the page."""
        source = self.content.sources[source_id]
        return SourceText(self.figures.source_label(source), source.url)

    def status(self, code: str) -> str:
        """The label of a status code (official, press, estimate, unknown)."""
        return self.figures.status(code)

    def date(self, text: str) -> Dated:
        """A date field of the content, as shown and as ISO."""
        partial = self.content.partial_date(text)
        return Dated(self.fmt.date(partial), self.fmt.html_datetime(partial))

    def country(self, code: str) -> str:
        """A country's name in the page's language, from its ISO code ("US" -> "États-Unis")."""
        return number_locale(self.lang).territories.get(code, code)

    def figure_link(self, figure_id: str) -> str | None:
        """A link to the page that shows ``figure_id``, when that page exists."""
        try:
            page_id = _FIGURE_PAGES[self.content.figure_file(figure_id)]
            return self.url(page_id, figure_id)
        except KeyError:
            return None
