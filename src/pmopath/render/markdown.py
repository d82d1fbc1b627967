"""Markdown output: documents to keep in notes or a Git repository.

Text from data files is escaped with :func:`md`, so markdown or HTML in a name
is shown as typed, never turned into a link, image or tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pmopath.base.months import month_label, month_start
from pmopath.base.text import count, hours, one_line, percent
from pmopath.model.framework import STEPS, Provenance, source_label
from pmopath.render.base import ViewRenderer

if TYPE_CHECKING:
    from pmopath.views.browse import (
        CertsView,
        CertView,
        CompetenciesView,
        CompetencyView,
        RolesView,
        RoleView,
        SourceEntry,
        SourcesView,
        SourceView,
        ValidationView,
    )
    from pmopath.views.eligible import EligibleView, YourEligibility
    from pmopath.views.history import HistoryView
    from pmopath.views.profile import ProfileView
    from pmopath.views.results import ComparisonView, GapView
    from pmopath.views.roadmap import ItemRow, RoadmapView


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")


def md(text: str) -> str:
    """Escape inline markdown and HTML, and fold the text onto one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def level_bar(level: int) -> str:
    return "█" * level + "░" * (4 - level)


def provenance(item: Provenance) -> str:
    cited = ", ".join(source_label(s) for s in item.sources)
    line = f"*Sources: {cited} · as of {item.as_of.isoformat()}"
    if item.confidence.mark:
        line += f" · {item.confidence.mark}"
    line += "*"
    if item.note:
        line += f"\\\n*{md(item.note)}*"  # a hard line break, without trailing spaces
    return line


_URL = re.compile(r"https?://[^\s<>`\\]+")


def link(url: str) -> str:
    """A URL as an autolink (``<https://...>``), whole; anything else as escaped text."""
    plain = one_line(url)
    return f"<{plain}>" if _URL.fullmatch(plain) else md(plain)


def source_facts(entry: SourceEntry) -> str:
    """Publisher, publication and access dates, in a sentence ("" when none is known)."""
    facts = [md(entry.publisher)] if entry.publisher else []
    facts += [f"published {md(entry.published)}"] if entry.published else []
    facts += [f"accessed {entry.accessed.isoformat()}"] if entry.accessed else []
    return ", ".join(facts)


def flag(item: Provenance) -> str:
    mark = item.confidence.mark
    return f" *({mark})*" if mark else ""


def note(text: str | None, indent: str = "") -> list[str]:
    return [f"{indent}*{md(text)}*", ""] if text else []


