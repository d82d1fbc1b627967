"""Tables and layouts of the terminal renderer that adapt to the width: the gap and certification tables, wide and narrow, a plan phase as a table or stacked item by item, what comes later, the side-by-side comparison."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.base.text import clean, hours, percent
from pmopath.model.framework import source_label
from pmopath.render import words
from pmopath.render.rich_text import (
    STATUS_STYLE,
    Row,
    bar,
    by_domain,
    lit,
)
from pmopath.render.rows import Column, Grid

if TYPE_CHECKING:
    from pmopath.views.results import ComparisonView, GapView
    from pmopath.views.roadmap import ItemRow, PhaseRow, RoadmapView


#: Below this width a plan's items are listed as blocks: a five-column table would leave the
#: titles a column of a dozen characters.
STACK_BELOW = 100


class Adaptive:
    """A table where there is room for it; the same content stacked in a narrow terminal."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, below: int = 72) -> None:
        self.wide, self.narrow, self.below = wide, narrow, below

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.narrow if options.max_width < self.below else self.wide


def gap_table(view: GapView) -> Grid:
    """The competency table where there is room: a domain column, current/required levels."""
    columns = [
        Column("Domain", style="dim"),
        Column("Competency", wraps=True),
        Column("Level"),
        Column("Gap", justify="right"),
        Column("Importance"),
    ]
    rows = sorted(view.competencies, key=lambda g: g.position)
    cells = []
    for label, g in by_domain(rows, [g.domain_name for g in rows]):
        level = bar(g.current or 0, g.required).append(
            f" {'?' if g.current is None else g.current}/{g.required}"
        )
        gap = Text(str(g.gap) if g.gap else "")
        cells.append([label, lit(g.name), level, gap, Text(g.importance.value)])
    return Grid(columns, cells)


def narrow_gap_table(view: GapView) -> Group:
    """The competency table for a narrow terminal: domains as headings, the name last."""
    parts: list[RenderableType] = []
    rows = sorted(view.competencies, key=lambda g: g.position)
    for domain, group in by_key(rows, lambda g: g.domain_name):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(justify="right", no_wrap=True, min_width=1)
        grid.add_column()
        for g in group:
            level = bar(g.current or 0, g.required).append(
                f" {'?' if g.current is None else g.current}/{g.required}"
            )
            name = lit(g.name).append(f" · {g.importance.value}", style="dim")
            grid.add_row(level, str(g.gap) if g.gap else "", name)
        parts += [lit(domain, "bold"), grid]
    return Group(*parts)


