"""Changes to a copy of ``content/`` found from the content as loaded, not from values typed in a test.

Each is an ``(file, old, new)`` triple for the capacity tests' ``edited_content`` fixture
(``old`` occurs once in ``file``), so that a routine content edit leaves the tests valid.
"""

from __future__ import annotations

import re

from campus_ia.content import Content
from campus_ia.exports.machine_text import raw_number_text
from tests.support import REPO_ROOT

Change = tuple[str, str, str]


def lead_value_edit(content: Content, figure_id: str, new: float) -> Change:
    """Figure ``figure_id``'s lead report given the value ``new``."""
    lead = content.figures[figure_id].lead
    assert lead.value is not None, f"{figure_id}: the lead report gives no number"
    return (f"{content.figure_file(figure_id)}.yml",
            f"value: {raw_number_text(lead.value)}\n        source: {lead.source}\n",
            f"value: {raw_number_text(new)}\n        source: {lead.source}\n")


def figure_block(content: Content, figure_id: str) -> tuple[str, str]:
    """The file of figure ``figure_id`` and the YAML lines that declare it, from its ``- id:`` line to the next."""
    file = f"{content.figure_file(figure_id)}.yml"
    text = (REPO_ROOT / "content" / file).read_text(encoding="utf-8")
    found = re.search(rf"^  - id: {re.escape(figure_id)}\n.*?(?=^  - id: |^\S|\Z)", text, re.M | re.S)
    assert found, f"{figure_id} not found in {file}"
    return file, found.group(0)


def unit_edit(content: Content, figure_id: str, unit: str, factor: float) -> Change:
    """Figure ``figure_id`` written in ``unit``, every value of its reports multiplied by ``factor``."""
    file, block = figure_block(content, figure_id)
    figure = content.figures[figure_id]
    changed = block.replace(f"    unit: {figure.unit}\n", f"    unit: {unit}\n", 1)
    changed = re.sub(r"(- value: )(\S+)\n", lambda m: f"{m.group(1)}{raw_number_text(float(m.group(2)) * factor)}\n", changed)
    return file, block, changed