def table(header: Iterable[str], align: str, rows: Iterable[Iterable[str]]) -> list[str]:
    """A pipe table; ``align`` has one of ``l`` / ``r`` per column."""
    out = ["| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def doc(lines: list[str]) -> str:
    text = "\n".join(lines).rstrip() + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


class MarkdownRenderer(ViewRenderer):
    # ------------------------------------------------------------- browse

    def roles(self, view: RolesView) -> str:
        rows = (
            (
                str(r.rank),
                md(r.name),
                f"`{r.id}`",
                r.track.value,
                r.years_text,
                md(", ".join(r.leads_to) or "-"),
            )
            for r in view.roles
        )
        lines = ["# PMO career ladder", ""]
        lines += table(("Rank", "Role", "ID", "Track", "Typical years", "Leads to"), "rlllll", rows)
        lines += ["", f"*{md(view.note)}*"]
        return doc(lines)

    def role(self, view: RoleView) -> str:
        role = view.role
        lines = [
            f"# {md(role.name)}",
            "",
            f"`{role.id}` · rank {role.rank} · {role.track.value} track · {view.years_text}",
            "",
            md(role.summary),
            "",
        ]
        if role.aliases:
            lines += [f"Also found as: {md(', '.join(role.aliases))}", ""]
        if role.other_titles:
            lines += [f"Other titles: {md(', '.join(role.other_titles))}", ""]
        lines += ["## Responsibilities", ""]
        lines += [f"- {md(r)}" for r in role.responsibilities]
        lines += ["", "## Required competency levels (0-4)", ""]
        lines += table(
            ("Domain", "Competency", "Level", "Importance"),
            "llll",
            (
                (
                    md(r.domain_name),
                    md(r.name),
                    f"{level_bar(r.level)} {r.level}",
                    r.importance.value,
                )
                for r in view.competencies
            ),
        )
        lines += ["", "## Experience", ""]
        lines += [
            f"- {md(e.text)}" + (f" - {md(e.note)}" if e.note else "") for e in view.experience
        ]
        lines += [] if view.experience else ["- No prior experience required"]
        lines += ["", "## Recommended certifications", ""]
        for cert in view.certifications:
            tail = "" if cert.recommended else " (also suits this role)"
            lines.append(f"- {md(cert.name)} (`{cert.id}`){tail}")
        lines += ["", "## Leads to", ""]
        lines += [f"- {md(n.name)} (`{n.id}`, rank {n.rank})" for n in view.leads_to] or [
            "- The top of the ladder."
        ]
        lines += ["", provenance(role)]
        return doc(lines)

    def competencies(self, view: CompetenciesView) -> str:
        lines = ["# Competencies", ""]
        for dom in view.domains:
            lines += [f"## {md(dom.name)} (`{dom.id}`)", "", md(dom.summary), ""]
            rows = (
                (f"`{c.id}`", md(c.name), md(c.summary))
                for c in view.competencies
                if c.domain == dom.id
            )
            lines += [*table(("ID", "Competency", "Summary"), "lll", rows), ""]
        if view.notice:
            lines.append(f"*{md(view.notice)}*")
        return doc(lines)

    def competency(self, view: CompetencyView) -> str:
        comp = view.competency
        lines = [f"# {md(comp.name)}", "", f"`{comp.id}` · {md(view.domain.name)}", ""]
        lines += [md(comp.summary), ""]
        if comp.keywords:
            lines += [f"Keywords: {md(', '.join(comp.keywords))}", ""]
        lines += [f"*Aligned to: {md(view.alignment)}*", "", "## What each level looks like", ""]
        lines += table(
            ("Level", "Descriptor"),
            "ll",
            ((f"{s.level} {md(s.name)}", md(comp.levels.get(s.level, ""))) for s in view.scale),
        )
        lines += ["", "## Development actions", ""]
        rows = (
            (step, a.kind.value, md(a.title), hours(a.hours))
            for step in STEPS
            for a in comp.actions.get(step, ())
        )
        lines += table(("Step", "Kind", "Action", "Effort"), "lllr", rows)
        if view.required_by:
            lines += ["", "## Roles that require it", ""]
            lines += [
                f"- {md(n.name)}: level {n.level} ({n.importance.value})" for n in view.required_by
            ]
        lines += ["", provenance(comp)]
        return doc(lines)

    def certifications(self, view: CertsView) -> str:
        title = "# Certifications" + (
            f" for {md(view.for_role_name)}" if view.for_role_name else ""
        )
        rows = (
            (
                f"`{c.id}`",
                md(c.name) + (" (recommended)" if c.id in view.recommended else ""),
                md(c.body),
                c.level.value,
                c.status.value,
            )
            for c in view.certifications
        )
        lines = [
            title,
            "",
            *table(("ID", "Certification", "Body", "Level", "Status"), "lllll", rows),
        ]
        return doc(lines)

    def certification(self, view: CertView) -> str:
        cert = view.certification
        lines = [
            f"# {md(cert.name)}",
            "",
            f"`{cert.id}` · {md(cert.body)} · {cert.level.value} · {cert.status.value}",
            "",
        ]
        if cert.aliases:
            lines += [f"Also found as: {md(', '.join(cert.aliases))}", ""]
        if view.superseded_by is not None:
            lines += [
                f"Superseded by {md(view.superseded_by.name)} (`{view.superseded_by.id}`)",
                "",
            ]
        if cert.history:
            lines += [md(cert.history), ""]
        lines += [f"## Eligibility{flag(cert.prerequisites)}", ""]
        for i, route in enumerate(view.routes, 1):
            lines += [f"**Route {i}: {md(route.name)}**", ""]
            lines += [*(f"- {md(p)}" for p in route.parts), ""]
        lines += note(cert.prerequisites.note)
        if view.eligibility is not None:
            lines += self._yours(view.eligibility)
        lines += self._exams_and_fees(view)
        lines += [f"## Renewal{flag(cert.renewal)}", "", md(cert.renewal.requirement), ""]
        lines += note(cert.renewal.note)
        lines += [f"## Study effort{flag(cert.study)}", "", view.study_text, ""]
        lines += note(cert.study.note)
        for title, refs in (("Suits", view.suits), ("Evidences", view.evidences)):
            if refs:
                lines += [f"## {title}", "", md(", ".join(r.name for r in refs)), ""]
        lines.append(provenance(cert))
        return doc(lines)

    def _exams_and_fees(self, view: CertView) -> list[str]:
        cert = view.certification
        lines: list[str] = []
        if cert.exams:
            lines += ["## Exam", ""]
        for exam, text in zip(cert.exams, view.exams, strict=True):
            lines.append(f"- **{md(exam.label)}**: {md(text.text)}{flag(exam)}")
            lines += [f"  {md(extra)}" for extra in (exam.format, exam.note) if extra]
        lines += [""] if cert.exams else []
        if cert.fees:
            lines += ["## Fees", ""]
        for fee, amount in zip(cert.fees, view.fees, strict=True):
            line = (
                f"- {md(fee.kind)}: {md(amount.amount)} (as of {fee.as_of.isoformat()}){flag(fee)}"
            )
            lines.append(line)
            lines += [f"  {md(fee.note)}"] if fee.note else []
        lines += [""] if cert.fees else []
        return lines

    def _yours(self, el: YourEligibility) -> list[str]:
        lines = ["## Your eligibility", "", f"*{md(el.basis)}, as of {el.as_of.isoformat()}*", ""]
        route = f" (route: {md(el.route)})" if el.route else ""
        lines += [f"**{el.status_text}**{route}", ""]
        if el.missing:
            lines += ["Missing:", "", *(f"- {md(m)}" for m in el.missing), ""]
        if el.assumptions:
            lines += ["Assumed:", "", *(f"- {md(a)}" for a in el.assumptions), ""]
        return lines

    def eligible(self, view: EligibleView) -> str:
        lines = ["# Your eligibility", ""]
        lines += [
            f"{md(view.basis)}, as of {view.as_of.isoformat()}, at "
            f"{view.hours_per_week:g} hours a week.",
            "",
        ]
        rows = (
            (md(r.name), r.status_text, md(r.route or "-"), md("; ".join(r.missing)) or "-")
            for r in view.certifications
        )
        lines += table(("Certification", "Status", "Route", "What is missing"), "llll", rows)
        found = view.assumptions
        if found:
            lines += ["", "## Assumed", "", *(f"- {md(a)}" for a in found)]
        return doc(lines)

    def sources(self, view: SourcesView) -> str:
        lines = ["# Sources", ""]
        for entry in view.sources:
            ident = f"**{md(entry.label)}**" + (
                f" (`{entry.id}`)" if entry.label != entry.id else ""
            )
            extra = [source_facts(entry)] if source_facts(entry) else []
            extra += [link(entry.url)] if entry.url else []
            extra += [f"see {md(entry.see)}"] if entry.see else []
            lines.append(f"- {ident}: {md(entry.title)}" + ("\\" if extra else ""))
            lines += [f"  {x}\\" for x in extra[:-1]] + [f"  {x}" for x in extra[-1:]]
        lines += ["", "*`pmopath sources ID` shows one source with what it supports.*"]
        return doc(lines)

    def source(self, view: SourceView) -> str:
        entry = view.source
        lines = [f"# {md(entry.label)}: {md(entry.title)}", "", f"- **ID:** `{entry.id}`"]
        if entry.publisher:
            lines.append(f"- **Publisher:** {md(entry.publisher)}")
        if entry.published:
            lines.append(f"- **Published:** {md(entry.published)}")
        if entry.accessed:
            lines.append(f"- **Accessed:** {entry.accessed.isoformat()}")
        if entry.url:
            lines.append(f"- **URL:** {link(entry.url)}")
        if entry.see:
            lines.append(f"- **How pmopath estimates:** see {md(entry.see)}")
        lines += ["", *note(entry.note), f"## Cited by ({len(view.cited_by)})", ""]
        rows = ((c.what, f"`{c.id}`", md(c.name), md(", ".join(c.parts))) for c in view.cited_by)
        if view.cited_by:
            lines += table(("What", "ID", "Name", "Cited for"), "llll", rows)
        else:
            lines.append("Nothing in the framework cites it.")
        return doc(lines)

    def validation(self, view: ValidationView) -> str:
        warned = [f"- warning: {md(w.text)}" for w in view.warnings]
        if view.valid and not warned:
            return f"{md(view.summary)}\n"
        lines = [f"# {md(view.summary)}", ""]
        lines += [f"- {md(p.text)}" for p in view.problems] + warned
        return doc(lines)

    # ------------------------------------------------------------ results

    def history(self, view: HistoryView) -> str:
        lines = ["# Assessments", ""]
        if not view.assessments:
            return doc([*lines, "No saved assessments yet. Run `pmopath assess` to make one."])
        rows = []
        for e in view.assessments:
            if e.problem:
                rows.append((str(e.number), f"`{e.id}`", "", f"**{md(e.problem)}**", "", "", ""))
                continue
            ready = "-" if e.readiness is None else percent(e.readiness)
            target = md(e.target_role_name or "-")
            rows.append(
                (
                    str(e.number),
                    f"`{e.id}`",
                    e.assessed_at,
                    md(e.current_role_name),
                    target,
                    str(e.rated),
                    ready,
                )
            )
        header = ("#", "ID", "Date (UTC)", "Current", "Target", "Rated", "Readiness")
        return doc([*lines, *table(header, "rllllrr", rows)])

    def profile(self, view: ProfileView) -> str:
        lines = [f"# {md(view.title)}", ""]
        sub = " · ".join(x for x in (f"`{view.id}`" if view.id else "", view.assessed_at) if x)
        lines += [sub, ""] if sub else []
        roles = f"{md(view.current_role_name)} → {md(view.target_role_name or '-')}"
        lines += [roles, "", "## Background", ""]
        rows = [(md(b.label), md(b.value)) for b in view.background]
        certs = ", ".join(c.name + (f" ({c.year})" if c.year else "") for c in view.certifications)
        rows.append(("Certifications", md(certs or "none")))
        lines += table(("Item", "Answer"), "ll", rows)
        if view.positions:
            lines += ["", "## Work history", ""]
            lines += table(
                ("Position", "Closest role", "From", "To", "Months", "Counts as"),
                "llllrl",
                (
                    (
                        md(p.title),
                        md(p.role_name or "-"),
                        p.start,
                        p.end or "now",
                        str(p.months),
                        md(", ".join(p.kinds) or "-"),
                    )
                    for p in view.positions
                ),
            )
        lines += ["", "## Competency ratings (0-4)", ""]
        rating_rows = (
            (
                md(r.domain_name or "(not in framework)"),
                md(r.name),
                "not sure" if r.level is None else f"{level_bar(r.level)} {r.level}",
                md(r.evidence or ""),
            )
            for r in view.ratings
        )
        lines += table(("Domain", "Competency", "Level", "Evidence"), "llll", rating_rows)
        lines += [f"\n*warning: {md(w)}*" for w in view.warnings]
        return doc(lines)

    def comparison(self, view: ComparisonView) -> str:
        who = f" for {md(view.name)}" if view.name else ""
        lines = [f"# Targets compared{who}", ""]
        lines += [
            f"From {md(view.current_role_name)}, at {view.hours_per_week:g} hours a week, "
            f"as of {view.as_of.isoformat()}.",
            "",
        ]
        rows = (
            (
                md(t.name),
                md(" → ".join(t.path)),
                percent(t.readiness),
                f"{t.experience_met} of {t.experience_total}"
                + (f" ({t.months_short} months short)" if t.months_short else ""),
                f"{t.certifications_held} of {t.certifications_recommended}",
                t.ready_label or ("now" if t.ready_in_months == 0 else "not estimated"),
            )
            for t in view.targets
        )
        header = (
            "Target",
            "Path",
            "Competencies",
            "Experience met",
            "Certifications held",
            "Ready",
        )
        return doc([*lines, *table(header, "llrllr", rows)])

    def gap(self, view: GapView) -> str:
        target = view.role_names[view.target_role]
        return doc([f"# Gap analysis: {md(target)}", "", *self._gap_lines(view)])

    def _gap_lines(self, view: GapView, lead: tuple[str, ...] = ()) -> list[str]:
        names = view.role_names
        lines = [
            f"**{md(view.headline)}** (as of {view.as_of.isoformat()})",
            "",
            *lead,
            f"- **Current role:** {md(names[view.current_role])}",
            f"- **Target role:** {md(names[view.target_role])}",
            f"- **Competency readiness for the target:** {percent(view.readiness)}",
            f"- **Path:** {' → '.join(md(names[r]) for r in view.path)}",
        ]
        if view.path_note:
            lines.append(f"- **Note:** {md(view.path_note)}")
        if view.next_step is not None:
            step = view.next_step
            lines.append(
                f"- **Next step:** {md(step.name)} (competency readiness {percent(step.readiness)})"
            )
        if view.strengths:
            lines.append(f"- **Strengths:** {md(', '.join(view.strengths))}")
        lines += ["", "## Gaps", ""]
        rows = (
            (
                md(g.name),
                "not assessed" if g.current is None else str(g.current),
                str(g.required),
                str(g.gap),
                g.importance.value,
            )
            for g in view.competencies
        )
        lines += table(("Competency", "Current", "Required", "Gap", "Importance"), "lrrrl", rows)
        if view.experience:
            lines += ["", "## Experience", ""]
            experience = (
                (e.label, f"{e.current_years:g} y", f"{e.required_years:g} y", str(e.gap_months))
                for e in view.experience
            )
            lines += table(("Kind", "You", "Required", "Months to go"), "lrrr", experience)
        lines += ["", "## Certifications", ""]
        certs = (
            (md(c.name), c.status_text, md("; ".join(c.missing)) or "-")
            for c in view.certifications
        )
        lines += table(("Certification", "Status", "What is missing"), "lll", certs)
        if view.assumptions:
            lines += ["", "### Assumed", ""]
            lines += [f"- {md(a)}" for a in view.assumptions]
        if view.explanation is not None:
            lines += ["", "## How this was computed", ""]
            lines += [f"- {md(line)}" for line in view.explanation]
        return lines

    def roadmap(self, view: RoadmapView) -> str:
        target = view.role_names[view.target_role]
        who = f" for {md(view.name)}" if view.name else ""
        lines = [
            f"# Development plan{who}: {md(target)}",
            "",
            f"*Made with pmopath on {view.as_of.isoformat()} · {view.hours_per_week:g} hours a week · "
            "month 1 is the month of this plan*",
            "",
            "## Summary",
            "",
            *self._gap_lines(
                view, (f"- **Estimated to meet the target's requirements in:** {view.ready_text}",)
            ),
            "",
            "## Plan",
            "",
        ]
        for phase in view.phases:
            lines += [f"### {phase.title} ({phase.start_label} to {phase.end_label})", ""]
            for it in phase.items:
                if it.mode == "milestone":
                    continue  # listed under Milestones
                span = it.start_label
                if it.end_month != it.start_month:
                    span += f" to {it.end_label}"
                lines.append(f"- [ ] **{md(it.title)}** ({effort_words(it)}, {span})\\")
                lines.append(f"  *Why:* {md(it.why)}")
            lines.append("")
        if view.milestones:
            lines += ["## Milestones", ""]
            lines += [f"- **{m.label}:** {md(m.text)}" for m in view.milestones]
            lines.append("")
        if view.cut_items:
            lines += [
                f"*{view.cut_items} later items are beyond the {view.horizon}-month horizon.*",
                "",
            ]
        if view.star_seeds:
            lines += ["## STAR story seeds", "", "From your own evidence notes:", ""]
            lines += [f"- **{md(s.competency)}:** {md(s.evidence)}" for s in view.star_seeds]
            lines.append("")
        lines += ["## Timeline", "", *gantt(view), "", "## Current vs required levels", ""]
        lines += level_chart(view)
        return doc(lines)


def effort_words(it: ItemRow) -> str:
    """ "40 h of study", "3 months at work"."""
    if it.mode == "on-the-job":
        months = it.end_month - it.start_month + 1
        return f"{count(months, 'month')} at work, about {hours(it.effort_hours)}"
    return f"{hours(it.effort_hours)} of study" if it.effort_hours else "no study"


#: Words that start a statement in a Mermaid gantt (or any diagram) when they begin a line.
MERMAID_KEYWORDS = frozenset(
    {
        "accdescr",
        "acctitle",
        "axisformat",
        "call",
        "click",
        "dateformat",
        "displaymode",
        "excludes",
        "gantt",
        "includes",
        "inclusiveenddates",
        "section",
        "tickinterval",
        "title",
        "todaymarker",
        "topaxis",
        "weekday",
        "weekend",
    }
)
MERMAID_LABEL = 60


def mermaid_text(text: str, limit: int = MERMAID_LABEL) -> str:
    """Data text made safe as a Mermaid task or axis name.

    Punctuation Mermaid reads as syntax and comment markers (``%%``) are removed,
    leading statement keywords (``section``, ``click``, ...) are dropped, a long
    name is cut at a word with an ellipsis, and an empty one becomes "Untitled".
    """
    plain = re.sub(r"[:;#%\"`<>{}\[\]\\]", " ", one_line(text))
    words = plain.split()
    while words and words[0].lower().rstrip(".,") in MERMAID_KEYWORDS:
        words.pop(0)
    label = " ".join(words).strip(" ,.-")
    if len(label) > limit:
        kept = label[: limit - 1].rsplit(" ", 1)[0].split()
        while len(kept) > 1 and kept[-1].lower() in _DANGLING:
            kept.pop()  # "Redesign the KPI set…", not "Redesign the KPI set and…"
        label = " ".join(kept).rstrip(" ,.-(") + "…"
    return label or "Untitled"


def gantt(view: RoadmapView) -> list[str]:
    """The plan as a Mermaid gantt that stays readable for a long plan.

    The next 90 days are drawn item by item; later phases collapse to
    one bar per competency (its first start to its last end). The view's milestones
    (moves, experience reached, eligibility, exams: the "Milestones" list) are drawn as
    milestones, so the chart and the list never disagree. The red "today" line is off: it would
    follow the reader's clock, not the plan's date.
    """
    rows: list[list[tuple[int, int, str]]] = [[] for _ in view.phases]
    for index, phase in enumerate(view.phases):
        detailed = phase.start_month <= GANTT_DETAIL_MONTHS
        rows[index] += _gantt_rows(view, index, detailed)
    for month, order, line in _collapsed_rows(view):
        rows[_phase_index(view, month)].append((month, order, line))
    for n, milestone in enumerate(view.milestones if view.phases else (), 1):
        month, line = _milestone(view, milestone.text, f"m{n}", milestone.month)
        rows[_phase_index(view, month)].append((month, 0, line))
    lines = [
        "```mermaid",
        "gantt",
        "    title Development plan",
        "    dateFormat YYYY-MM",
        "    axisFormat %Y-%m",
        "    todayMarker off",
    ]
    for phase, phase_rows in zip(view.phases, rows, strict=True):
        lines.append(f"    section {mermaid_text(phase.title)}")
        lines += [f"    {line}" for _, _, line in sorted(phase_rows)]
    lines.append("```")
    return lines


def level_chart(view: GapView) -> list[str]:
    """Required and current levels of the competencies with a gap, as horizontal bars.

    Mermaid draws two bar series on top of each other: the required level (light) behind
    the current one (dark), so the light part of a bar is what is left to build. The
    title names the colours for a Mermaid too old to draw the legend.
    """
    gaps = [g for g in view.competencies if g.gap]
    if not gaps:
        return ["Every required level is met.", ""]
    labels = ", ".join(f'"{mermaid_text(_short(g.name, CHART_LABEL), CHART_LABEL)}"' for g in gaps)
    current = ", ".join(str(g.current or 0) for g in gaps)
    required = ", ".join(str(g.required) for g in gaps)
    return [
        "```mermaid",
        "---",
        "config:",
        "  xyChart:",
        "    width: 700",
        f"    height: {120 + 32 * len(gaps)}",
        "  themeVariables:",
        "    xyChart:",
        f'      plotColorPalette: "{LIGHT}, {DARK}"',
        "---",
        "xychart-beta horizontal",
        '    title "Required level (light) and your level (dark), 0-4"',
        f"    x-axis [{labels}]",
        '    y-axis "Level" 0 --> 4',
        f'    bar "Required" [{required}]',
        f'    bar "You" [{current}]',
        "```",
        "",
        "*Competencies with a gap only; the Gaps table above lists them all.*",
    ]


#: Phases that start by this plan month are drawn item by item; later ones are collapsed.
GANTT_DETAIL_MONTHS = 3
#: Longest gantt bar label and level-chart name, in characters (cut at a word with "…").
GANTT_LABEL = 40
CHART_LABEL = 40
#: The level chart's two series: required (behind) and current (in front).
LIGHT, DARK = "#b8cce4", "#1f4e79"
#: The bar a collapsed phase draws for its items of a kind other than competency.
KIND_BARS = {
    "experience": "Build experience",
    "network": "Network and community",
    "application": "Applications",
}
#: Small words a cut label is not left ending on.
_DANGLING = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on"}
    | {"or", "the", "their", "to", "with", "your"}
)
#: The plan's own wording of a certification item (planning.py), dropped from milestones.


