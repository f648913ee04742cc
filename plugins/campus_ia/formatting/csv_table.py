"""How every CSV download is written: the canonical edition and the French spreadsheet edition.

The canonical files are RFC 4180: UTF-8 without a byte-order mark, comma-separated,
CRLF line ends, raw numbers with '.' as decimal mark. The spreadsheet edition is for
spreadsheets set to French (Excel, LibreOffice), which do not read those as a table:
it starts with a UTF-8 byte-order mark (without it Excel reads the text as
Windows-1252 and shows "IntitulÃ©"), separates cells with ``;`` (the list separator
where the comma is the decimal mark) and writes raw numbers with a decimal comma.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula ("CSV injection"). As OWASP recommends, such a text cell
is written with a leading single quote (``'=...``), which spreadsheets show as text;
a plain number (``-12.5``) is left as it is, since it is not a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$")


def spreadsheet_text(cell: str) -> str:
    """``cell`` as a spreadsheet will show it, never run it: a leading ``'`` before a formula start."""
    if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


def csv_table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    spreadsheet: bool = False,
    number_columns: Iterable[int] = (),
) -> bytes:
    """A CSV file as bytes; ``spreadsheet``: the French spreadsheet edition.

    Cells are text as the canonical file writes them; in the spreadsheet edition the
    cells of ``number_columns`` (raw numbers, '.' as decimal mark) get a decimal comma.
    Every cell is neutralised by :func:`spreadsheet_text`.
    """
    numbers = frozenset(number_columns)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if spreadsheet else ",", lineterminator="\r\n")
    writer.writerow([spreadsheet_text(cell) for cell in header])
    for row in rows:
        cells = [cell.replace(".", ",") if spreadsheet and i in numbers else cell for i, cell in enumerate(row)]
        writer.writerow([spreadsheet_text(cell) for cell in cells])
    return buffer.getvalue().encode("utf-8-sig" if spreadsheet else "utf-8")