def narrow_certs(view: GapView) -> Table:
    """Certifications stacked: the name and status, then what is missing below."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column()
    for c in view.certifications:
        line = lit(c.name).append(" · ").append(c.status_text, style=STATUS_STYLE[c.status])
        grid.add_row(line)
        if c.missing:
            grid.add_row(Padding(lit("; ".join(c.missing), "dim"), (0, 0, 0, 2)))
    return grid


def cert_table(view: GapView) -> Grid:
    """The certifications with their status and what is missing, where there is room."""
    columns = [
        Column("Certification", wraps=True),
        Column("Status", wraps=True),
        Column(words.WHAT_IS_MISSING, style="dim", wraps=True),
    ]
    cells = [
        [
            lit(c.name),
            Text(c.status_text, style=STATUS_STYLE[c.status]),
            lit("; ".join(c.missing)),
        ]
        for c in view.certifications
    ]
    return Grid(columns, cells)


def by_key(rows: Sequence[Row], key: Callable[[Row], str]) -> list[tuple[str, list[Row]]]:
    """Consecutive rows grouped by a key, in order."""
    out: list[tuple[str, list[Row]]] = []
    for row in rows:
        k = key(row)
        if out and out[-1][0] == k:
            out[-1][1].append(row)
        else:
            out.append((k, [row]))
    return out


def month_span(it: ItemRow) -> str:
    return it.start_label + (f" → {it.end_label}" if it.end_month != it.start_month else "")


def why_of(it: ItemRow, explain: bool) -> str:
    if not explain:
        return it.why_short
    cited = f" ({', '.join(source_label(sid) for sid in it.sources)})" if it.sources else ""
    return it.why + cited + ("" if it.priority is None else f" (priority {it.priority:g})")


def stacked(phase: PhaseRow, explain: bool) -> Group:
    """A phase as blocks: number and title, then when, effort and why, all wrapping under
    the title rather than under the number."""
    span = f"months {phase.start_month}-{phase.end_month}"
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for it in phase.items:
        if it.mode == "milestone":
            continue
        body = Group(
            lit(words.plan_title(it.title, it.form)),
            lit(f"{month_span(it)} · {effort_text(it)}", "dim"),
            lit(why_of(it, explain), "dim"),
        )
        grid.add_row(f"{it.rank}.", body)
    title = f"\n{phase.title}  ({span}: {phase.start_label} to {phase.end_label})"
    return Group(Text(title, style="bold"), grid)


def phase_table(phase: PhaseRow, explain: bool = False) -> Table:
    """A plan phase as a table (a wide terminal); :func:`stacked` is the narrow one."""
    span = f"months {phase.start_month}-{phase.end_month}"
    table = Table(
        title=f"{phase.title}  ({span}: {phase.start_label} to {phase.end_label})",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("#", justify="right")
    table.add_column("Item")
    table.add_column("Effort", justify="right", no_wrap=True)
    table.add_column("Month", no_wrap=True)
    table.add_column("Why", style="dim")
    for it in phase.items:
        if it.mode == "milestone":
            continue  # in the milestones timeline
        table.add_row(
            str(it.rank),
            lit(words.plan_title(it.title, it.form)),
            effort_text(it),
            month_span(it),
            lit(why_of(it, explain)),
        )
    return table


def later_table(view: RoadmapView) -> Table:
    first = min(r.start_label for r in view.later)
    table = Table(
        title=f"Later (from {first}), summarised: `--all` lists every item",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
    )
    for column in ("Toward", "Items", "Study", "At work", "When"):
        table.add_column(
            column,
            justify="left" if column in ("Toward", "When") else "right",
            overflow="fold" if column == "Toward" else "ellipsis",
            no_wrap=column != "Toward",
        )
    for r in view.later:
        table.add_row(
            lit(r.name),
            str(r.items),
            hours(r.hours) if r.hours else "-",
            f"{r.job_months} mo" if r.job_months else "-",
            f"{r.start_label} → {r.end_label}",
        )
    return table


def effort_text(it: ItemRow) -> str:
    """Study hours; on-the-job months at work; nothing for a milestone."""
    if it.mode == "milestone":
        return "milestone"
    if it.mode == "on-the-job":
        months = it.end_month - it.start_month + 1
        return f"{months} mo at work"
    if it.course is not None:
        return words.course_block(it.course.days, it.course.residential, it.effort_hours)
    if it.mode == "alongside" and it.hours_per_month:
        months = it.end_month - it.start_month + 1
        return words.per_month(it.hours_per_month, months)
    if it.mode == "alongside":
        return f"{hours(it.effort_hours)}, alongside"
    return hours(it.effort_hours) if it.effort_hours else "-"


def comparison_table(view: ComparisonView) -> Table:
    title = (
        f"{view.current_role_name} → {len(view.targets)} targets, "
        f"at {view.hours_per_week:g} h/week from {view.as_of.isoformat()}"
    )
    table = Table(title=lit(title, "bold"), title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("Target", "Competencies", "Experience", "Certifications", "Ready"):
        table.add_column(column, justify="left" if column == "Target" else "right")
    for t in view.targets:
        short = words.months_short(t.months_short)
        ready = words.ready_when(t.ready_label, t.ready_in_months)
        table.add_row(
            lit(t.name).append(
                "\nvia " + clean(" → ".join(t.path[1:-1])) if len(t.path) > 2 else "", "dim"
            ),
            percent(t.readiness),
            f"{t.experience_met} of {t.experience_total} met{short}",
            f"{t.certifications_held} of {t.certifications_recommended} held",
            ready,
        )
    return table
