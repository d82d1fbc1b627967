"""Views of a person's results: a saved profile, the gap analysis and the roadmap."""

import datetime as dt
from typing import Any, ClassVar

from pmopath.base.text import capital, count, duration, month_label, percent
from pmopath.engine.planning import Plan, PlanItem
from pmopath.engine.scoring import CompetencyGap, Score
from pmopath.engine.worktime import ASSUMED_RECENT, WorkRecord, as_month, covered
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind, Model, TrainingTopic
from pmopath.model.profile import (
    EXPERIENCE_FIELDS,
    Profile,
    profile_to_data,
    shown_fields,
    shown_value,
)
from pmopath.views.base import Ref, View, status_text
from pmopath.views.wording import missing_texts

# --------------------------------------------------------------- a profile


class Labelled(Model):
    label: str
    value: str


class HeldRef(Ref):
    year: int | None


class RatingRow(Model):
    id: str
    name: str
    domain_name: str | None  # None: the framework no longer has this competency
    level: int | None  # None: not sure (unassessed)
    evidence: str | None


class ProfileView(View):
    kind: ClassVar[str] = "profile"
    id: str | None
    profile: dict[str, Any]  # the profile file's own data (README, "Profile format")
    warnings: tuple[str, ...]
    title: str  # the person's name, or "Assessment"
    assessed_at: str | None  # "YYYY-MM-DD HH:MM UTC"
    current_role_name: str
    target_role_name: str | None
    background: tuple[Labelled, ...]
    positions: "tuple[PositionRow, ...]"  # the work history, as of the view's date
    certifications: tuple[HeldRef, ...]
    ratings: tuple[RatingRow, ...]  # by domain; unknown competencies last


class PositionRow(Model):
    title: str
    role_name: str | None
    start: str
    end: str | None  # None: current
    months: int
    kinds: tuple[str, ...]  # labels


def position_rows(fw: Framework, profile: Profile, as_of: dt.date) -> tuple[PositionRow, ...]:
    now = as_month(as_of)
    rows = []
    for p in profile.positions:
        rows.append(
            PositionRow.model_construct(
                title=p.title,
                role_name=None if p.role is None else fw.role_name(p.role),
                start=p.start,
                end=p.end,
                months=len(covered(p, now)),
                kinds=tuple(k.label for k in p.kinds),
            )
        )
    return tuple(rows)


def background(profile: Profile, as_of: dt.date) -> tuple[Labelled, ...]:
    """Experience by kind (union of the positions, or the years given), training, then
    each titled profile field, as a person reads them."""
    work = WorkRecord(profile, as_of)
    rows = []
    for kind in EXPERIENCE_FIELDS:
        have = work.count(kind)
        if kind is ExperienceKind.program_portfolio and not profile.experience.years(kind):
            continue  # only a version-1 profile gives the two together
        how = " (years given, not dates)" if have.undated and have.months else ""
        rows.append(
            Labelled.model_construct(label=capital(kind.label), value=duration(have.months) + how)
        )
    training = profile.training
    given = [
        f"{count(getattr(training, t.value), 'hour')} {t.label}"
        for t in TrainingTopic
        if getattr(training, t.value)
    ]
    rows.append(Labelled.model_construct(label="Training", value=", ".join(given) or "none"))
    rows += [
        Labelled.model_construct(
            label=str(Profile.model_fields[name].title), value=shown_value(profile, name)
        )
        for name in shown_fields()
    ]
    return tuple(rows)


def rating_rows(fw: Framework, profile: Profile) -> tuple[RatingRow, ...]:
    ratings = profile.ratings
    rows = [
        RatingRow.model_construct(
            id=comp.id,
            name=comp.name,
            domain_name=domain.name,
            level=ratings[comp.id].level,
            evidence=ratings[comp.id].evidence,
        )
        for domain, comp in fw.in_order()
        if comp.id in ratings
    ]
    rows += [
        RatingRow.model_construct(
            id=key, name=key, domain_name=None, level=r.level, evidence=r.evidence
        )
        for key, r in ratings.items()
        if key not in fw.competency_by_id
    ]
    return tuple(rows)


def profile_view(
    fw: Framework, ident: str | None, profile: Profile, warnings: list[str], as_of: dt.date
) -> ProfileView:
    target = profile.target_role
    return ProfileView.model_construct(
        id=ident,
        profile=profile_to_data(profile),
        warnings=tuple(warnings),
        title=profile.name or "Assessment",
        assessed_at=None
        if profile.assessed_at is None
        else f"{profile.assessed_at:%Y-%m-%d %H:%M} UTC",
        current_role_name=fw.role_name(profile.current_role),
        target_role_name=None if target is None else fw.role_name(target),
        background=background(profile, as_of),
        positions=position_rows(fw, profile, as_of),
        certifications=tuple(
            HeldRef.model_construct(id=c.id, name=fw.cert_name(c.id), year=c.year)
            for c in profile.certifications
        ),
        ratings=rating_rows(fw, profile),
    )


