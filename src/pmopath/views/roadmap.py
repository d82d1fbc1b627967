"""The roadmap as every format shows it: the gap view, plus the plan's phases, milestones, what comes later and the stories to prepare."""

import datetime as dt
import re
from typing import ClassVar, Literal

from pmopath.base.months import month_label
from pmopath.base.text import count, first_few, percent
from pmopath.engine.schedule import Plan, PlanItem
from pmopath.engine.summary import Summary
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model, source_label
from pmopath.views.results import GapView, gap_fields


class ItemRow(PlanItem):
    start_label: str  # YYYY-MM
    end_label: str


class PhaseRow(Model):
    title: str
    start_month: int
    end_month: int
    start_label: str
    end_label: str
    items: tuple[ItemRow, ...]


class StarSeed(Model):
    competency: str
    evidence: str


MilestoneKind = Literal["move", "experience", "eligible", "exam"]


class Milestone(Model):
    """A dated point of the plan: a move, experience reached, a certification's eligibility."""

    month: int
    label: str  # YYYY-MM
    text: str
    short: str  # the same in few words, for a chart ("Sit PMI-PMOCP")
    kind: MilestoneKind


class Cited(Model):
    """A source a plan item's why rests on, as a reader opens it."""

    id: str
    label: str  # "S100", or "pmopath estimate"
    title: str
    publisher: str | None
    url: str | None


class LaterRow(Model):
    """Later work summarised per competency (or kind of item)."""

    name: str
    items: int
    hours: float  # study hours
    job_months: int  # months of on-the-job work
    start_label: str
    end_label: str


class RoadmapView(GapView):
    kind: ClassVar[str] = "roadmap"
    hours_per_week: float
    ready_text: str  # "102 months (about 8.5 years), by 2035-04"
    horizon: int | None
    cut_items: int
    phases: tuple[PhaseRow, ...]
    star_seeds: tuple[StarSeed, ...]
    milestones: tuple[Milestone, ...]  # moves, experience reached, eligibility, in month order
    cited: tuple[Cited, ...] = ()  # the sources the items' reasons rest on, in first-cited order
    summarised_from: int  # the first month the terminal shows summarised (unless --all)
    later: tuple[LaterRow, ...]  # the items from that month on, per competency
    show_all: bool  # --all: every item in full
    charts: bool = True  # markdown: draw the Mermaid timeline (--no-charts leaves it out)

    def json_exclude(self) -> set[str]:
        return super().json_exclude() | {"later", "show_all", "summarised_from", "charts"}


def ready_text(months: int | None, as_of: dt.date) -> str:
    if months is None:
        return "not estimated"
    if months == 0:
        return "now: you meet the target's requirements"
    years_part = f" (about {months / 12:.1f} years)" if months >= 18 else ""  # never "1.0 years"
    return f"{count(months, 'month')}{years_part}, by {month_label(as_of, months)}"


SUMMARISED_FROM = 4  # after the next 90 days, the terminal summarises per competency


def milestones(fw: Framework, plan: Plan, items: list[PlanItem]) -> tuple[Milestone, ...]:
    """Moves and experience reached (from the items), and each planned certification's
    eligibility month when it lies ahead: the month after the later of the rule's own
    estimate and the plan's last step toward it (its training hours, say), so the date
    agrees with the plan."""
    as_of = plan.as_of
    found: list[tuple[int, str, str, MilestoneKind]] = []

    def short(cert_id: str) -> str:
        return fw.certification_by_id[cert_id].short_name or fw.cert_name(cert_id)

    for it in items:
        if it.mode == "milestone":
            kind: MilestoneKind = "move" if it.kind == "role" else "experience"
            found.append((it.end_month, it.title, re.sub(r"\s*\([^()]*\)$", "", it.title), kind))
    status = {c.eligibility.id: c.eligibility for c in plan.score.certifications}
    certs = [it for it in items if it.kind == "certification" and it.ref]
    exams = [it for it in certs if it.step == "exam"]
    steps_done: dict[str | None, int] = {}  # per certification: its other items' last month
    for it in certs:
        if it not in exams:
            steps_done[it.ref] = max(steps_done.get(it.ref, 0), it.end_month)
    for it in items:  # courses whose hours its training rule counts
        for cert_id in it.counts_toward:
            steps_done[cert_id] = max(steps_done.get(cert_id, 0), it.end_month)
    sat = {it.ref: it.end_month for it in exams}
    for cert_id, needs in status.items():  # a certification it needs first, sat in the plan
        for m in needs.missing:
            if m.kind == "certification" and m.certification in sat:
                steps_done[cert_id] = max(steps_done.get(cert_id, 0), sat[m.certification])
    for it in exams:
        if it.ref:
            el = status.get(it.ref)
            if el is not None and el.eligible_in_months:
                month = max(el.eligible_in_months, steps_done.get(it.ref, 0)) + 1
                name = fw.cert_name(it.ref)
                found.append(
                    (month, f"Eligible for {name}", f"Eligible for {short(it.ref)}", "eligible")
                )
            found.append(
                (it.end_month, f"Sit {fw.cert_name(it.ref)}", f"Sit {short(it.ref)}", "exam")
            )
    found.sort(key=lambda m: m[0])
    return tuple(
        Milestone.model_construct(month=m, label=month_label(as_of, m), text=t, short=s, kind=k)
        for m, t, s, k in found
    )