def _short(text: str, limit: int = GANTT_LABEL) -> str:
    """A long title without its asides, cut to its first clause.

    A title that fits is kept whole. Otherwise parentheses are dropped ("PRINCE2 (7th
    edition) Foundation" -> "PRINCE2 Foundation") and, if still too long, the text is
    cut before the first " - ", ": ", ", " or "; " that leaves three words or more.
    :func:`mermaid_text` then cuts what is still too long at a word.
    """
    text = one_line(text)
    if len(text) <= limit:
        return text
    text = re.sub(r"\s*\([^()]*\)", "", text).strip()
    if len(text) <= limit:
        return text
    cuts = sorted(c for c in (text.find(sep) for sep in (" - ", ": ", ", ", "; ")) if c > 0)
    for cut in cuts:
        if len(text[:cut].split()) >= 3:
            return text[:cut]
    return text


def _bar(view: RoadmapView, label: str, ident: int, first: int, last: int) -> tuple[int, str]:
    text = mermaid_text(_short(label), GANTT_LABEL)
    return first, f"{text} :t{ident}, {_month(view, first)}, {_days(view, first, last)}d"


def _milestone(view: RoadmapView, label: str, ident: str, month: int) -> tuple[int, str]:
    text = mermaid_text(_short(label, MERMAID_LABEL))
    return month, f"{text} :milestone, {ident}, {_month(view, month)}, 0d"