# ------------------------------------------------------------------- gaps


class GapRow(CompetencyGap):
    domain_name: str
    position: int  # the competency's place in the framework (domain by domain), for tables


class ExperienceRow(Model):
    kind: str
    label: str
    current_years: float
    required_years: float
    gap_months: int
    assumed_recent: bool  # from undated years (no positions)


class CertRow(Model):
    id: str
    name: str
    status: str  # held | eligible | not-yet-eligible | blocked
    status_text: str  # "eligible in 3 months"
    eligible_in_months: int | None
    missing: tuple[str, ...]
    route: str | None
    assumptions: tuple[str, ...]
    recommended_by: tuple[str, ...]


class NextStep(Ref):
    readiness: float


class GapView(View):
    kind: ClassVar[str] = "gap"
    name: str | None  # the person's
    current_role: str
    target_role: str
    role_names: dict[str, str]  # every role on the path, by ID
    path: tuple[str, ...]
    path_note: str | None
    readiness: float
    next_role: str | None
    next_role_readiness: float | None
    next_step: NextStep | None  # the next role when it is not the target itself
    competencies: tuple[GapRow, ...]  # most urgent first
    unassessed: tuple[str, ...]  # names of required competencies not rated
    strengths: tuple[str, ...]  # names of required competencies already at or above the level
    experience: tuple[ExperienceRow, ...]
    assumptions: tuple[str, ...]  # every assumption behind the figures, with what it affects
    certifications: tuple[CertRow, ...]
    explanation: tuple[str, ...] | None  # with --explain
    #: What is met of each kind of requirement: competencies [met, total], experience
    #: [met, total], certifications [held, recommended by the target].
    requirements_met: dict[str, tuple[int, int]]
    months_short: int  # the largest experience shortfall
    as_of: dt.date
    ready_in_months: int | None
    ready_label: str | None  # YYYY-MM
    headline: (
        str  # "Competencies 58% · experience 0 of 2 met (60 months short) · ready around 2031-06"
    )

    def json_exclude(self) -> set[str]:
        return {"explanation"} if self.explanation is None else set()


def requirements_met(fw: Framework, score: Score) -> dict[str, tuple[int, int]]:
    target = fw.role_by_id[score.target_role]
    held = {c.eligibility.id for c in score.certifications if c.eligibility.status == "held"}
    return {
        "competencies": (
            sum(1 for g in score.competencies if not g.gap),
            len(score.competencies),
        ),
        "experience": (
            sum(1 for e in score.experience if not e.gap_months),
            len(score.experience),
        ),
        "certifications": (
            sum(1 for c in target.certifications if c in held),
            len(target.certifications),
        ),
    }


def headline(
    score: Score, ready: int | None, as_of: dt.date, certs: tuple[int, int] = (0, 0)
) -> str:
    """Competency readiness, experience and certifications met, and the ready month."""
    parts = [f"Competencies {percent(round(score.readiness, 4))}"]
    if score.experience:
        met = sum(1 for e in score.experience if not e.gap_months)
        short = max(e.gap_months for e in score.experience)
        text = f"experience {met} of {len(score.experience)} met"
        parts.append(text + (f" ({count(short, 'month')} short)" if short else ""))
    if certs[1]:
        parts.append(f"recommended certifications {certs[0]} of {certs[1]} held")
    if ready is None:
        parts.append("ready: not estimated")
    elif ready == 0:
        parts.append("ready now")
    else:
        parts.append(f"ready around {month_label(as_of, ready)}")
    return " · ".join(parts)


