"""Markdown output: documents to keep in notes or a Git repository.

Text from data files is escaped with :func:`md`, so markdown or HTML in a name
is shown as typed, never turned into a link, image or tag.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pmopath.base.text import count, hours, one_line, percent, short_duration, whole_months
from pmopath.model.framework import STEPS, DevelopmentAction, Provenance
from pmopath.render import words
from pmopath.render.base import ViewRenderer
from pmopath.render.efforts import effort_words
from pmopath.render.markdown_diff import MarkdownDiff
from pmopath.render.markdown_progress import MarkdownProgress
from pmopath.render.markdown_team import MarkdownTeam
from pmopath.render.markdown_text import doc, md, table
from pmopath.render.mermaid import timeline

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
    from pmopath.views.roadmap import Cited, RoadmapView


def level_bar(level: int) -> str:
    return "█" * level + "░" * (4 - level)


def provenance(item: Provenance) -> str:
    line = f"*{words.sources_line(item)}"
    if item.confidence.mark:
        line += f" · {item.confidence.mark}"
    line += "*"
    if item.note:
        line += f"\\\n*{md(item.note)}*"  # a hard line break, without trailing spaces
    return line


_URL = re.compile(r"https?://[^\s<>`\\]+")


def cite(c: Cited) -> str:
    """A source ID linked to its page when it has a web address ("[S100](<https://…>)")."""
    plain = one_line(c.url or "")
    return f"[{md(c.label)}](<{plain}>)" if _URL.fullmatch(plain) else md(c.label)


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


class MarkdownRenderer(MarkdownDiff, MarkdownProgress, MarkdownTeam, ViewRenderer):
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
            lines += [words.ALSO_FOUND_AS + f"{md(', '.join(role.aliases))}", ""]
        if role.other_titles:
            lines += [words.OTHER_TITLES + f"{md(', '.join(role.other_titles))}", ""]
        lines += [f"## {words.RESPONSIBILITIES}", ""]
        lines += [f"- {md(r)}" for r in role.responsibilities]
        lines += ["", f"## {words.REQUIRED_LEVELS}"]
        domains: dict[str, list[tuple[str, str, str]]] = {}
        for r in view.competencies:  # one table a domain: three columns fit a phone
            row = (md(r.name), f"{level_bar(r.level)}\u00a0{r.level}", r.importance.value)
            domains.setdefault(r.domain_name, []).append(row)
        for domain, rows in domains.items():
            lines += ["", f"### {md(domain)}", ""]
            lines += table(("Competency", "Level", "Importance"), "lll", rows)
        lines += ["", f"## {words.EXPERIENCE}", ""]
        lines += [
            f"- {md(e.text)}" + (f" - {md(e.note)}" if e.note else "") for e in view.experience
        ]
        lines += [] if view.experience else [f"- {words.NO_EXPERIENCE}"]
        lines += ["", f"## {words.RECOMMENDED_CERTIFICATIONS}", ""]
        for cert in view.certifications:
            tail = "" if cert.recommended else f" ({words.ALSO_SUITS})"
            lines.append(f"- {md(cert.name)} (`{cert.id}`){tail}")
        lines += ["", f"## {words.LEADS_TO}", ""]
        lines += [f"- {md(n.name)} (`{n.id}`, rank {n.rank})" for n in view.leads_to] or [
            f"- {words.TOP_OF_LADDER}"
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
            lines += [words.KEYWORDS + f"{md(', '.join(comp.keywords))}", ""]
        lines += [
            f"*{words.ALIGNED_TO}{md(view.alignment)}*",
            "",
            f"## {words.LEVEL_DESCRIPTORS}",
            "",
        ]
        lines += table(
            ("Level", "Descriptor"),
            "ll",
            ((f"{s.level} {md(s.name)}", md(comp.levels.get(s.level, ""))) for s in view.scale),
        )
        lines += ["", f"## {words.DEVELOPMENT_ACTIONS}", ""]
        rows = (
            (step, a.kind.value, md(a.title) + _needs(a), hours(a.hours))
            for step in STEPS
            for a in comp.actions.get(step, ())
        )
        lines += table(("Step", "Kind", "Action", "Effort"), "lllr", rows)
        if view.required_by:
            lines += ["", f"## {words.REQUIRED_BY}", ""]
            lines += [
                f"- {md(n.name)}: level {n.level} ({n.importance.value})" for n in view.required_by
            ]
        lines += ["", provenance(comp)]
        return doc(lines)

    def certifications(self, view: CertsView) -> str:
        title = f"# {words.CERTIFICATIONS}" + (
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
            lines += [words.ALSO_FOUND_AS + f"{md(', '.join(cert.aliases))}", ""]
        if view.superseded_by is not None:
            lines += [
                f"{words.SUPERSEDED_BY}{md(view.superseded_by.name)} (`{view.superseded_by.id}`)",
                "",
            ]
        if cert.history:
            lines += [md(cert.history), ""]
        lines += [f"## {words.ELIGIBILITY}{flag(cert.prerequisites)}", ""]
        for i, route in enumerate(view.routes, 1):
            lines += [f"**{words.route(i)}{md(route.name)}**", ""]
            lines += [*(f"- {md(p)}" for p in route.parts), ""]
        lines += note(cert.prerequisites.note)
        if view.eligibility is not None:
            lines += self._yours(view.eligibility)
        lines += self._exams_and_fees(view)
        lines += [f"## {words.RENEWAL}{flag(cert.renewal)}", "", md(cert.renewal.requirement), ""]
        lines += note(cert.renewal.note)
        lines += [f"## {words.STUDY_EFFORT}{flag(cert.study)}", "", view.study_text, ""]
        lines += note(cert.study.note)
        for title, refs in ((words.SUITS, view.suits), (words.EVIDENCES, view.evidences)):
            if refs:
                lines += [f"## {title}", "", md(", ".join(r.name for r in refs)), ""]
        lines.append(provenance(cert))
        return doc(lines)

    def _exams_and_fees(self, view: CertView) -> list[str]:
        cert = view.certification
        lines: list[str] = []
        if cert.exams:
            lines += [f"## {words.EXAM}", ""]
        for exam, text in zip(cert.exams, view.exams, strict=True):
            lines.append(f"- **{md(exam.label)}**: {md(text.text)}{flag(exam)}")
            lines += [f"  {md(extra)}" for extra in (exam.format, exam.note) if extra]
        lines += [""] if cert.exams else []
        if cert.fees:
            lines += [f"## {words.FEES}", ""]
        for fee, amount in zip(cert.fees, view.fees, strict=True):
            line = (
                f"- {md(fee.kind)}: {md(amount.amount)} (as of {fee.as_of.isoformat()}){flag(fee)}"
            )
            lines.append(line)
            lines += [f"  {md(fee.note)}"] if fee.note else []
        lines += [""] if cert.fees else []
        return lines

    def _yours(self, el: YourEligibility) -> list[str]:
        lines = [
            f"## {words.YOUR_ELIGIBILITY}",
            "",
            f"*{md(el.basis)}, as of {el.as_of.isoformat()}*",
            "",
        ]
        route = f" (route: {md(el.route)})" if el.route else ""
        lines += [f"**{el.status_text}**{route}", ""]
        if el.missing:
            lines += [words.MISSING, "", *(f"- {md(m)}" for m in el.missing), ""]
        if el.assumptions:
            lines += [f"{words.ASSUMED}:", "", *(f"- {md(a)}" for a in el.assumptions), ""]
        return lines

    def eligible(self, view: EligibleView) -> str:
        lines = [f"# {words.YOUR_ELIGIBILITY}", ""]
        lines += [
            md(words.whose_and_when(view.basis, view.as_of.isoformat(), view.hours_per_week)),
            "",
        ]
        for group in view.groups:
            lines += [f"## {group.title} ({len(group.rows)})", ""]
            rows = (
                (md(r.name), r.status_text, md(r.route or "-"), md("; ".join(r.missing)) or "-")
                for r in group.rows
            )
            columns = ("Certification", "Status", "Route", words.WHAT_IS_MISSING)
            lines += [*table(columns, "llll", rows), ""]
        if view.hidden:
            lines += [words.left_out_not_offered(view.hidden), ""]
        found = view.assumptions
        if found:
            lines += ["", f"## {words.ASSUMED}", "", *(f"- {md(a)}" for a in found)]
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
        lines += ["", *note(entry.note), f"## {words.cited_by(len(view.cited_by))}", ""]
        rows = ((c.what, f"`{c.id}`", md(c.name), md(", ".join(c.parts))) for c in view.cited_by)
        if view.cited_by:
            lines += table(("What", "ID", "Name", "Cited for"), "llll", rows)
        else:
            lines.append(words.NOTHING_CITES)
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
            return doc([*lines, words.NO_ASSESSMENTS])
        rows = []
        for e in view.assessments:
            if e.problem:
                problem = f"**{md(e.problem)}**"
                rows.append((str(e.number), f"`{e.id}`", "", problem, "", "", "", "", ""))
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
                    words.history_ready(e.ready_month, e.ready_now),
                    words.history_change(
                        e.readiness_change,
                        e.ready_change_months,
                        e.target_changed,
                        e.previous_id is None,
                    ),
                )
            )
        header: tuple[str, ...] = ("#", "ID", words.HISTORY_DATE, "Current", "Target", "Rated")
        header += ("Readiness", words.HISTORY_READY, words.HISTORY_CHANGE)
        return doc([*lines, *table(header, "rllllrrll", rows)])

    def profile(self, view: ProfileView) -> str:
        lines = [f"# {md(view.title)}", ""]
        sub = " · ".join(x for x in (f"`{view.id}`" if view.id else "", view.assessed_at) if x)
        lines += [sub, ""] if sub else []
        roles = f"{md(view.current_role_name)} → {md(view.target_role_name or '-')}"
        lines += [roles, "", f"## {words.BACKGROUND}", ""]
        rows = [(md(b.label), md(b.value)) for b in view.background]
        certs = ", ".join(
            words.held_cert(c.name, c.year, c.renewed, c.lapsed) for c in view.certifications
        )
        rows.append((words.CERTIFICATIONS, md(certs or "none")))
        lines += table(("Item", "Answer"), "ll", rows)
        if view.positions:  # a list, not a six-column table: it reads on a phone
            lines += ["", f"## {words.WORK_HISTORY}", ""]
            for p in view.positions:
                role = f"{md(p.role_name)}, " if p.role_name else ""
                kinds = md(", ".join(p.kinds) or "-")
                lines.append(
                    f"- **{md(p.title)}**: {role}{p.start} to {p.end or 'now'}"
                    f" ({count(p.months, 'month')}); counts as {kinds}"
                )
        lines += ["", f"## {words.RATINGS}"]
        domains: dict[str, list[tuple[str, str]]] = {}
        evidence: list[str] = []
        for r in view.ratings:  # one table a domain; evidence as a list, not an empty column
            level = words.NOT_SURE if r.level is None else f"{level_bar(r.level)}\u00a0{r.level}"
            domains.setdefault(r.domain_name or words.NOT_IN_FRAMEWORK, []).append(
                (md(r.name), level)
            )
            if r.evidence:
                evidence.append(f"- **{md(r.name)}:** {md(r.evidence)}")
        for domain, rows in domains.items():
            lines += ["", f"### {md(domain)}", "", *table(("Competency", "Level"), "ll", rows)]
        if evidence:
            lines += ["", f"### {words.EVIDENCE}", "", *evidence]
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
        # three columns, the deciding one first, so the table fits a phone's column
        rows = (
            (
                whole_months(words.ready_when(t.ready_label, t.ready_in_months)),
                md(t.name),
                f"competencies {percent(t.readiness)} · experience {t.experience_met} of "
                f"{t.experience_total}{words.months_short(t.months_short)} · certifications "
                f"held {t.certifications_held} of {t.certifications_recommended}",
            )
            for t in view.targets
        )
        lines += table(("Ready", "Target", "Requirements met"), "lll", rows)
        lines += ["", f"**{words.PATH}s:**", ""]
        lines += [f"- {md(t.name)}: {md(' → '.join(t.path))}" for t in view.targets]
        return doc(lines)

    def gap(self, view: GapView) -> str:
        target = view.role_names[view.target_role]
        return doc([f"# Gap analysis: {md(target)}", "", *self._gap_lines(view)])

    def _gap_lines(self, view: GapView, lead: tuple[str, ...] = ()) -> list[str]:
        return [*self._summary_lines(view, lead), *self._table_lines(view)]

    def _summary_lines(self, view: GapView, lead: tuple[str, ...] = ()) -> list[str]:
        """The headline and what it rests on, each said once (the headline carries the
        readiness, the path starts at the current role, the title names the target)."""
        names = view.role_names
        lines = [
            f"**{whole_months(md(view.headline))}** (as of {view.as_of.isoformat()})",
            "",
            *([md(view.what_sets_the_date), ""] if view.what_sets_the_date else []),
            *lead,
            f"- **{words.PATH}:** {' → '.join(md(names[r]) for r in view.path)}",
        ]
        if view.path_note:
            lines.append(f"- **Note:** {md(view.path_note)}")
        if view.next_step is not None:
            step = view.next_step
            lines.append(
                f"- **{words.NEXT_STEP}:** {md(step.name)} (competency readiness {percent(step.readiness)})"
            )
        if view.strengths:
            lines.append(f"- **{words.STRENGTHS}:** {md(', '.join(view.strengths))}")
        return lines

    def _table_lines(self, view: GapView) -> list[str]:
        lines = ["", "## Gaps", ""]
        rows = (
            (
                md(g.name),
                (words.NOT_ASSESSED if g.current is None else str(g.current))
                + f"\u00a0→\u00a0{g.required}",
                g.importance.value,
            )
            for g in view.competencies
        )
        lines += table(("Competency", "You → needed", "Importance"), "lcl", rows)
        if view.experience:
            lines += ["", f"## {words.EXPERIENCE}", ""]
            experience = (
                (
                    e.label,
                    short_duration(e.current_months),
                    short_duration(e.required_months),
                    str(e.gap_months),
                )
                for e in view.experience
            )
            lines += table(("Kind", "You", "Required", "Months to go"), "lrrr", experience)
        lines += ["", f"## {words.CERTIFICATIONS}", ""]
        certs = (  # two columns: the table fits a phone's column
            (
                md(c.name),
                c.status_text
                + (f". {words.MISSING_LEAD}{md('; '.join(c.missing))}" if c.missing else ""),
            )
            for c in view.certifications
        )
        lines += table(("Certification", "Status"), "ll", certs)
        if view.assumptions:
            lines += ["", f"### {words.ASSUMED}", ""]
            lines += [f"- {md(a)}" for a in view.assumptions]
        if view.explanation is not None:
            lines += ["", f"## {words.EXPLANATION}", ""]
            lines += [f"- {md(line)}" for line in view.explanation]
        return lines

    def roadmap(self, view: RoadmapView) -> str:
        """Top-down: the summary, the timeline, the plan phase by phase, then the gaps,
        certifications and stories behind it."""
        target = view.role_names[view.target_role]
        who = f" for {md(view.name)}" if view.name else ""
        lines = [
            f"# {words.DEVELOPMENT_PLAN}{who}: {md(target)}",
            "",
            f"*Made with pmopath on {view.as_of.isoformat()} · {view.hours_per_week:g} hours a week · "
            "month 1 is the month of this plan*",
            "",
            "## Summary",
            "",
            *self._summary_lines(
                view, (f"- **Estimated to meet the target's requirements in:** {view.ready_text}",)
            ),
            "",
            "## Timeline",
            "",
        ]
        if view.charts:
            lines += [*timeline(view), "", f"*{words.CHART_NOTE}*", ""]
        lines += [f"- **{m.label}:** {md(m.text)}" for m in view.milestones]
        ready = words.ready_when(view.ready_label, view.ready_in_months)
        lines += [f"- **{ready}:** {words.READY_FOR}{md(target)}", ""]
        for phase in view.phases:  # headings without dates: their links do not change
            lines += [f"## {phase.title}", "", f"*{phase.start_label} to {phase.end_label}*", ""]
            for it in phase.items:
                if it.mode == "milestone":
                    continue  # in the timeline
                span = it.start_label
                if it.end_month != it.start_month:
                    span += f" to {it.end_label}"
                title = words.plan_title(it.title, it.form)
                # a paragraph in the item: a line break every renderer reads the same
                lines += [f"- **{md(title)}** ({effort_words(it)}, {span})", ""]
                refs = ", ".join(cite(c) for c in view.cited if c.id in it.sources)
                lines += [f"  *Why:* {md(it.why)}" + (f" ({refs})" if refs else ""), ""]
        if view.cut_items:
            lines += [
                f"*{view.cut_items} later items are beyond the {view.horizon}-month horizon.*",
                "",
            ]
        lines += self._table_lines(view)
        if view.star_seeds:
            lines += ["", f"## {words.STAR_SEEDS}", "", "From your own evidence notes:", ""]
            lines += [f"- **{md(s.competency)}:** {md(s.evidence)}" for s in view.star_seeds]
        if view.cited:
            lines += ["", f"## {words.SOURCES}", ""]
            for c in view.cited:  # a list, not footnotes: every renderer shows it in place
                by = f", {md(c.publisher)}" if c.publisher else ""
                where = f": {link(c.url)}" if c.url else ""
                lines.append(f"- **{md(c.label)}** {md(c.title)}{by}{where}")
        return doc(lines)


def _needs(action: DevelopmentAction) -> str:
    """ " (needs PMO work; until then: ...)" after a context action's title; else nothing."""
    if action.context is None:
        return ""
    doable = action.doable.title if action.doable else None
    return f" ({md(words.action_needs(action.context.label, doable))})"
