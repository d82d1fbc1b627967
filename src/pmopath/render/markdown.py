"""Markdown output: documents to keep in notes or a Git repository.

Text from data files is escaped with :func:`md`, so markdown or HTML in a name
is shown as typed, never turned into a link, image or tag.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import (
    LEVELS,
    STEPS,
    Certification,
    Competency,
    Domain,
    ExperienceKind,
    Provenance,
    Role,
)
from pmopath.months import month_label
from pmopath.profile import profile_to_data
from pmopath.render.base import HistoryEntry, Renderer
from pmopath.render.text import (
    CONFIDENCE_MARK,
    EXPERIENCE_LABEL,
    cert_status_text,
    certs_for_role,
    describe_route,
    exam_text,
    fee_text,
    months_text,
    one_line,
    requiring_roles,
    years,
    years_range,
)

if TYPE_CHECKING:
    from pmopath.planning import Plan
    from pmopath.profile import Profile
    from pmopath.scoring import Score


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


def md(text: str) -> str:
    """Escape inline markdown and HTML, and fold the text onto one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def level_bar(level: int) -> str:
    return "█" * level + "░" * (4 - level)


def provenance(item: Provenance) -> str:
    line = f"*Sources: {', '.join(item.sources)} · as of {item.as_of.isoformat()}"
    mark = CONFIDENCE_MARK[item.confidence]
    if mark:
        line += f" · {mark}"
    line += "*"
    if item.note:
        line += f"  \n*{md(item.note)}*"
    return line


def flag(item: Provenance) -> str:
    mark = CONFIDENCE_MARK[item.confidence]
    return f" *({mark})*" if mark else ""


def doc(lines: list[str]) -> str:
    text = "\n".join(lines).rstrip() + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


