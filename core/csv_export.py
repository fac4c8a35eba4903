"""Every CSV file the product writes, made safe to open in a spreadsheet.

A customer named ``=HYPERLINK("https://evil.example","Klikk")`` or ``+cmd|' /C calc'!A0`` is
only text to us, but a spreadsheet that opens a CSV runs a cell starting with ``=``, ``+``,
``-`` or ``@`` as a formula (and a leading tab or carriage return can hide one). As OWASP
recommends (CSV Injection), such a cell is written with a leading ``'``, which spreadsheets
read as "this is text", and every cell is quoted, so that a ``;`` or ``,`` in a value can
never start a new cell in a spreadsheet that guesses another separator.

Numbers that are numbers (``int``, ``float``, ``Decimal``) are written as they are: they
cannot hold a formula, and ``'-5`` would turn a quantity into text. A number that arrives as
text (a phone number such as ``+47 22 33 44 55``) is text and is neutralised like any other.

The customer import reverses it (``csv_restore``), so a file written here imports as it was.
Nothing in the product calls ``csv.writer`` but this module (a test checks).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

#: What a spreadsheet may read as the start of a formula (OWASP's list).
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE: Final = "'"


def _escaped(text: str) -> bool:
    # Apostrophes already in front count too: "'=x" is written "''=x", so that reading it
    # back removes exactly the one apostrophe that was added.
    return text.lstrip(_ESCAPE).startswith(FORMULA_TRIGGERS)


def csv_cell(value: object) -> object:
    """``value`` as it is safe to write: text that could start a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    return _ESCAPE + text if _escaped(text) else text


def csv_restore(text: str) -> str:
    """The value ``csv_cell`` was given, for a cell read back from a file written here."""
    if text.startswith(_ESCAPE) and _escaped(text):
        return text[1:]
    return text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """The rows as a CSV document: semicolons, every cell quoted, CRLF, with a BOM.

    Semicolons and a BOM are what Norwegian Excel opens without an import dialog.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()