def gap_fields(
    fw: Framework,
    score: Score,
    name: str | None,
    explain: bool,
    *,
    ready: int | None,
    as_of: dt.date,
) -> dict[str, Any]:
    """The fields a gap view and a roadmap view share."""
    next_step = None
    if score.next_role and score.next_role != score.target_role:
        assert score.next_role_readiness is not None
        next_step = NextStep.model_construct(
            id=score.next_role,
            name=fw.role_name(score.next_role),
            readiness=round(score.next_role_readiness, 4),
        )
    explanation = None
    if explain:
        explanation = score.explanation
    return {
        "name": name,
        "current_role": score.current_role,
        "target_role": score.target_role,
        "role_names": {
            r: fw.role_name(r) for r in (score.current_role, *score.path, score.target_role)
        },
        "path": score.path,
        "path_note": score.path_note,
        "readiness": round(score.readiness, 4),
        "next_role": score.next_role,
        "next_role_readiness": None
        if score.next_role_readiness is None
        else round(score.next_role_readiness, 4),
        "next_step": next_step,
        "competencies": tuple(
            GapRow.model_construct(
                **dict(g),
                domain_name=fw.domain_by_id[g.domain].name,
                position=fw.position(g.id),
            )
            for g in score.competencies
        ),
        "unassessed": tuple(g.name for g in score.competencies if g.current is None),
        "strengths": strengths(score),
        "experience": experience_rows(score),
        "assumptions": assumptions(fw, score),
        "requirements_met": requirements_met(fw, score),
        "months_short": max((e.gap_months for e in score.experience), default=0),
        "as_of": as_of,
        "ready_in_months": ready,
        "ready_label": month_label(as_of, ready) if ready else None,
        "headline": headline(score, ready, as_of, requirements_met(fw, score)["certifications"]),
        "certifications": cert_rows(fw, score),
        "explanation": explanation,
    }


def strengths(score: Score) -> tuple[str, ...]:
    """Required competencies the person already meets, the most important first."""
    order = {"core": 0, "important": 1, "useful": 2}
    met = [g for g in score.competencies if g.current is not None and g.gap == 0 and g.required]
    met.sort(key=lambda g: (order[g.importance.value], -(g.current or 0), g.name))
    return tuple(g.name for g in met)


def assumptions(fw: Framework, score: Score) -> tuple[str, ...]:
    """Every assumption behind the results, once, with what it affects."""
    found: dict[str, list[str]] = {}
    if any(e.assumed_recent for e in score.experience):
        found.setdefault(ASSUMED_RECENT, []).append(fw.role_name(score.target_role))
    for c in score.certifications:
        for a in c.eligibility.assumptions:
            found.setdefault(a, []).append(fw.cert_name(c.eligibility.id))
    return tuple(f"{a} ({', '.join(dict.fromkeys(names))})" for a, names in found.items())


def experience_rows(score: Score) -> tuple[ExperienceRow, ...]:
    return tuple(
        ExperienceRow.model_construct(**dict(e), label=ExperienceKind(e.kind).label)
        for e in score.experience
    )


def cert_rows(fw: Framework, score: Score) -> tuple[CertRow, ...]:
    rows = []
    for c in score.certifications:
        el = c.eligibility
        rows.append(
            CertRow.model_construct(
                id=el.id,
                name=fw.cert_name(el.id),
                status=el.status,
                status_text=status_text(el.status, el.eligible_in_months),
                eligible_in_months=el.eligible_in_months,
                missing=missing_texts(el.missing, fw),
                route=el.route,
                assumptions=el.assumptions,
                recommended_by=c.recommended_by,
            )
        )
    return tuple(rows)


def gap_view(
    fw: Framework,
    score: Score,
    name: str | None,
    explain: bool,
    *,
    ready: int | None,
    as_of: dt.date,
) -> GapView:
    return GapView.model_construct(**gap_fields(fw, score, name, explain, ready=ready, as_of=as_of))


# ---------------------------------------------------------------- roadmap


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


class Milestone(Model):
    """A dated point of the plan: a move, experience reached, a certification's eligibility."""

    month: int
    label: str  # YYYY-MM
    text: str


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
    summarised_from: int  # the first month the terminal shows summarised (unless --all)
    later: tuple[LaterRow, ...]  # the items from that month on, per competency
    show_all: bool  # --all: every item in full

    def json_exclude(self) -> set[str]:
        return super().json_exclude() | {"later", "show_all", "summarised_from"}


def ready_text(months: int | None, as_of: dt.date) -> str:
    if months is None:
        return "not estimated"
    if months == 0:
        return "now: you meet the target's requirements"
    years_part = f" (about {months / 12:.1f} years)" if months >= 12 else ""
    return f"{count(months, 'month')}{years_part}, by {month_label(as_of, months)}"


SUMMARISED_FROM = 13  # "1-2 years" and later are summarised in the terminal


