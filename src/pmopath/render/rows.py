"""Aligned rows for long lists (``pmopath history``): a light stand-in for a Rich table.

A Rich :class:`~rich.table.Table` measures every cell of every row each time it is drawn,
which for a hundred saved assessments costs more than the rest of the command. Rows of
short, known cells need less: the widths are the widest cell of each column, one column
may wrap to fit the terminal, and each line is one :class:`~rich.text.Text`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

GAP = "   "  # between columns
NARROWEST = 12  # the wrapping column never gets fewer characters than this


class Column(NamedTuple):
    header: str
    justify: Literal["left", "right"] = "left"
    style: str = ""
    wraps: bool = False  # the one column that wraps when the terminal is narrow


class Cell(NamedTuple):
    text: str
    style: str = ""  # overrides the column's style


class Rows:
    """A title, a header, a rule and the rows, as wide as they need and no wider than the
    terminal (the wrapping column gives way)."""

    def __init__(self, title: str, columns: list[Column], rows: list[list[Cell]]) -> None:
        self.title, self.columns, self.rows = title, columns, rows

    def widths(self, room: int) -> list[int]:
        widths = [
            max([len(c.header), *(len(r[i].text) for r in self.rows)])
            for i, c in enumerate(self.columns)
        ]
        total = sum(widths) + len(GAP) * (len(widths) - 1)
        for i, column in enumerate(self.columns):
            if column.wraps and total > room:
                widths[i] = max(NARROWEST, widths[i] - (total - room))
        return widths

    def line(self, cells: list[Cell], widths: list[int], header: bool = False) -> list[Text]:
        """One row as one or more lines (the wrapping column's text over several)."""
        parts = [
            textwrap.wrap(cell.text, widths[i]) or [""] if self.columns[i].wraps else [cell.text]
            for i, cell in enumerate(cells)
        ]
        lines = []
        for n in range(max(len(p) for p in parts)):
            out = Text(no_wrap=True, overflow="ignore")  # never cut: the terminal wraps
            for i, (column, cell) in enumerate(zip(self.columns, cells, strict=True)):
                piece = parts[i][n] if n < len(parts[i]) else ""
                padded = piece.rjust(widths[i]) if column.justify == "right" else piece
                if i < len(cells) - 1:
                    padded = padded.ljust(widths[i]) + GAP
                style = "bold" if header else (cell.style or column.style)
                out.append(padded, style=style)
            lines.append(out)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(options.max_width)
        yield Text(self.title, style="italic")
        yield Text("")
        heads = [Cell(c.header) for c in self.columns]
        yield from self.line(heads, widths, header=True)
        rule = sum(widths) + len(GAP) * (len(widths) - 1)
        yield Text("─" * min(rule, options.max_width), style="dim")
        for row in self.rows:
            yield from self.line(row, widths)
        yield Text("")