class MarkdownRenderer(Renderer):
    def roles(self, fw: Framework) -> str:
        lines = [
            "# PMO career ladder",
            "",
            "| Rank | Role | ID | Track | Typical years | Leads to |",
            "|---:|---|---|---|---|---|",
        ]
        for r in fw.ladder():
            lines.append(
                f"| {r.rank} | {md(r.name)} | `{r.id}` | {r.track.value} | {years_range(r)} | "
                f"{md(', '.join(r.leads_to) or '-')} |"
            )
        lines += ["", "*Ranks and years are indicative, not a standard.*"]
        return doc(lines)

    def role(self, fw: Framework, role: Role) -> str:
        lines = [
            f"# {md(role.name)}",
            "",
            f"`{role.id}` · rank {role.rank} · {role.track.value} track · {years_range(role)}",
            "",
            md(role.summary),
            "",
            "## Responsibilities",
            "",
        ]
        lines += [f"- {md(r)}" for r in role.responsibilities]
        lines += [
            "",
            "## Required competency levels (0-4)",
            "",
            "| Domain | Competency | Level | Importance |",
            "|---|---|---|---|",
        ]
        for domain in fw.domains:
            for comp in fw.competencies_in(domain.id):
                req = role.competencies.get(comp.id)
                if req is not None:
                    lines.append(
                        f"| {md(domain.name)} | {md(comp.name)} | {level_bar(req.level)} {req.level} | "
                        f"{req.importance.value} |"
                    )
        lines += ["", "## Experience", ""]
        if role.experience:
            for exp in role.experience:
                note = f" - {md(exp.note)}" if exp.note else ""
                lines.append(f"- {years(exp.years)} {EXPERIENCE_LABEL[exp.kind]}{note}")
        else:
            lines.append("- No prior experience required")
        lines += ["", "## Recommended certifications", ""]
        for cert in certs_for_role(fw, role):
            tail = "" if cert.id in role.certifications else " (also suits this role)"
            lines.append(f"- {md(cert.name)} (`{cert.id}`){tail}")
        lines += ["", "## Leads to", ""]
        lines += [f"- {md(fw.role_by_id[n].name)} (`{n}`)" for n in role.leads_to] or [
            "- The top of the ladder."
        ]
        lines += ["", provenance(role)]
        return doc(lines)

    def competencies(self, fw: Framework, domain: Domain | None) -> str:
        lines = ["# Competencies", ""]
        for dom in fw.domains:
            if domain is not None and dom.id != domain.id:
                continue
            lines += [
                f"## {md(dom.name)} (`{dom.id}`)",
                "",
                md(dom.summary),
                "",
                "| ID | Competency | Summary |",
                "|---|---|---|",
            ]
            for comp in fw.competencies_in(dom.id):
                lines.append(f"| `{comp.id}` | {md(comp.name)} | {md(comp.summary)} |")
            lines.append("")
        notice = fw.competencies_file.framework.notice
        if notice:
            lines.append(f"*{md(notice)}*")
        return doc(lines)

    def competency(self, fw: Framework, comp: Competency) -> str:
        domain = fw.domain_by_id[comp.domain]
        scale = {s.level: s.name for s in fw.competencies_file.scale}
        lines = [
            f"# {md(comp.name)}",
            "",
            f"`{comp.id}` · {md(domain.name)}",
            "",
            md(comp.summary),
            "",
            "## What each level looks like",
            "",
            "| Level | Descriptor |",
            "|---|---|",
        ]
        for level in LEVELS:
            lines.append(
                f"| {level} {md(scale.get(level, ''))} | {md(comp.levels.get(level, ''))} |"
            )
        lines += [
            "",
            "## Development actions",
            "",
            "| Step | Kind | Action | Effort |",
            "|---|---|---|---:|",
        ]
        for step in STEPS:
            for action in comp.actions.get(step, ()):
                lines.append(
                    f"| {step} | {action.kind.value} | {md(action.title)} | {action.hours:g} h |"
                )
        needed = requiring_roles(fw, comp.id)
        if needed:
            lines += ["", "## Roles that require it", ""]
            lines += [f"- {md(r.name)}: level {lvl} ({imp})" for r, lvl, imp in needed]
        lines += ["", provenance(comp)]
        return doc(lines)

    def certs(self, fw: Framework, certs: list[Certification], for_role: Role | None) -> str:
        title = "# Certifications" + (f" for {md(for_role.name)}" if for_role else "")
        lines = [
            title,
            "",
            "| ID | Certification | Body | Level | Status |",
            "|---|---|---|---|---|",
        ]
        for c in certs:
            lines.append(
                f"| `{c.id}` | {md(c.name)} | {md(c.body)} | {c.level.value} | {c.status.value} |"
            )
        return doc(lines)

    def cert(self, fw: Framework, cert: Certification) -> str:
        lines = [
            f"# {md(cert.name)}",
            "",
            f"`{cert.id}` · {md(cert.body)} · {cert.level.value} · {cert.status.value}",
            "",
        ]
        if cert.history:
            lines += [md(cert.history), ""]
        lines += [f"## Eligibility{flag(cert.prerequisites)}", ""]
        for i, route in enumerate(cert.prerequisites.routes, 1):
            lines.append(f"**Route {i}: {md(route.name)}**")
            lines.append("")
            lines += [f"- {md(p)}" for p in describe_route(fw, route)]
            lines.append("")
        if cert.prerequisites.note:
            lines += [f"*{md(cert.prerequisites.note)}*", ""]
        if cert.exams:
            lines += ["## Exam", ""]
            for exam in cert.exams:
                lines.append(f"- **{md(exam.label)}**: {md(exam_text(exam))}{flag(exam)}")
                if exam.format:
                    lines.append(f"  {md(exam.format)}")
            lines.append("")
        if cert.fees:
            lines += ["## Fees", ""]
            for fee in cert.fees:
                lines.append(
                    f"- {md(fee.kind)}: {md(fee_text(fee))} (as of {fee.as_of.isoformat()}){flag(fee)}"
                )
            lines.append("")
        lines += [f"## Renewal{flag(cert.renewal)}", "", md(cert.renewal.requirement), ""]
        lines += [
            f"## Study effort{flag(cert.study)}",
            "",
            f"{cert.study.min_hours:g}-{cert.study.max_hours:g} hours",
            "",
        ]
        lines.append(provenance(cert))
        return doc(lines)

    def validation(self, where: str, problems: list[DataError]) -> str:
        if not problems:
            return f"Framework in `{md(where)}` is valid.\n"
        lines = [f"# {len(problems)} problem(s) in `{md(where)}`", ""]
        lines += [f"- {md(str(p))}" for p in problems]
        return doc(lines)

    def history(self, fw: Framework, entries: list[HistoryEntry]) -> str:
        lines = [
            "# Assessments",
            "",
            "| # | ID | Date (UTC) | Current | Target | Rated | Readiness |",
            "|---:|---|---|---|---|---:|---:|",
        ]
        for e in entries:
            ready = "-" if e.readiness is None else f"{e.readiness:.0%}"
            lines.append(
                f"| {e.number} | `{e.ident}` | {e.assessed_at} | {md(e.current_role)} | {md(e.target_role or '-')} | {e.rated} | {ready} |"
            )
        return doc(lines)

    def profile(
        self, fw: Framework, ident: str | None, profile: Profile, warnings: list[str]
    ) -> str:
        title = md(profile.name) if profile.name else "Assessment"
        lines = [f"# {title}", ""]
        if ident:
            lines += [f"`{ident}`", ""]
        data = profile_to_data(profile)
        lines += ["| Field | Value |", "|---|---|"]
        for key in ("current_role", "target_role", "education", "training_hours", "hours_per_week"):
            if key in data:
                lines.append(f"| {key} | {md(str(data[key]))} |")
        for key, value in data["experience"].items():
            lines.append(f"| {key} | {value:g} |")
        lines.append(
            f"| certifications | {md(', '.join(c.id for c in profile.certifications) or 'none')} |"
        )
        lines += ["", "## Ratings", "", "| Competency | Level | Evidence |", "|---|---|---|"]
        for key, rating in profile.ratings.items():
            name = fw.competency_by_id[key].name if key in fw.competency_by_id else key
            level = (
                "not sure" if rating.level is None else f"{level_bar(rating.level)} {rating.level}"
            )
            lines.append(f"| {md(name)} | {level} | {md(rating.evidence or '')} |")
        lines += [f"\n*warning: {md(w)}*" for w in warnings]
        return doc(lines)

    def _gap_lines(self, fw: Framework, score: Score, explain: bool) -> list[str]:
        names = {r.id: r.name for r in fw.roles}
        lines = [
            f"- **Current role:** {md(names[score.current_role])}",
            f"- **Target role:** {md(names[score.target_role])}",
            f"- **Readiness for the target:** {score.readiness:.0%}",
            f"- **Path:** {' → '.join(md(names[r]) for r in score.path)}",
        ]
        if score.path_note:
            lines.append(f"- **Note:** {md(score.path_note)}")
        if (
            score.next_role
            and score.next_role != score.target_role
            and score.next_role_readiness is not None
        ):
            lines.append(
                f"- **Next step:** {md(names[score.next_role])} (readiness {score.next_role_readiness:.0%})"
            )
        lines += [
            "",
            "## Gaps",
            "",
            "| Competency | Current | Required | Gap | Importance |",
            "|---|---:|---:|---:|---|",
        ]
        for g in score.competencies:
            current = "not assessed" if g.current is None else str(g.current)
            lines.append(
                f"| {md(g.name)} | {current} | {g.required} | {g.gap} | {g.importance.value} |"
            )
        if score.experience:
            lines += [
                "",
                "## Experience",
                "",
                "| Kind | You | Required | Months to go |",
                "|---|---:|---:|---:|",
            ]
            for e in score.experience:
                label = EXPERIENCE_LABEL[ExperienceKind(e.kind)]
                lines.append(
                    f"| {label} | {e.current_years:g} y | {e.required_years:g} y | {e.gap_months} |"
                )
        lines += [
            "",
            "## Certifications",
            "",
            "| Certification | Status | What is missing |",
            "|---|---|---|",
        ]
        for c in score.certifications:
            el = c.eligibility
            name = fw.certification_by_id[el.id].name if el.id in fw.certification_by_id else el.id
            status = cert_status_text(el.status, el.eligible_in_months)
            lines.append(f"| {md(name)} | {status} | {md('; '.join(el.missing)) or '-'} |")
        if explain:
            lines += ["", "## How this was computed", ""]
            lines += [f"- {md(line)}" for line in score.explanation]
        return lines

    def gap(self, fw: Framework, score: Score, explain: bool) -> str:
        target = fw.role_by_id[score.target_role].name
        lines = [f"# Gap analysis: {md(target)}", "", *self._gap_lines(fw, score, explain)]
        return doc(lines)

    def roadmap(self, fw: Framework, plan: Plan, explain: bool) -> str:
        score = plan.score
        target = fw.role_by_id[score.target_role].name
        who = f" for {md(plan.name)}" if plan.name else ""
        ready = plan.ready_in_months
        when = months_text(ready) + (f", by {month_label(plan.as_of, ready)}" if ready else "")
        lines = [
            f"# Development plan{who}: {md(target)}",
            "",
            f"*Made with pmopath on {plan.as_of.isoformat()} · {plan.hours_per_week:g} hours a week · "
            "month 1 is the month of this plan*",
            "",
            "## Summary",
            "",
            f"- **Estimated to meet the target's requirements in:** {when}",
            *self._gap_lines(fw, score, explain),
        ]
        lines += ["", "## Plan", ""]
        for phase in plan.phases:
            lines += [
                f"### {phase.title} ({month_label(plan.as_of, phase.start_month)} to "
                f"{month_label(plan.as_of, phase.end_month)})",
                "",
            ]
            for it in phase.items:
                effort = f"{it.effort_hours:g} h" if it.effort_hours else "milestone"
                span = month_label(plan.as_of, it.start_month)
                if it.end_month != it.start_month:
                    span += f" to {month_label(plan.as_of, it.end_month)}"
                lines.append(f"- [ ] **{md(it.title)}** ({effort}, {span})  ")
                lines.append(f"  *Why:* {md(it.why)}")
            lines.append("")
        if plan.cut_items:
            lines += [
                f"*{plan.cut_items} later items are beyond the {plan.horizon}-month horizon.*",
                "",
            ]
        if plan.star_seeds:
            lines += ["## STAR story seeds", "", "From your own evidence notes:", ""]
            lines += [f"- **{md(name)}:** {md(note)}" for name, note in plan.star_seeds]
            lines.append("")
        lines += [
            "## Timeline",
            "",
            *gantt(plan),
            "",
            "## Current vs required levels",
            "",
            *level_chart(fw, score),
        ]
        return doc(lines)


