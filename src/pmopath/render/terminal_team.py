"""`pmopath team` at a terminal: a mixin of
:class:`~pmopath.render.terminal.TerminalRenderer` (kept apart for the size limit).

The heat map fits 80 columns however many competencies: competencies are rows, by a short
code (the key below names them), people are numbered columns (the people table names
them), in blocks of :data:`BLOCK` people. Each cell prints its level and requirement, so
colour (green met, yellow one short, red two or more, dim not rated) only repeats it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.render import team_text as tt
from pmopath.render.rich_text import bullets, heading, hint, indented, lit, section

if TYPE_CHECKING:
    from pmopath.views.team import TeamView

#: People per block of the heat map: 4 + 12 x 5 columns stay inside 80.
BLOCK = 12


def _style(c: tuple[int | None, int | None, int]) -> str:
    have, need, gap = c
    if need is None or have is None:
        return "dim"
    return "green" if not gap else ("yellow" if gap == 1 else "red")


def _table(*columns: str, right: tuple[int, ...] = ()) -> Table:
    table = Table(box=None, padding=(0, 1), pad_edge=False)
    for n, name in enumerate(columns):
        table.add_column(name, justify="right" if n in right else "left")
    return table


class TerminalTeam:
    """The terminal's layout of a :class:`TeamView`."""

    def team(self, view: TeamView) -> RenderableType:
        parts: list[RenderableType] = [heading(tt.TITLE, tt.target_line(view))]
        parts.append(lit(tt.files_line(view)))
        parts += self._people(view)
        parts += self._heat(view)
        parts += self._coverage(view)
        parts += self._priorities(view)
        parts += self._bench(view)
        parts += self._calibration(view)
        parts += self._apart(view)
        return Group(*parts)

    def _people(self, view: TeamView) -> list[RenderableType]:
        head: list[RenderableType] = [section(tt.PEOPLE), indented(lit(tt.roles_line(view)), "  ")]
        if not view.each_person_shown:
            return [*head, indented(lit(tt.TOO_MANY), "  ")]
        table = _table(*tt.PEOPLE_HEAD, right=(0, 4))
        shared = tt.shared_names(view)
        for p in view.people:
            table.add_row(*(lit(c) for c in tt.person_cells(p, shared)))
        parts = [*head, Padding(table, (0, 0, 0, 2))]
        parts.append(indented(hint(tt.MET_KEY), "  "))
        also = [tt.also_line(p) for p in view.people if p.other_ratings]
        if also:
            parts += [indented(lit(tt.ALSO_RATED), "  "), bullets(also, "  ")]
        return parts

    def _heat(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = [section(tt.HEAT_MAP)]
        if not view.each_person_shown:
            return [*parts, indented(lit(tt.TOO_MANY), "  ")]
        people = len(view.people)
        for start in range(0, people, BLOCK):
            numbers = [str(p.number) for p in view.people[start : start + BLOCK]]
            table = _table("", *numbers, right=tuple(range(1, len(numbers) + 1)))
            for row in view.heat_map:
                cells = [row.at(i) for i in range(start, min(start + BLOCK, people))]
                table.add_row(row.code, *(Text(tt.cell(c), _style(c)) for c in cells))
            parts.append(Padding(table, (0, 0, 1 if start + BLOCK < people else 0, 2)))
        parts.append(indented(hint(tt.CELL_KEY), "  "))
        key = _table("", "")
        for row in view.heat_map:
            key.add_row(row.code, lit(row.name))
        parts.append(Padding(key, (0, 0, 0, 2)))
        return parts

    def _coverage(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = [section(tt.COVERAGE)]
        for d in view.coverage:
            parts.append(
                indented(lit(tt.domain_line(d.name, d.people_meeting, d.people_required)), "  ")
            )
            table = _table("", "", "")
            for c in d.competencies:
                table.add_row(
                    c.code, lit(c.name), tt.coverage_line(c.met, c.required_of, c.unrated)
                )
            parts.append(Padding(table, (0, 0, 0, 4)))
        return parts

    def _priorities(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = [section(tt.PRIORITIES)]
        if not view.priorities:
            return [*parts, indented(lit(tt.NO_GAPS), "  ")]
        for n, p in enumerate(view.priorities, 1):
            parts.append(indented(lit(tt.priority_line(n, p)), "  "))
            parts.append(bullets((tt.action_line(a) for a in p.actions), "     "))
        return parts

    def _bench(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = [section(tt.BENCH)]
        if not view.bench:
            return [*parts, indented(lit(tt.NO_BENCH), "  ")]
        for b in view.bench:
            parts.append(indented(lit(tt.bench_line(b), "bold"), "  "))
            table = _table(*tt.BENCH_HEAD, right=(2,))
            for c in b.candidates:
                table.add_row(*(lit(x) for x in tt.candidate_cells(c)))
            parts += [Padding(table, (0, 0, 0, 4)), indented(lit(tt.within_line(b)), "    ")]
            parts += [indented(lit(line), "    ") for line in tt.no_ready_lines(b)]
        return parts

    def _calibration(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = [
            section(tt.CALIBRATION),
            indented(lit(tt.CALIBRATION_RULE), "  "),
        ]
        if view.calibration_flags:
            table = _table(*tt.FLAG_HEAD, right=(2, 4))
            for f in view.calibration_flags:
                table.add_row(*(lit(x) for x in tt.flag_cells(f)))
            parts.append(Padding(table, (0, 0, 0, 4)))
        else:
            parts.append(indented(lit(tt.NO_FLAGS), "    "))
        if not view.calibration_averages:
            return [*parts, indented(lit(tt.NO_PAIRS), "  ")]
        parts.append(indented(lit(tt.AVERAGES), "  "))
        table = _table(*tt.AVERAGE_HEAD, right=(1, 2))
        for a in view.calibration_averages:
            table.add_row(lit(a.name), str(a.pairs), tt.signed(a.mean))
        return [*parts, Padding(table, (0, 0, 0, 4))]

    def _apart(self, view: TeamView) -> list[RenderableType]:
        parts: list[RenderableType] = []
        if view.rated_only:
            parts.append(section(tt.RATED_ONLY))
            for r in view.rated_only:
                parts.append(indented(lit(tt.rated_only_line(r)), "  "))
        if view.skipped:
            parts.append(section(tt.SKIPPED))
            for s in view.skipped[: tt.SKIPPED_SHOWN]:
                parts.append(indented(lit(f"{s.path}: {s.reason}"), "  "))
            more = tt.skipped_more(view)
            if more:
                parts.append(indented(lit(more), "  "))
        return parts