def milestones(fw: Framework, plan: Plan, items: list[PlanItem]) -> tuple[Milestone, ...]:
    """Moves and experience reached (from the items), and each planned certification's
    eligibility month when it lies ahead: the month after the later of the rule's own
    estimate and the plan's last step toward it (its training hours, say), so the date
    agrees with the plan."""
    as_of = plan.as_of
    found = []
    for it in items:
        if it.mode == "milestone":
            found.append((it.end_month, it.title))
    status = {c.eligibility.id: c.eligibility for c in plan.score.certifications}
    certs = [it for it in items if it.kind == "certification" and it.ref]
    exams = [it for it in certs if it.step == "exam"]
    steps_done: dict[str | None, int] = {}  # per certification: its other items' last month
    for it in certs:
        if it not in exams:
            steps_done[it.ref] = max(steps_done.get(it.ref, 0), it.end_month)
    for it in exams:
        if it.ref:
            el = status.get(it.ref)
            if el is not None and el.eligible_in_months:
                month = max(el.eligible_in_months, steps_done.get(it.ref, 0)) + 1
                found.append((month, f"Eligible for {fw.cert_name(it.ref)}"))
            found.append((it.end_month, f"Sit {fw.cert_name(it.ref)}"))
    found.sort(key=lambda m: m[0])
    return tuple(
        Milestone.model_construct(month=m, label=month_label(as_of, m), text=t) for m, t in found
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
            hours=round(sum(i.effort_hours for i in group if i.mode == "study"), 1),
            job_months=sum(
                i.end_month - i.start_month + 1 for i in group if i.mode == "on-the-job"
            ),
            start_label=month_label(plan.as_of, min(i.start_month for i in group)),
            end_label=month_label(plan.as_of, max(i.end_month for i in group)),
        )
        for name, group in groups.items()
    )


def roadmap_view(
    fw: Framework, plan: Plan, explain: bool, *, show_all: bool = False
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
        **gap_fields(fw, plan.score, plan.name, explain, ready=ready, as_of=as_of),
        hours_per_week=plan.hours_per_week,
        ready_text=ready_text(ready, as_of),
        horizon=plan.horizon,
        cut_items=plan.cut_items,
        phases=phases,
        star_seeds=tuple(
            StarSeed.model_construct(competency=c, evidence=e) for c, e in plan.star_seeds
        ),
        milestones=milestones(fw, plan, items),
        summarised_from=SUMMARISED_FROM,
        later=later_rows(fw, plan, items),
        show_all=show_all,
    )


def summary_lines(view: RoadmapView) -> list[str]:
    """The three-line readiness summary shown after an assessment is saved."""
    target = view.role_names[view.target_role]
    line = f"Competency readiness for {target}: {percent(view.readiness)}"
    if view.next_step is not None:
        line += f" (next step, {view.next_step.name}: {percent(view.next_step.readiness)})"
    lines = [line]
    gaps = [g for g in view.competencies if g.gap][:3]
    if gaps:
        lines.append(
            "Biggest gaps: " + "; ".join(f"{g.name} {g.current or 0}→{g.required}" for g in gaps)
        )
    lines.append(f"{view.headline} (at {view.hours_per_week:g} h/week)")
    return lines


# ------------------------------------------------------------- comparison


class TargetRow(Model):
    """One target role of a side-by-side comparison."""

    id: str
    name: str
    path: tuple[str, ...]  # role names, current first
    readiness: float  # competency readiness
    experience_met: int
    experience_total: int
    months_short: int  # the largest experience shortfall, in months
    certifications_held: int
    certifications_recommended: int
    ready_in_months: int | None
    ready_label: str | None  # YYYY-MM


class ComparisonView(View):
    kind: ClassVar[str] = "comparison"
    name: str | None
    current_role: str
    current_role_name: str
    as_of: dt.date
    hours_per_week: float
    targets: tuple[TargetRow, ...]


def comparison_view(
    fw: Framework,
    profile: Profile,
    targets: list[str],
    hours_per_week: float | None,
    as_of: dt.date,
) -> ComparisonView:
    """Several target roles side by side: readiness, requirements met, the month ready."""
    from pmopath.engine.planning import plan
    from pmopath.engine.scoring import score

    rows = []
    hpw = hours_per_week or 0.0
    for target in targets:
        result = score(profile, fw, target, hours_per_week=hours_per_week, as_of=as_of)
        hpw = result.hours_per_week
        ready = plan(result, profile, fw, as_of=as_of).ready_in_months
        recommended = [c for c in result.certifications if c.recommended_by]
        rows.append(
            TargetRow.model_construct(
                id=result.target_role,
                name=fw.role_name(result.target_role),
                path=tuple(fw.role_name(r) for r in result.path),
                readiness=round(result.readiness, 4),
                experience_met=sum(1 for e in result.experience if not e.gap_months),
                experience_total=len(result.experience),
                months_short=max((e.gap_months for e in result.experience), default=0),
                certifications_held=sum(1 for c in recommended if c.eligibility.status == "held"),
                certifications_recommended=len(recommended),
                ready_in_months=ready,
                ready_label=month_label(as_of, ready) if ready else None,
            )
        )
    current = fw.role(profile.current_role).id
    return ComparisonView.model_construct(
        name=profile.name,
        current_role=current,
        current_role_name=fw.role_name(current),
        as_of=as_of,
        hours_per_week=hpw,
        targets=tuple(rows),
    )
