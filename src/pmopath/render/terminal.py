"""Rich output for people at a terminal.

Every string that comes from a data file is wrapped in :func:`lit`, which makes
a :class:`rich.text.Text` from cleaned text: Rich markup such as ``[red]`` or
``[link=...]`` is shown as typed, and escape sequences are made visible.
"""

from __future__ import annotations

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
    Provenance,
    Role,
)
from pmopath.render.base import Renderer
from pmopath.render.text import (
    CONFIDENCE_MARK,
    EXPERIENCE_LABEL,
    certs_for_role,
    clean,
    describe_route,
    exam_text,
    fee_text,
    requiring_roles,
    years,
    years_range,
)

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
        for domain in fw.domains:
            first = True
            for comp in fw.competencies_in(domain.id):
                req = role.competencies.get(comp.id)
                if req is None:
                    continue
                table.add_row(
                    lit(domain.name) if first else Text(""),
                    lit(comp.name, IMPORTANCE_STYLE[req.importance.value]),
                    bar(req.level).append(f" {req.level}"),
                    req.importance.value,
                )
                first = False
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
