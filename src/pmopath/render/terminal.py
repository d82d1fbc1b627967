"""Rich output for people at a terminal.

Every string that comes from a data file is wrapped in :func:`lit`, which makes
a :class:`rich.text.Text` from cleaned text: Rich markup such as ``[red]`` or
``[link=...]`` is shown as typed, and escape sequences are made visible.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import (
    LEVELS,
    STEPS,
    Certification,
    Competency,
    Confidence,
    Domain,
    ExperienceKind,
    Provenance,
    Role,
)
from pmopath.months import month_label
from pmopath.render.base import HistoryEntry, Renderer
from pmopath.render.text import (
    CONFIDENCE_MARK,
    EXPERIENCE_LABEL,
    cert_status_text,
    certs_for_role,
    clean,
    describe_route,
    exam_text,
    fee_text,
    months_text,
    requiring_roles,
    years,
    years_range,
)

if TYPE_CHECKING:
    from pmopath.planning import Plan
    from pmopath.profile import Profile
    from pmopath.scoring import Score


IMPORTANCE_STYLE = {"core": "bold", "important": "", "useful": "dim"}


def lit(text: str, style: str = "") -> Text:
    """Data text, shown literally (never parsed as markup)."""
    return Text(clean(text), style=style)


def bar(level: int, required: int | None = None, width: int = 4) -> Text:
    """``███░`` for level 3 of 4; with ``required``, the gap is drawn differently."""
    out = Text()
    for i in range(1, width + 1):
        if i <= level:
            out.append("█", style="green" if required is None or i <= required else "cyan")
        elif required is not None and i <= required:
            out.append("▒", style="red")
        else:
            out.append("░", style="dim")
    return out


def short_name(role: Role) -> str:
    """The shortest name that finds a role: its first alias, else its ID."""
    return role.aliases[0] if role.aliases and len(role.aliases[0]) < len(role.id) else role.id


def role_name(fw: Framework, role_id: str | None) -> str:
    role = fw.role_by_id.get(role_id or "")
    return role.name if role is not None else str(role_id)


def by_domain(fw: Framework, wanted: Container[str]) -> Iterator[tuple[Text, Competency]]:
    """Competencies in ``wanted``, grouped by domain; the domain is named on its first row only."""
    for domain in fw.domains:
        first = True
        for comp in fw.competencies_in(domain.id):
            if comp.id in wanted:
                yield (lit(domain.name) if first else Text("")), comp
                first = False


def heading(text: str, sub: str = "") -> Text:
    out = Text()
    out.append(clean(text), style="bold")
    if sub:
        out.append(f"  {clean(sub)}", style="dim")
    return out


def section(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def provenance(item: Provenance) -> Text:
    out = Text(f"Sources: {', '.join(item.sources)} · as of {item.as_of.isoformat()}", style="dim")
    mark = CONFIDENCE_MARK[item.confidence]
    if mark:
        out.append(f" · {mark}", style="yellow")
    if item.note:
        out.append("\n")
        out.append(clean(item.note), style="dim")
    return out


def flag(item: Provenance) -> Text:
    mark = CONFIDENCE_MARK[item.confidence]
    if not mark:
        return Text("")
    style = "red" if item.confidence is Confidence.conflicting else "yellow"
    return Text(f" [{mark}]", style=style)


def bullets(items: list[str] | tuple[str, ...]) -> Group:
    return Group(*(Text("  • ").append(clean(i)) for i in items))


class TerminalRenderer(Renderer):
    def roles(self, fw: Framework) -> RenderableType:
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
        for role in fw.ladder():
            table.add_row(
                str(role.rank),
                lit(role.name).append("\n" + clean(role.id), style="cyan"),
                role.track.value,
                years_range(role),
                lit(", ".join(short_name(fw.role_by_id[n]) for n in role.leads_to) or "-"),
            )
        note = Text(
            "Ranks and years are indicative. Leads to: short names (aliases). "
            "`pmopath roles ROLE` shows one role in depth.",
            style="dim",
        )
        return Group(table, note)

    def role(self, fw: Framework, role: Role) -> RenderableType:
        parts: list[RenderableType] = [
            heading(
                role.name,
                f"{role.id} · rank {role.rank} · {role.track.value} track · {years_range(role)}",
            ),
            lit(role.summary),
        ]
        if role.aliases:
            parts.append(lit("Also found as: " + ", ".join(role.aliases), "dim"))
        if role.other_titles:
            parts.append(lit("Other titles: " + ", ".join(role.other_titles), "dim"))
        parts += [section("Responsibilities"), bullets(role.responsibilities)]

        parts.append(section("Required competency levels (0-4)"))
        table = Table(show_header=True, box=None, pad_edge=False)
        table.add_column("Domain", style="dim")
        table.add_column("Competency")
        table.add_column("Level")
        table.add_column("Importance")
        for label, comp in by_domain(fw, role.competencies):
            req = role.competencies[comp.id]
            table.add_row(
                label,
                lit(comp.name, IMPORTANCE_STYLE[req.importance.value]),
                bar(req.level).append(f" {req.level}"),
                req.importance.value,
            )
        parts.append(table)

        parts.append(section("Experience"))
        if role.experience:
            for exp in role.experience:
                line = Text(f"  • {years(exp.years)} {EXPERIENCE_LABEL[exp.kind]}")
                if exp.note:
                    line.append(" - " + clean(exp.note), style="dim")
                parts.append(line)
        else:
            parts.append(Text("  • No prior experience required"))

        parts.append(section("Recommended certifications"))
        for cert in certs_for_role(fw, role):
            recommended = cert.id in role.certifications
            line = Text("  • ").append(clean(cert.name)).append(f"  ({cert.id})", style="cyan")
            if not recommended:
                line.append("  also suits this role", style="dim")
            parts.append(line)

        parts.append(section("Leads to"))
        if role.leads_to:
            for nxt in role.leads_to:
                other = fw.role_by_id[nxt]
                parts.append(
                    Text("  → ")
                    .append(clean(other.name))
                    .append(f"  ({other.id}, rank {other.rank})", style="dim")
                )
        else:
            parts.append(Text("  The top of the ladder."))
        parts.append(Text(""))
        parts.append(provenance(role))
        return Group(*parts)

    def competencies(self, fw: Framework, domain: Domain | None) -> RenderableType:
        parts: list[RenderableType] = []
        for dom in fw.domains:
            if domain is not None and dom.id != domain.id:
                continue
            table = Table(
                title=f"{clean(dom.name)}  ({dom.id})", title_justify="left", title_style="bold"
            )
            table.add_column("ID", style="cyan")
            table.add_column("Competency")
            table.add_column("Summary", style="dim")
            for comp in fw.competencies_in(dom.id):
                table.add_row(lit(comp.id), lit(comp.name), lit(comp.summary))
            parts.append(table)
        info = fw.competencies_file.framework
        if info.notice:
            parts.append(lit(info.notice, "dim"))
        return Group(*parts)

    def competency(self, fw: Framework, comp: Competency) -> RenderableType:
        domain = fw.domain_by_id[comp.domain]
        parts: list[RenderableType] = [
            heading(comp.name, f"{comp.id} · {domain.name}"),
            lit(comp.summary),
        ]
        if comp.keywords:
            parts.append(lit("Keywords: " + ", ".join(comp.keywords), "dim"))
        align = comp.aligned_to
        aligned = f"Aligned to: Talent Triangle - {align.talent_triangle.value}"
        if align.pmo_competency_framework:
            aligned += "; PMO Competency Framework domain - " + ", ".join(
                align.pmo_competency_framework
            )
        parts.append(lit(aligned, "dim"))

        parts.append(section("What each level looks like"))
        scale = {s.level: s.name for s in fw.competencies_file.scale}
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column("Level")
        table.add_column("Descriptor")
        for level in LEVELS:
            table.add_row(
                bar(level).append(f" {level} {clean(scale.get(level, ''))}"),
                lit(comp.levels.get(level, "")),
            )
        parts.append(table)

        parts.append(section("Development actions, by step"))
        table = Table(box=None, pad_edge=False)
        table.add_column("Step")
        table.add_column("Kind")
        table.add_column("Action")
        table.add_column("Effort", justify="right")
        for step in STEPS:
            for i, action in enumerate(comp.actions.get(step, ())):
                table.add_row(
                    step.replace("-", "→") if i == 0 else "",
                    action.kind.value,
                    lit(action.title),
                    f"{action.hours:g} h",
                )
        parts.append(table)

        needed = requiring_roles(fw, comp.id)
        if needed:
            parts.append(section("Roles that require it"))
            for role, level, importance in needed:
                parts.append(
                    Text("  ")
                    .append(bar(level))
                    .append(f" {level}  ")
                    .append(clean(role.name))
                    .append(f"  {importance}", style="dim")
                )
        parts.append(Text(""))
        parts.append(provenance(comp))
        return Group(*parts)

    def certs(
        self, fw: Framework, certs: list[Certification], for_role: Role | None
    ) -> RenderableType:
        title = "Certifications" + (f" for {clean(for_role.name)}" if for_role else "")
        table = Table(title=title, title_justify="left")
        table.add_column("ID", style="cyan")
        table.add_column("Certification")
        table.add_column("Body")
        table.add_column("Level")
        table.add_column("Status")
        for cert in certs:
            status = Text(
                cert.status.value, style="" if cert.status.value == "active" else "yellow"
            )
            name = lit(cert.name)
            if for_role is not None and cert.id in for_role.certifications:
                name.append("  recommended", style="green")
            table.add_row(lit(cert.id), name, lit(cert.body), cert.level.value, status)
        note = Text("`pmopath certs ID` shows prerequisites, exam, fees and renewal.", style="dim")
        return Group(table, note)

    def cert(self, fw: Framework, cert: Certification) -> RenderableType:
        parts: list[RenderableType] = [
            heading(cert.name, f"{cert.id} · {cert.body} · {cert.level.value}"),
        ]
        if cert.aliases:
            parts.append(lit("Also found as: " + ", ".join(cert.aliases), "dim"))
        if cert.status.value != "active":
            parts.append(Text(f"Status: {cert.status.value}", style="yellow"))
        if cert.history:
            parts.append(lit(cert.history))

        parts.append(section("Eligibility").append(flag(cert.prerequisites)))
        routes = cert.prerequisites.routes
        for i, route in enumerate(routes):
            label = f"Route {i + 1}: " if len(routes) > 1 else ""
            parts.append(Text("  ").append(label + clean(route.name), style="bold"))
            for part in describe_route(fw, route):
                parts.append(Text("    • ").append(part))
        if cert.prerequisites.note:
            parts.append(lit("  " + cert.prerequisites.note, "dim"))

        if cert.exams:
            parts.append(section("Exam"))
            for exam in cert.exams:
                line = (
                    Text("  • ")
                    .append(clean(exam.label), style="bold")
                    .append(": " + exam_text(exam))
                )
                line.append(flag(exam))
                parts.append(line)
                for extra in (exam.format, exam.note):
                    if extra:
                        parts.append(lit("    " + extra, "dim"))

        if cert.fees:
            parts.append(section("Fees"))
            for fee in cert.fees:
                line = Text(f"  • {clean(fee.kind)}: {fee_text(fee)}")
                line.append(f"  (as of {fee.as_of.isoformat()})", style="dim").append(flag(fee))
                parts.append(line)
                if fee.note:
                    parts.append(lit("    " + fee.note, "dim"))

        parts.append(section("Renewal").append(flag(cert.renewal)))
        parts.append(lit("  " + cert.renewal.requirement))
        if cert.renewal.note:
            parts.append(lit("  " + cert.renewal.note, "dim"))

        parts.append(section("Study effort").append(flag(cert.study)))
        parts.append(Text(f"  {cert.study.min_hours:g}-{cert.study.max_hours:g} hours"))
        if cert.study.note:
            parts.append(lit("  " + cert.study.note, "dim"))

        if cert.suits_roles:
            parts.append(section("Suits"))
            parts.append(lit("  " + ", ".join(fw.role_by_id[r].name for r in cert.suits_roles)))
        if cert.evidences:
            parts.append(section("Evidences"))
            parts.append(lit("  " + ", ".join(fw.competency_by_id[c].name for c in cert.evidences)))
        parts.append(Text(""))
        parts.append(provenance(cert))
        return Group(*parts)

    def validation(self, where: str, problems: list[DataError]) -> RenderableType:
        if not problems:
            return Text(f"✓ {clean(where)}: framework is valid", style="green")
        lines: list[RenderableType] = [lit(str(p)) for p in problems]
        n = len(problems)
        lines.append(Text(f"\n✗ {n} problem{'s' if n != 1 else ''} in {clean(where)}", style="red"))
        return Group(*lines)

    def history(self, fw: Framework, entries: list[HistoryEntry]) -> RenderableType:
        if not entries:
            return Text("No saved assessments yet. Run `pmopath assess` to make one.")
        table = Table(
            title="Your assessments (oldest first)", title_justify="left", box=box.SIMPLE_HEAD
        )
        table.add_column("#", justify="right")
        table.add_column("ID", style="cyan", no_wrap=True)
        table.add_column("Date (UTC)", no_wrap=True)
        table.add_column("Current → target")
        table.add_column("Rated", justify="right")
        table.add_column("Readiness", justify="right")
        for e in entries:
            if e.problem:
                table.add_row(
                    str(e.number), lit(e.ident), "", Text(clean(e.problem), style="red"), "", ""
                )
                continue
            names = (
                role_name(fw, e.current_role)
                + " → "
                + (role_name(fw, e.target_role) if e.target_role else "-")
            )
            ready = "-" if e.readiness is None else f"{e.readiness:.0%}"
            table.add_row(
                str(e.number), lit(e.ident), e.assessed_at, lit(names), str(e.rated), ready
            )
        return Group(
            table, Text("`pmopath show ID` prints one; `pmopath show` the latest.", style="dim")
        )

    def profile(
        self, fw: Framework, ident: str | None, profile: Profile, warnings: list[str]
    ) -> RenderableType:
        title = clean(profile.name) if profile.name else "Assessment"
        sub = ident or ""
        if profile.assessed_at:
            sub += f" · {profile.assessed_at:%Y-%m-%d %H:%M} UTC"
        parts: list[RenderableType] = [heading(title, sub)]
        target = role_name(fw, profile.target_role) if profile.target_role else "-"
        parts.append(lit(f"{role_name(fw, profile.current_role)} → {target}"))
        exp = profile.experience
        parts.append(section("Background"))
        for label, value in (
            ("Project management", f"{exp.project_management_years:g} years"),
            ("Programmes / portfolios", f"{exp.program_portfolio_years:g} years"),
            ("PMO", f"{exp.pmo_years:g} years"),
            ("Managing people", f"{exp.people_leadership_years:g} years"),
            ("Education", profile.education.value if profile.education else "-"),
            ("PM training", f"{profile.training_hours:g} hours"),
            (
                "Time for development",
                f"{profile.hours_per_week:g} h/week" if profile.hours_per_week else "-",
            ),
        ):
            parts.append(Text(f"  {label:<24}").append(value))
        certs = ", ".join(
            (fw.certification_by_id[c.id].name if c.id in fw.certification_by_id else c.id)
            + (f" ({c.year})" if c.year else "")
            for c in profile.certifications
        )
        parts.append(Text(f"  {'Certifications':<24}").append(clean(certs or "none")))
        parts.append(section("Competency ratings (0-4)"))
        table = Table(box=None, pad_edge=False)
        table.add_column("Domain", style="dim")
        table.add_column("Competency")
        table.add_column("Level")
        table.add_column("Evidence", style="dim")
        shown = set()
        for domain_label, comp in by_domain(fw, profile.ratings):
            rating = profile.ratings[comp.id]
            shown.add(comp.id)
            level = (
                Text("not sure", style="yellow")
                if rating.level is None
                else bar(rating.level).append(f" {rating.level}")
            )
            table.add_row(domain_label, lit(comp.name), level, lit(rating.evidence or ""))
        for key, rating in profile.ratings.items():
            if key not in shown:
                table.add_row(
                    "(not in framework)", lit(key), str(rating.level), lit(rating.evidence or "")
                )
        parts.append(table)
        for warning in warnings:
            parts.append(Text("warning: " + clean(warning), style="yellow"))
        return Group(*parts)

    def _gap_parts(self, fw: Framework, score: Score, explain: bool) -> list[RenderableType]:
        target = fw.role_by_id[score.target_role]
        parts: list[RenderableType] = []
        head = Text()
        head.append(
            clean(role_name(fw, score.current_role)) + " → " + clean(target.name), style="bold"
        )
        head.append(
            f"   readiness {score.readiness:.0%}",
            style="bold green" if score.readiness >= 0.8 else "bold yellow",
        )
        parts.append(head)
        path = " → ".join(role_name(fw, r) for r in score.path)
        parts.append(lit(f"Path: {path}", "dim"))
        if score.path_note:
            parts.append(lit(score.path_note, "yellow"))
        if (
            score.next_role
            and score.next_role != score.target_role
            and score.next_role_readiness is not None
        ):
            parts.append(
                Text(
                    f"Next step: {clean(role_name(fw, score.next_role))}, readiness {score.next_role_readiness:.0%}"
                )
            )

        parts.append(section("Competencies: current vs required (▒ = gap)"))
        table = Table(box=None, pad_edge=False)
        table.add_column("Domain", style="dim")
        table.add_column("Competency")
        table.add_column("Level")
        table.add_column("Gap", justify="right")
        table.add_column("Importance")
        by_id = {g.id: g for g in score.competencies}
        for label, comp in by_domain(fw, by_id):
            g = by_id[comp.id]
            level = bar(g.current or 0, g.required).append(
                f" {'?' if g.current is None else g.current}/{g.required}"
            )
            table.add_row(
                label, lit(comp.name), level, str(g.gap) if g.gap else "", g.importance.value
            )
        parts.append(table)
        unassessed = [g.name for g in score.competencies if g.current is None]
        if unassessed:
            parts.append(lit(f"? = not assessed, counted as 0: {', '.join(unassessed)}", "yellow"))

        if score.experience:
            parts.append(section("Experience"))
            for e in score.experience:
                kind_label = EXPERIENCE_LABEL[ExperienceKind(e.kind)]
                line = Text(f"  {kind_label:<34} {e.current_years:g} of {e.required_years:g} years")
                line.append(
                    f"   {e.gap_months} months to go" if e.gap_months else "   met",
                    style="yellow" if e.gap_months else "green",
                )
                parts.append(line)

        parts.append(section("Certifications"))
        table = Table(box=None, pad_edge=False)
        table.add_column("Certification")
        table.add_column("Status")
        table.add_column("What is missing", style="dim")
        for c in score.certifications:
            el = c.eligibility
            name = fw.certification_by_id[el.id].name if el.id in fw.certification_by_id else el.id
            style = {
                "held": "green",
                "eligible": "green",
                "not-yet-eligible": "yellow",
                "blocked": "red",
            }[el.status]
            table.add_row(
                lit(name),
                Text(cert_status_text(el.status, el.eligible_in_months), style=style),
                lit("; ".join(el.missing)),
            )
        parts.append(table)
        if explain:
            parts.append(section("How this was computed"))
            parts += [lit("  " + line) for line in score.explanation]
            for c in score.certifications:
                for a in c.eligibility.assumptions:
                    parts.append(lit(f"  {c.eligibility.id}: {a}", "dim"))
        return parts

    def gap(self, fw: Framework, score: Score, explain: bool) -> RenderableType:
        parts = self._gap_parts(fw, score, explain)
        parts.append(Text("\n`pmopath roadmap` turns these gaps into a dated plan.", style="dim"))
        return Group(*parts)

    def roadmap(self, fw: Framework, plan: Plan, explain: bool) -> RenderableType:
        score = plan.score
        parts = self._gap_parts(fw, score, explain)
        ready = plan.ready_in_months
        when = months_text(ready)
        if ready:
            when += f", by {month_label(plan.as_of, ready)}"
        parts.insert(
            1,
            Text(
                f"Estimated to meet the requirements in {when} at {plan.hours_per_week:g} h/week",
                style="bold",
            ),
        )
        for phase in plan.phases:
            span = f"months {phase.start_month}-{phase.end_month}"
            table = Table(
                title=f"{phase.title}  ({span}: {month_label(plan.as_of, phase.start_month)} to {month_label(plan.as_of, phase.end_month)})",
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
                effort = f"{it.effort_hours:g} h" if it.effort_hours else "-"
                month = month_label(plan.as_of, it.start_month)
                if it.end_month != it.start_month:
                    month += f" → {month_label(plan.as_of, it.end_month)}"
                table.add_row(str(it.rank), lit(it.title), effort, month, lit(it.why))
            parts.append(table)
        if plan.cut_items:
            parts.append(
                Text(
                    f"{plan.cut_items} later items are beyond --horizon {plan.horizon}.",
                    style="dim",
                )
            )
        if plan.star_seeds:
            parts.append(section("STAR story seeds (your evidence notes)"))
            parts += [lit(f"  • {name}: {note}") for name, note in plan.star_seeds]
        parts.append(
            Text("\n`pmopath roadmap --format markdown -o plan.md` saves this plan.", style="dim")
        )
        return Group(*parts)