def mermaid_text(text: str) -> str:
    """Mermaid task and axis names cannot hold some punctuation."""
    return re.sub(r"[:;#\"`<>{}\[\]]", " ", one_line(text)).strip()[:60]


def gantt(plan: Plan) -> list[str]:
    lines = [
        "```mermaid",
        "gantt",
        "    title Development plan",
        "    dateFormat YYYY-MM",
        "    axisFormat %Y-%m",
    ]
    for phase in plan.phases:
        lines.append(f"    section {mermaid_text(phase.title)}")
        for it in phase.items:
            start = month_label(plan.as_of, it.start_month)
            months = it.end_month - it.start_month + 1
            lines.append(f"    {mermaid_text(it.title)} :t{it.rank}, {start}, {months * 30}d")
    lines.append("```")
    return lines


def level_chart(fw: Framework, score: Score) -> list[str]:
    gaps = score.competencies
    labels = ", ".join(f'"{mermaid_text(g.id)}"' for g in gaps)
    current = ", ".join(str(g.current or 0) for g in gaps)
    required = ", ".join(str(g.required) for g in gaps)
    return [
        "```mermaid",
        "xychart-beta",
        '    title "Current (bars) vs required (line), 0-4"',
        f"    x-axis [{labels}]",
        '    y-axis "Level" 0 --> 4',
        f"    bar [{current}]",
        f"    line [{required}]",
        "```",
    ]
