"""Rich output for people at a terminal: lays each view out, nothing more.

Every string that comes from a data file is wrapped in :func:`lit`, which makes
a :class:`rich.text.Text` from cleaned text: Rich markup such as ``[red]`` or
``[link=...]`` is shown as typed, and escape sequences are made visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmopath.base.text import clean, count, duration, first_few, hours, percent
from pmopath.model.framework import STEPS
from pmopath.render import words
from pmopath.render.base import ViewRenderer
from pmopath.render.rich_text import (
    IMPORTANCE_STYLE,
    STATUS_STYLE,
    WholeLine,
    bar,
    bullets,
    by_domain,
    diagnostic,
    flag,
    hanging,
    heading,
    hint,
    indented,
    lit,
    note_line,
    provenance,
    section,
    source_facts,
)
from pmopath.render.rows import Cell, Column, Rows
from pmopath.render.terminal_diff import TerminalDiff
from pmopath.render.terminal_plan import screenful
from pmopath.render.terminal_progress import TerminalProgress
from pmopath.render.terminal_tables import (
    STACK_BELOW,
    Adaptive,
    cert_table,
    comparison_table,
    gap_table,
    later_table,
    narrow_certs,
    narrow_gap_table,
    phase_table,
    stacked,
)
from pmopath.render.terminal_team import TerminalTeam

if TYPE_CHECKING:
    from pmopath.views.browse import (
        CertsView,
        CertView,
        CompetenciesView,
        CompetencyView,
        RolesView,
        RoleView,
        SourcesView,
        SourceView,
        ValidationView,
    )
    from pmopath.views.eligible import EligibleView, YourEligibility
    from pmopath.views.history import HistoryView
    from pmopath.views.profile import ProfileView
    from pmopath.views.results import ComparisonView, GapView
    from pmopath.views.roadmap import RoadmapView


class TerminalRenderer(TerminalDiff, TerminalProgress, TerminalTeam, ViewRenderer):
    # ------------------------------------------------------------- browse

    def roles(self, view: RolesView) -> RenderableType:
        table = Table(
            title="PMO career ladder (entry to executive)",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("Rank", justify="right")
        table.add_column("Role (ID)", no_wrap=True)
        table.add_column("Track")
        table.add_column("Typical", justify="right", no_wrap=True)
        table.add_column("Leads to")
        for role in view.roles:
            table.add_row(
                str(role.rank),
                lit(role.name).append("\n" + clean(role.id), style="cyan"),
                role.track.value,
                role.years_text,
                lit(", ".join(role.leads_to_short) or "-"),
            )
        return Group(
            table,
            hint(
                f"{view.note} Leads to: short names (aliases). "
                "`pmopath roles ROLE` shows one role in depth."
            ),
        )

    def role(self, view: RoleView) -> RenderableType:
        role = view.role
        parts: list[RenderableType] = [
            heading(
                role.name,
                f"{role.id} · rank {role.rank} · {role.track.value} track · {view.years_text}",
            ),
            lit(role.summary),
        ]
        if role.aliases:
            parts.append(lit(words.ALSO_FOUND_AS + ", ".join(role.aliases), "dim"))
        if role.other_titles:
            parts.append(lit(words.OTHER_TITLES + ", ".join(role.other_titles), "dim"))
        parts += [section(words.RESPONSIBILITIES), bullets(role.responsibilities)]
        parts += [section(words.REQUIRED_LEVELS), self._requirements(view)]
        parts.append(section(words.EXPERIENCE))
        for exp in view.experience:
            line = Text(exp.text)
            if exp.note:
                line.append(" - " + clean(exp.note), style="dim")
            parts.append(hanging("  • ", line))
        if not view.experience:
            parts.append(Text(f"  • {words.NO_EXPERIENCE}"))
        parts.append(section(words.RECOMMENDED_CERTIFICATIONS))
        for cert in view.certifications:
            line = Text(clean(cert.name)).append(f"  ({cert.id})", style="cyan")
            if not cert.recommended:
                line.append(f"  {words.ALSO_SUITS}", style="dim")
            parts.append(hanging("  • ", line))
        parts.append(section(words.LEADS_TO))
        for nxt in view.leads_to:
            parts.append(
                Text("  → ")
                .append(clean(nxt.name))
                .append(f"  ({nxt.id}, rank {nxt.rank})", style="dim")
            )
        if not view.leads_to:
            parts.append(Text(f"  {words.TOP_OF_LADDER}"))
        parts += [Text(""), provenance(role)]
        return Group(*parts)

    def _requirements(self, view: RoleView) -> Table:
        table = Table(show_header=True, box=None, pad_edge=False)
        for column in ("Domain", "Competency", "Level", "Importance"):
            table.add_column(column, style="dim" if column == "Domain" else "")
        rows = view.competencies
        for label, req in by_domain(rows, [r.domain_name for r in rows]):
            table.add_row(
                label,
                lit(req.name, IMPORTANCE_STYLE[req.importance.value]),
                bar(req.level).append(f" {req.level}"),
                req.importance.value,
            )
        return table

    def competencies(self, view: CompetenciesView) -> RenderableType:
        parts: list[RenderableType] = []
        for dom in view.domains:
            table = Table(title=lit(f"{dom.name}  ({dom.id})", "bold"), title_justify="left")
            # the ID, which a person types, under the name: never cut; the name wraps at words
            ids = max((len(c.id) for c in view.competencies), default=2)
            table.add_column("Competency (ID)", min_width=ids, overflow="fold")
            table.add_column("Summary", style="dim", overflow="fold")
            for comp in view.competencies:
                if comp.domain == dom.id:
                    name = lit(comp.name).append("\n" + clean(comp.id), style="cyan")
                    table.add_row(name, lit(comp.summary))
            parts.append(table)
        if view.notice:
            parts.append(lit(view.notice, "dim"))
        return Group(*parts)

    def competency(self, view: CompetencyView) -> RenderableType:
        comp = view.competency
        parts: list[RenderableType] = [
            heading(comp.name, f"{comp.id} · {view.domain.name}"),
            lit(comp.summary),
        ]
        if comp.keywords:
            parts.append(lit(words.KEYWORDS + ", ".join(comp.keywords), "dim"))
        parts.append(lit(words.ALIGNED_TO + view.alignment, "dim"))
        parts.append(section(words.LEVEL_DESCRIPTORS))
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column("Level")
        table.add_column("Descriptor")
        for scale in view.scale:
            table.add_row(
                bar(scale.level).append(f" {scale.level} {clean(scale.name)}"),
                lit(comp.levels.get(scale.level, "")),
            )
        parts += [table, section(f"{words.DEVELOPMENT_ACTIONS}, by step"), self._actions(view)]
        if view.required_by:
            parts.append(section(words.REQUIRED_BY))
            for need in view.required_by:
                parts.append(
                    Text("  ")
                    .append(bar(need.level))
                    .append(f" {need.level}  ")
                    .append(clean(need.name))
                    .append(f"  {need.importance.value}", style="dim")
                )
        parts += [Text(""), provenance(comp)]
        return Group(*parts)

    def _actions(self, view: CompetencyView) -> Table:
        table = Table(box=None, pad_edge=False)
        table.add_column("Step")
        table.add_column("Kind")
        table.add_column("Action")
        table.add_column("Effort", justify="right")
        for step in STEPS:
            for i, action in enumerate(view.competency.actions.get(step, ())):
                title = lit(action.title)
                if action.context is not None:
                    doable = action.doable.title if action.doable else None
                    title.append(
                        "\n" + clean(words.action_needs(action.context.label, doable)), "dim"
                    )
                table.add_row(
                    step.replace("-", "→") if i == 0 else "",
                    action.kind.value,
                    title,
                    hours(action.hours),
                )
        return table

    def certifications(self, view: CertsView) -> RenderableType:
        title = lit(
            words.CERTIFICATIONS + (f" for {view.for_role_name}" if view.for_role_name else "")
        )
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
        # the ID, which a person types, under the name: never cut, the name wraps at words
        ids = max((len(c.id) for c in view.certifications), default=2)
        table.add_column("Certification (ID)", min_width=ids, overflow="fold")
        table.add_column("Body", max_width=20, overflow="fold")
        table.add_column("Level", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        for cert in view.certifications:
            status = Text(
                cert.status.value, style="" if cert.status.value == "active" else "yellow"
            )
            name = lit(cert.name)
            if cert.id in view.recommended:
                name.append("  recommended", style="green")
            name.append("\n" + clean(cert.id), style="cyan")
            table.add_row(name, lit(cert.body), cert.level.value, status)
        return Group(table, hint("`pmopath certs ID` shows prerequisites, exam, fees and renewal."))

    def certification(self, view: CertView) -> RenderableType:
        cert = view.certification
        parts: list[RenderableType] = [
            heading(cert.name, f"{cert.id} · {cert.body} · {cert.level.value}"),
        ]
        if cert.aliases:
            parts.append(lit(words.ALSO_FOUND_AS + ", ".join(cert.aliases), "dim"))
        if cert.status.value != "active":
            parts.append(Text(f"Status: {cert.status.value}", style="yellow"))
        if view.superseded_by is not None:
            parts.append(
                lit(f"{words.SUPERSEDED_BY}{view.superseded_by.name} ({view.superseded_by.id})")
            )
        if cert.history:
            parts.append(lit(cert.history))
        parts.append(section(words.ELIGIBILITY).append(flag(cert.prerequisites)))
        for i, route in enumerate(view.routes):
            label = words.route(i + 1) if len(view.routes) > 1 else ""
            parts.append(Text("  ").append(label + clean(route.name), style="bold"))
            parts.append(bullets(route.parts, "    "))
        parts += note_line(cert.prerequisites.note)
        if view.eligibility is not None:
            parts += self._yours(view.eligibility)
        parts += self._exams_and_fees(view)
        parts.append(section(words.RENEWAL).append(flag(cert.renewal)))
        parts.append(indented(lit(cert.renewal.requirement), "  "))
        parts += note_line(cert.renewal.note)
        parts.append(section(words.STUDY_EFFORT).append(flag(cert.study)))
        parts.append(indented(Text(view.study_text), "  "))
        parts += note_line(cert.study.note)
        for title, refs in ((words.SUITS, view.suits), (words.EVIDENCES, view.evidences)):
            if refs:
                parts += [section(title), indented(lit(", ".join(r.name for r in refs)), "  ")]
        parts += [Text(""), provenance(cert)]
        return Group(*parts)

    def _yours(self, el: YourEligibility) -> list[RenderableType]:
        head = section(words.YOUR_ELIGIBILITY).append(f"  {el.basis}", style="dim")
        status = Text("  ").append(el.status_text, style="bold " + STATUS_STYLE[el.status])
        if el.route:
            status.append(f" · route: {el.route}", style="")
        parts: list[RenderableType] = [head, status]
        if el.missing:
            parts += [lit("  " + words.MISSING), bullets(el.missing, "    ")]
        if el.assumptions:
            parts += [lit(f"  {words.ASSUMED}:", "dim"), bullets(el.assumptions, "    ")]
        return parts

    def eligible(self, view: EligibleView) -> RenderableType:
        parts: list[RenderableType] = [heading(words.YOUR_ELIGIBILITY, "")]
        for group in view.groups:
            parts.append(section(f"{group.title} ({len(group.rows)})"))
            table = Table(box=None, pad_edge=False, show_header=False)
            for column in ("Certification", "Status", words.WHAT_IS_MISSING):
                table.add_column(column, style="dim" if column == words.WHAT_IS_MISSING else "")
            for row in group.rows:
                # the group's title says "eligible now" / "held"; a condition still shows
                status = "" if row.status_text in ("eligible now", "held") else row.status_text
                table.add_row(
                    lit(row.name),
                    Text(status, style=STATUS_STYLE[row.status]),
                    lit("; ".join(row.missing)),
                )
            parts.append(table)
        found = view.assumptions
        hidden = f" {words.left_out_not_offered(view.hidden)}" if view.hidden else ""
        note = (
            words.whose_and_when(view.basis, view.as_of.isoformat(), view.hours_per_week)
            + f"{hidden} `pmopath certs ID` shows one with its route and assumptions."
        )
        if found:
            parts += [section(words.ASSUMED), bullets(found)]
        return Group(*parts, hint(note))

    def _exams_and_fees(self, view: CertView) -> list[RenderableType]:
        cert = view.certification
        parts: list[RenderableType] = []
        if cert.exams:
            parts.append(section(words.EXAM))
        for exam, text in zip(cert.exams, view.exams, strict=True):
            line = Text(clean(exam.label), style="bold").append(": " + text.text, style="")
            parts.append(hanging("  • ", line.append(flag(exam))))
            for extra in (exam.format, exam.note):
                parts += note_line(extra, "    ")
        if cert.fees:
            parts.append(section(words.FEES))
        for fee, amount in zip(cert.fees, view.fees, strict=True):
            line = Text(f"{clean(fee.kind)}: {clean(amount.amount)}")
            line.append(f"  (as of {fee.as_of.isoformat()})", style="dim").append(flag(fee))
            parts.append(hanging("  • ", line))
            parts += note_line(fee.note, "    ")
        return parts

    def sources(self, view: SourcesView) -> RenderableType:
        table = Table(
            title=f"Sources cited by the framework ({len(view.sources)})",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("ID", style="cyan", no_wrap=True)
        table.add_column("Title", overflow="fold")
        table.add_column("Publisher", overflow="fold", max_width=20)
        table.add_column("Accessed", no_wrap=True)
        for entry in view.sources:
            title = lit(entry.title)
            if entry.see:
                title.append("\nsee " + clean(entry.see), style="dim")
            table.add_row(
                lit(entry.label.replace(" ", "\n")),  # "pmopath estimate" on two lines
                title,
                lit(entry.publisher or "-"),
                entry.accessed.isoformat() if entry.accessed else "-",
            )
        return Group(
            table,
            hint("`pmopath sources ID` shows one source in full: its URL and what it supports."),
        )

    def source(self, view: SourceView) -> RenderableType:
        entry = view.source
        head = Text(clean(entry.label), style="bold cyan").append("  ")
        parts: list[RenderableType] = [head.append(clean(entry.title), style="bold")]
        parts += [lit(line, "dim") for line in source_facts(entry)]
        if entry.url:
            parts.append(WholeLine(entry.url))
        parts += note_line(entry.note, "")
        if entry.see:
            parts.append(lit(f"How pmopath estimates: see {entry.see}."))
        parts.append(section(words.cited_by(len(view.cited_by))))
        if not view.cited_by:
            return Group(*parts, Text("  " + words.NOTHING_CITES))
        table = Table(box=None, pad_edge=False, show_header=False)
        table.add_column("What", style="dim", no_wrap=True)
        table.add_column("Entry", overflow="fold")
        table.add_column("Parts", style="dim")
        for cited in view.cited_by:
            table.add_row(
                "  " + cited.what,
                lit(cited.name).append("\n" + clean(cited.id), style="cyan"),
                lit(", ".join(cited.parts)),
            )
        return Group(*parts, table)

    def validation(self, view: ValidationView) -> RenderableType:
        warned = [diagnostic("warning: " + w.text, "yellow") for w in view.warnings]
        if view.valid:
            return Group(*warned, Text(f"✓ {clean(view.summary)}", style="green"))
        lines: list[RenderableType] = [*(diagnostic(p.text) for p in view.problems), *warned]
        lines.append(Text(f"\n✗ {clean(view.summary)}", style="red"))
        return Group(*lines)

    # ------------------------------------------------------------ results

    def history(self, view: HistoryView) -> RenderableType:
        if not view.assessments:
            return Text(words.NO_ASSESSMENTS)
        columns = [
            Column("#", justify="right"),
            Column("ID", style="cyan"),
            Column(words.HISTORY_DATE, drops=True),  # the ID holds the date and time
            Column("Current → target", wraps=True),
            Column("Rated", justify="right", drops=True),
            Column("Readiness", justify="right"),
            Column(words.HISTORY_READY),
            Column(words.HISTORY_CHANGE, wraps=True),
        ]
        rows = []
        for e in view.assessments:
            if e.problem:
                problem = Cell(clean(e.problem), style="red")
                rows.append(
                    [Cell(str(e.number)), Cell(clean(e.id)), Cell(""), problem, *4 * [Cell("")]]
                )
                continue
            names = clean(f"{e.current_role_name} → {e.target_role_name or '-'}")
            ready = "-" if e.readiness is None else percent(e.readiness)
            when = words.history_ready(e.ready_month, e.ready_now)
            change = words.history_change(
                e.readiness_change, e.ready_change_months, e.target_changed, e.previous_id is None
            )
            cells = (str(e.number), clean(e.id), e.assessed_at, names, str(e.rated), ready, when)
            rows.append([*(Cell(c) for c in cells), Cell(change)])
        table = Rows("Your assessments (oldest first)", columns, rows)
        return Group(table, hint("`pmopath show ID` prints one; `pmopath show` the latest."))

    def profile(self, view: ProfileView) -> RenderableType:
        sub = " · ".join(x for x in (view.id, view.assessed_at) if x)
        parts: list[RenderableType] = [heading(view.title, sub)]
        parts.append(lit(f"{view.current_role_name} → {view.target_role_name or '-'}"))
        parts.append(section(words.BACKGROUND))
        for row in view.background:
            parts.append(hanging(f"  {row.label:<34}", lit(row.value)))
        certs = ", ".join(
            words.held_cert(c.name, c.year, c.renewed, c.lapsed) for c in view.certifications
        )
        parts.append(hanging(f"  {words.CERTIFICATIONS:<34}", lit(certs or "none")))
        if view.positions:
            parts.append(section(words.WORK_HISTORY))
            for p in view.positions:
                span = f"{p.start} to {p.end or 'now'} ({duration(p.months)})"
                role = f" · closest role: {p.role_name}" if p.role_name else ""
                parts.append(indented(lit(f"{p.title}: {span}{role}"), "  "))
                kinds = ", ".join(p.kinds) or "nothing recorded"
                parts.append(indented(lit(f"counts as: {kinds}", "dim"), "    "))
        parts.append(section(words.RATINGS))
        table = Table(box=None, pad_edge=False)
        for column in ("Domain", "Competency", "Level", "Evidence"):
            table.add_column(column, style="dim" if column in ("Domain", "Evidence") else "")
        rows = view.ratings
        domains = [r.domain_name or words.NOT_IN_FRAMEWORK for r in rows]
        for label, rating in by_domain(rows, domains):
            level = (
                Text(words.NOT_SURE, style="yellow")
                if rating.level is None
                else bar(rating.level).append(f" {rating.level}")
            )
            table.add_row(label, lit(rating.name), level, lit(rating.evidence or ""))
        parts.append(table)
        parts += [Text("warning: " + clean(w), style="yellow") for w in view.warnings]
        return Group(*parts)

    def gap(self, view: GapView) -> RenderableType:
        parts = self._gap_parts(view)
        parts.append(hint("\n`pmopath roadmap` turns these gaps into a dated plan."))
        return Group(*parts)

    def _gap_parts(self, view: GapView) -> list[RenderableType]:
        parts = self._gap_header(view)
        parts += [
            section("Competencies: current vs required (▒ = gap)"),
            Adaptive(gap_table(view), narrow_gap_table(view)),
        ]
        if view.unassessed:
            parts.append(lit(words.unassessed_note(view.unassessed), "yellow"))
        if view.experience:
            parts.append(section(words.EXPERIENCE))
            grid = Table.grid(padding=(0, 2))
            grid.add_column()
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            for e in view.experience:
                have = f"{duration(e.current_months)} of {duration(e.required_months)}"
                if e.assumed_recent:
                    have += " (undated)"
                to_go = Text(
                    f"{count(e.gap_months, 'month')} to go" if e.gap_months else "met",
                    style="yellow" if e.gap_months else "green",
                )
                grid.add_row(lit("  " + e.label), have, to_go)
            parts.append(grid)
        parts += [
            section(words.CERTIFICATIONS),
            Adaptive(cert_table(view), narrow_certs(view)),
        ]
        if view.assumptions:
            parts.append(section(words.ASSUMED))
            parts.append(bullets(view.assumptions))
        if view.explanation is not None:
            parts.append(section(words.EXPLANATION))
            parts += [Padding(lit(line), (0, 0, 0, 2)) for line in view.explanation]
        return parts

    def _gap_header(self, view: GapView, brief: bool = False) -> list[RenderableType]:
        names = view.role_names
        head = lit(f"{names[view.current_role]} → {names[view.target_role]}", "bold")
        met = view.requirements_met["experience"]
        style = "bold green" if view.readiness >= 0.8 and met[0] == met[1] else "bold yellow"
        parts: list[RenderableType] = [head, lit(view.headline, style)]
        if view.what_sets_the_date:
            parts.append(lit(view.what_sets_the_date))
        if view.kind == "gap":
            parts.append(lit(f"Estimated as of {view.as_of.isoformat()}", "dim"))
        parts.append(lit(f"{words.PATH}: " + " → ".join(names[r] for r in view.path), "dim"))
        if view.path_note:
            parts.append(lit(view.path_note, "yellow"))
        if view.next_step is not None:
            step = view.next_step
            parts.append(
                lit(
                    f"{words.NEXT_STEP}: {step.name}, competency readiness {percent(step.readiness)}"
                )
            )
        if view.strengths:
            shown = first_few(view.strengths) if brief else ", ".join(view.strengths)
            parts.append(lit(f"{words.STRENGTHS}: {shown}", "green"))
        return parts

    def comparison(self, view: ComparisonView) -> RenderableType:
        note = hint(
            "Competencies: readiness of the competency levels. Ready: the estimated month all "
            "competency and experience requirements are met. `pmopath gap --target ROLE` for one."
        )
        return Group(comparison_table(view), note)

    def roadmap(self, view: RoadmapView) -> RenderableType:
        # the summary, then the plan: the gap tables are `gap`'s (and --explain's here)
        explain = view.explanation is not None
        parts = self._gap_parts(view) if explain else self._gap_header(view, brief=True)
        if view.unassessed and not explain:
            n = count(len(view.unassessed), "competency")  # `gap` names them
            note = f"{n} not assessed: left out of readiness until you rate them (`pmopath assess`)"
            parts.append(lit(note, "yellow"))
        who = f" for {view.name}" if view.name else ""
        parts[2:2] = [
            lit(
                f"{words.DEVELOPMENT_PLAN}{who}, made {view.as_of.isoformat()}, at "
                f"{view.hours_per_week:g} h/week: requirements met in {view.ready_text}",
                "dim",
            ),
        ]
        if not (explain or view.show_all):
            return screenful(view, parts)
        for phase in view.phases:
            if view.show_all or phase.start_month < view.summarised_from:
                parts.append(Text(""))
                table = phase_table(phase, explain)
                parts.append(Adaptive(table, stacked(phase, explain), below=STACK_BELOW))
        if view.later and not view.show_all:
            parts.append(later_table(view))
        if view.cut_items:
            parts.append(hint(f"{view.cut_items} later items are beyond --horizon {view.horizon}."))
        if view.milestones:
            parts.append(section(words.MILESTONES))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(no_wrap=True)
            grid.add_column()
            for m in view.milestones:
                grid.add_row(f"  {m.label}", lit(m.text))
            parts.append(grid)
        if view.star_seeds:
            parts.append(section(f"{words.STAR_SEEDS} (your evidence notes)"))
            parts.append(bullets([f"{s.competency}: {s.evidence}" for s in view.star_seeds]))
        saves = "`pmopath roadmap --format markdown -o plan.md` saves this plan"
        tables = (
            ""
            if explain
            else "; `pmopath gap` shows the competency, experience and certification tables"
        )
        parts.append(hint(f"\n{saves}{tables}."))
        return Group(*parts)
