"""Tables for the terminal that fit the width they are printed at, and never cut a value short.

Ids, dates, codes and numbers are printed whole; text wraps between words, never inside one.
When even that is too wide, the least needed columns are left out (each listing says which go
first); the JSON and CSV formats always carry every column.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

PIPED_WIDTH = 200
"""Width when stdout is not a terminal and COLUMNS is unset: a file or a log has no edge to fit."""


@dataclass(frozen=True)
class Column:
    """One column of a listing: the row key, its heading, and how it may give way."""

    key: str
    heading: str = ""
    wraps: bool = False
    """Text that may wrap between words; other values (ids, dates, numbers) stay on one line."""
    drop: int = 0
    """When the table is too wide, columns are left out from the highest `drop` down; 0 stays."""

    @property
    def title(self) -> str:
        return self.heading or self.key


def width() -> int | None:
    """The width to print at: the terminal's (None: rich measures it), else COLUMNS, else wide."""
    if sys.stdout.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else PIPED_WIDTH


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    width: int,
    title: str | None = None,
) -> tuple[Table, int]:
    """A table of `rows` (values in the order of `columns`) at most `width` wide where it can be,
    and the width it needs (more than `width` only when the columns kept cannot be narrower)."""
    cells = [[_text(value) for value in row] for row in rows]
    natural = [
        max([cell_len(column.title), *(cell_len(row[i]) for row in cells)])
        for i, column in enumerate(columns)
    ]
    least = [
        min(natural[i], max([cell_len(column.title), *(_longest_word(row[i]) for row in cells)]))
        if column.wraps
        else natural[i]
        for i, column in enumerate(columns)
    ]
    kept = list(range(len(columns)))
    while _frame(len(kept)) + sum(least[i] for i in kept) > width:
        highest = max(columns[i].drop for i in kept)
        if highest == 0:
            break
        kept = [i for i in kept if columns[i].drop != highest]
    widths = _share(width - _frame(len(kept)), [least[i] for i in kept], [natural[i] for i in kept])
    shown = Table(title=title, title_justify="left")
    for i, column_width in zip(kept, widths, strict=True):
        wraps = columns[i].wraps
        shown.add_column(columns[i].title, width=column_width, no_wrap=not wraps, overflow="fold")
    for row in cells:
        shown.add_row(*(Text(row[i]) for i in kept))
    return shown, _frame(len(kept)) + sum(widths)


def print_table(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    title: str | None = None,
) -> None:
    """Print `rows` as a table that fits `console` (see `table`)."""
    shown, needed = table(columns, rows, console.width, title)
    if needed > console.width:  # nothing left to leave out: longer lines, nothing cut
        console = Console(file=console.file, width=needed, highlight=False)
    console.print(shown)


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _frame(count: int) -> int:
    """Characters a table spends around its columns: a border each side, padding of one."""
    return 3 * count + 1


def _share(room: int, least: list[int], natural: list[int]) -> list[int]:
    """Column widths from their least, growing the narrowest wrapping column first, up to its
    natural width, while `room` lasts."""
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:
        growing = [i for i, w in enumerate(widths) if w < natural[i]]
        if not growing:
            break
        narrowest = min(growing, key=lambda i: widths[i])
        widths[narrowest] += 1
        spare -= 1
    return widths
