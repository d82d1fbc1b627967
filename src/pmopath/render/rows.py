"""Aligned rows for long lists (``pmopath history``): a light stand-in for a Rich table.

A Rich :class:`~rich.table.Table` measures every cell of every row each time it is drawn,
which for a hundred saved assessments costs more than the rest of the command. Rows of
short, known cells need less: the widths are the widest cell of each column, one column
may wrap to fit the terminal, and each line is one :class:`~rich.text.Text`.
"""

from __future__ import annotations

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
    wraps: bool = False  # a column that wraps when the terminal is narrow
    drops: bool = False  # left out when the grid cannot fit even with every column wrapped


class Cell(NamedTuple):
    text: str
    style: str = ""  # overrides the column's style


class Rows:
    """A title, a header, a rule and the rows (a :class:`Grid`), as wide as they need and no
    wider than the terminal (the wrapping column gives way)."""

    def __init__(self, title: str, columns: list[Column], rows: list[list[Cell]]) -> None:
        self.title = title
        cells = [[Text(c.text, style=c.style) for c in row] for row in rows]
        self.grid = Grid(columns, cells, gap=GAP, rule=True)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.title, style="italic")
        yield Text("")
        yield self.grid
        yield Text("")


class Grid:
    """Rows of cells under a bold header, without a box: a light stand-in for a borderless
    Rich :class:`~rich.table.Table` whose cells need no measuring of nested renderables.

    Each column is as wide as its widest cell; while the grid is wider than the terminal,
    the widest of the wrapping columns gives way a character at a time (never below
    :data:`NARROWEST`). Cells are :class:`~rich.text.Text` (styles kept), wrapped by Rich
    at spaces within their column.
    """

    def __init__(
        self, columns: list[Column], rows: list[list[Text]], gap: str = "  ", rule: bool = False
    ) -> None:
        self.columns, self.rows, self.gap, self.rule = columns, rows, gap, rule

    def widths(self, room: int) -> list[int]:
        heads = [Text(c.header) for c in self.columns]
        widths = [
            max(cell.cell_len for cell in [head, *(r[i] for r in self.rows)])
            for i, head in enumerate(heads)
        ]
        excess = sum(widths) + len(self.gap) * (len(widths) - 1) - room
        wrapping = [i for i, c in enumerate(self.columns) if c.wraps]
        while excess > 0:
            widest = max(wrapping, key=lambda i: widths[i], default=None)
            if widest is None or widths[widest] <= NARROWEST:
                break
            widths[widest] -= 1
            excess -= 1
        return widths

    def _lines(
        self, console: Console, cells: list[Text], widths: list[int], header: bool = False
    ) -> list[Text]:
        parts = []
        for column, cell, width in zip(self.columns, cells, widths, strict=True):
            styled = cell.copy()
            if column.style and not header:
                styled.stylize(column.style)
            parts.append(list(styled.wrap(console, width)) if column.wraps else [styled])
        lines = []
        for n in range(max(len(p) for p in parts)):
            out = Text(no_wrap=True, overflow="ignore")
            last = len(cells) - 1
            for i, (column, width) in enumerate(zip(self.columns, widths, strict=True)):
                piece = parts[i][n].copy() if n < len(parts[i]) else Text("")
                piece.rstrip()
                pad = max(0, width - piece.cell_len)
                if column.justify == "right":
                    out.append(" " * pad)
                    out.append_text(piece)
                else:
                    out.append_text(piece)
                    if i < last:
                        out.append(" " * pad)
                if i < last:
                    out.append(self.gap)
            out.rstrip()
            lines.append(out)
        return lines

    def fitting(self, room: int) -> Grid:
        """This grid, less its droppable columns (last first) while it cannot fit ``room``."""
        grid = self
        while True:
            widths = grid.widths(room)
            wide = sum(widths) + len(grid.gap) * (len(widths) - 1) > room
            droppable = [i for i, c in enumerate(grid.columns) if c.drops]
            if not wide or not droppable:
                return grid
            keep = [i for i in range(len(grid.columns)) if i != droppable[-1]]
            grid = Grid(
                [grid.columns[i] for i in keep],
                [[row[i] for i in keep] for row in grid.rows],
                grid.gap,
                grid.rule,
            )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fitted = self.fitting(options.max_width)
        if fitted is not self:
            yield fitted
            return
        widths = self.widths(options.max_width)
        heads = [Text(c.header, style="bold") for c in self.columns]
        yield from self._lines(console, heads, widths, header=True)
        if self.rule:
            width = sum(widths) + len(self.gap) * (len(widths) - 1)
            yield Text("─" * min(width, options.max_width), style="dim")
        for row in self.rows:
            yield from self._lines(console, row, widths)