def cited(fw: Framework, items: list[PlanItem]) -> tuple[Cited, ...]:
    """The sources the items cite, each once, in the order first cited."""
    found = fw.sources
    ids = dict.fromkeys(sid for it in items for sid in it.sources if sid in found)
    return tuple(
        Cited.model_construct(
            id=sid,
            label=source_label(sid),
            title=found[sid].title,
            publisher=found[sid].publisher,
            url=found[sid].url,
        )
        for sid in ids
    )


def later_rows(fw: Framework, plan: Plan, items: list[PlanItem]) -> tuple[LaterRow, ...]:
    groups: dict[str, list[PlanItem]] = {}
    for it in items:
        if it.start_month < SUMMARISED_FROM or it.mode == "milestone":
            continue
        if it.kind == "competency" and it.ref in fw.competency_by_id:
            name = fw.competency_name(it.ref)
        else:
            name = {"certification": "Certifications", "application": "The move"}.get(
                it.kind, "Other"
            )
        groups.setdefault(name, []).append(it)
    return tuple(
        LaterRow.model_construct(
            name=name,
            items=len(group),
            hours=round(sum(i.effort_hours for i in group if i.mode in ("study", "course")), 1),
            job_months=sum(
                i.end_month - i.start_month + 1 for i in group if i.mode == "on-the-job"
            ),
            start_label=month_label(plan.as_of, min(i.start_month for i in group)),
            end_label=month_label(plan.as_of, max(i.end_month for i in group)),
        )
        for name, group in groups.items()
    )


def roadmap_view(
    fw: Framework,
    plan: Plan,
    summary: Summary,
    explain: bool,
    *,
    show_all: bool = False,
    charts: bool = True,
) -> RoadmapView:
    as_of = plan.as_of
    items = [it for ph in plan.phases for it in ph.items]

    def item(it: PlanItem) -> ItemRow:
        return ItemRow.model_construct(
            **dict(it),
            start_label=month_label(as_of, it.start_month),
            end_label=month_label(as_of, it.end_month),
        )

    phases = tuple(
        PhaseRow.model_construct(
            title=ph.title,
            start_month=ph.start_month,
            end_month=ph.end_month,
            start_label=month_label(as_of, ph.start_month),
            end_label=month_label(as_of, ph.end_month),
            items=tuple(item(it) for it in ph.items),
        )
        for ph in plan.phases
    )
    ready = plan.ready_in_months
    return RoadmapView.model_construct(
        **gap_fields(fw, plan, summary, explain),
        hours_per_week=plan.hours_per_week,
        ready_text=ready_text(ready, as_of),
        horizon=plan.horizon,
        cut_items=plan.cut_items,
        phases=phases,
        star_seeds=tuple(
            StarSeed.model_construct(competency=c, evidence=e) for c, e in plan.star_seeds
        ),
        milestones=milestones(fw, plan, items),
        cited=cited(fw, items),
        summarised_from=SUMMARISED_FROM,
        later=later_rows(fw, plan, items),
        show_all=show_all,
        charts=charts,
    )


def summary_lines(view: RoadmapView) -> list[str]:
    """The readiness summary shown after an assessment is saved (three lines, and a fourth
    naming what was not assessed, with how to add it)."""
    target = view.role_names[view.target_role]
    line = f"Competency readiness for {target}: {percent(view.readiness)}"
    if view.next_step is not None:
        line += f" (next step, {view.next_step.name}: {percent(view.next_step.readiness)})"
    lines = [line]
    open_ = [g for g in view.competencies if g.gap]  # most urgent first (priority)
    # largest first: weight x levels short, the more important on a tie
    biggest = sorted(open_, key=lambda g: (-g.weight * g.gap, -g.weight, g.position))[:3]
    if biggest:
        lines.append(
            "Biggest gaps: " + "; ".join(f"{g.name} {g.current or 0}→{g.required}" for g in biggest)
        )
    if open_ and open_[0] not in biggest:
        first = open_[0]
        lines.append(
            f"Most urgent (needed first on your path): {first.name} "
            f"{first.current or 0}→{first.required}"
        )
    lines.append(f"{view.headline} (at {view.hours_per_week:g} h/week)")
    if view.unassessed:
        n = len(view.unassessed)
        lines.append(
            f"Not assessed: {count(n, 'competency')} {target} requires ({first_few(view.unassessed)}); they are left"
            " out of readiness and the plan until you rate them: `pmopath assess` (without"
            " --quick) asks every one, with today's answers as the defaults"
        )
    return lines
