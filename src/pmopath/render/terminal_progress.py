"""`pmopath progress` at a terminal: a mixin of
:class:`~pmopath.render.terminal.TerminalRenderer` (kept apart for the size limit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.render import words
from pmopath.render.progress_text import HEADER, movement, point_cells
from pmopath.render.rich_text import heading, hint, lit, section

if TYPE_CHECKING:
    from pmopath.views.progress import ProgressView


class TerminalProgress:
    """The terminal's layout of a :class:`ProgressView`."""

    def progress(self, view: ProgressView) -> RenderableType:
        parts: list[RenderableType] = [heading(words.PROGRESS_TITLE, view.target_role_name)]
        parts.append(lit(movement(view)))
        parts.append(section(words.PROGRESS_ASSESSMENTS))
        table = Table(box=None, padding=(0, 1), pad_edge=False)
        # the target each named: below, only where it is not the compared one (width)
        header = (*HEADER[:2], *HEADER[3:4], *words.PROGRESS_MET_SHORT, HEADER[-1])
        for n, name in enumerate(header):
            table.add_column(name, no_wrap=True, justify="right" if 2 <= n <= 5 else "left")
        for p in view.points:
            cells = point_cells(p)
            table.add_row(*(lit(c) for c in (*cells[:2], *cells[3:])))
        parts.append(Padding(table, (0, 0, 0, 2)))
        parts.append(hint("  " + words.PROGRESS_MET_KEY))
        for p in view.points:
            if p.target_role_name != view.target_role_name:
                aimed = words.progress_aimed(p.id, p.target_role_name, view.target_role_name)
                parts.append(lit("  " + aimed))
        parts.append(section(words.PROGRESS_TREND))
        trends = Table(box=None, padding=(0, 1), pad_edge=False)
        trends.add_column("")
        trends.add_column(words.PROGRESS_REQUIRED, justify="right")
        trends.add_column(words.PROGRESS_SPARK, no_wrap=True)
        trends.add_column(words.PROGRESS_FIRST_LAST, no_wrap=True)
        for c in view.competencies:
            required = "-" if c.required is None else str(c.required)
            trends.add_row(
                lit(c.name), required, Text(words.sparkline(c.levels)), words.level_trend(c.levels)
            )
        parts.append(Padding(trends, (0, 0, 0, 2)))
        return Group(*parts)