def _gantt_rows(view: RoadmapView, index: int, detailed: bool) -> list[tuple[int, int, str]]:
    """One phase's rows as (plan month, order, line): its items as bars when detailed."""
    rows: list[tuple[int, str]] = []
    for it in view.phases[index].items:
        if detailed and it.kind != "role":
            rows.append(_bar(view, it.title, it.rank, it.start_month, it.end_month))
    return [(month, order, line) for order, (month, line) in enumerate(rows, 1)]


def _collapsed_rows(view: RoadmapView) -> list[tuple[int, int, str]]:
    """After the detailed months, one bar per competency (or kind) across every later phase,
    drawn in the phase where it starts."""
    collapsed = [
        (f"{it.kind}:{it.ref}" if it.kind == "competency" else it.kind, it)
        for phase in view.phases
        if phase.start_month > GANTT_DETAIL_MONTHS
        for it in phase.items
        if it.kind not in ("role", "certification")
    ]
    names = {g.id: g.name for g in view.competencies}
    rows = []
    for key in dict.fromkeys(k for k, _ in collapsed):
        group = [it for k, it in collapsed if k == key]
        kind, _, ref = key.partition(":")
        label = group[0].title
        if len(group) > 1:
            label = names.get(ref, label) if kind == "competency" else KIND_BARS[kind]
        first = min(it.start_month for it in group)
        last = max(it.end_month for it in group)
        rows.append(_bar(view, label, group[0].rank, first, last))
    return [(month, 100 + order, line) for order, (month, line) in enumerate(rows, 1)]


def _phase_index(view: RoadmapView, month: int) -> int:
    """The phase whose months hold ``month`` (the last phase for a later month)."""
    for index, phase in enumerate(view.phases):
        if month <= phase.end_month:
            return index
    return len(view.phases) - 1


def _month(view: RoadmapView, month: int) -> str:
    return month_label(view.as_of, month)


def _days(view: RoadmapView, first: int, last: int) -> int:
    """Calendar days from the start of plan month ``first`` to the end of month ``last``."""
    return (month_start(view.as_of, last + 1) - month_start(view.as_of, first)).days
