"""Markdown output: documents to keep in notes or a Git repository.

Text from data files is escaped with :func:`md`, so markdown or HTML in a name
is shown as typed, never turned into a link, image or tag.
"""

from __future__ import annotations

import re

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.models import LEVELS, STEPS, Certification, Competency, Domain, Provenance, Role
from pmopath.render.base import Renderer
from pmopath.render.text import (
    CONFIDENCE_MARK,
    EXPERIENCE_LABEL,
    certs_for_role,
    describe_route,
    exam_text,
    fee_text,
    one_line,
    requiring_roles,
    years,
    years_range,
)

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
