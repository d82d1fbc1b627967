"""Views of a person's results: a saved profile, the gap analysis and the roadmap."""

import datetime as dt
from typing import Any, ClassVar

from pmopath.base.months import month_label
from pmopath.base.text import count, percent
from pmopath.engine.schedule import Binding, Plan
from pmopath.engine.scoring import CompetencyGap, Score
from pmopath.engine.summary import Summary
from pmopath.engine.worktime import ASSUMED_RECENT
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind, Model
from pmopath.model.profile import (
    Profile,
)
from pmopath.views.base import Ref, View, renewal_fields, status_text
from pmopath.views.wording import eligible_when, missing_texts, what_sets_the_date

# --------------------------------------------------------------- a profile


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
    current_months: int = 0  # whole months: shown as "7 years 3 months", never "7.25 years"
    required_months: int = 0


class CertRow(Model):
    id: str
    name: str
    status: str  # held | eligible | not-yet-eligible | blocked
    status_text: str  # "eligible in 3 months"
    eligible_in_months: int | None  # None when not yet eligible: no month can be promised
    eligible_when: str | None  # why there is no month, or what it counts from, in words
    missing: tuple[str, ...]
    route: str | None
    assumptions: tuple[str, ...]
    recommended_by: tuple[str, ...]
    after_move: str | None = None  # dated from the plan's move into this role (an ID)
    unchecked: tuple[str, ...] = ()  # what the status rests on that pmopath cannot check
    #: a listed credential's standing: current | lapsed | unknown | no-rule (None: not listed)
    renewal: str | None = None
    renewal_due: int | None = None  # current: when it next falls due; unknown: the point passed


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
    ready_set_by: tuple[Binding, ...]  # the requirements whose last work ends that month
    what_sets_the_date: str | None  # them in words, and whether more hours would move it
    headline: (
        str  # "Competencies 58% · experience 0 of 2 met (60 months short) · ready around 2031-06"
    )

    def json_exclude(self) -> set[str]:
        return {"explanation"} if self.explanation is None else set()


def headline(summary: Summary, as_of: dt.date) -> str:
    """Competency readiness, experience and certifications met, and the ready month."""
    parts = [f"Competencies {percent(summary.readiness)}"]
    unrated = summary.competencies_total - summary.competencies_assessed
    if unrated:
        parts[0] += f" of {summary.competencies_assessed} assessed ({unrated} not assessed)"
    if summary.experience_total:
        short = summary.months_short
        text = f"experience {summary.experience_met} of {summary.experience_total} met"
        parts.append(text + (f" ({count(short, 'month')} short)" if short else ""))
    if summary.certifications_recommended:
        parts.append(
            f"recommended certifications {summary.certifications_held} of "
            f"{summary.certifications_recommended} held"
        )
    ready = summary.ready_in_months
    if ready is None:
        parts.append("ready: not estimated")
    elif ready == 0:
        parts.append("ready now")
    else:
        parts.append(f"ready around {month_label(as_of, ready)}")
    return " · ".join(parts)


def gap_fields(fw: Framework, result: Plan, summary: Summary, explain: bool) -> dict[str, Any]:
    """The fields a gap view and a roadmap view share."""
    score, as_of, ready = result.score, result.as_of, summary.ready_in_months
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
        "name": result.name,
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
        "requirements_met": summary.requirements_met,
        "months_short": summary.months_short,
        "as_of": as_of,
        "ready_in_months": ready,
        "ready_label": month_label(as_of, ready) if ready else None,
        "headline": headline(summary, as_of),
        "ready_set_by": summary.ready_set_by,
        "what_sets_the_date": what_sets_the_date(summary, fw),
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
        when = eligible_when(el, fw)
        rows.append(
            CertRow.model_construct(
                id=el.id,
                name=fw.cert_name(el.id),
                status=el.status,
                status_text=status_text(
                    el.status, el.eligible_in_months, when, el.unchecked, el.renewal
                ),
                eligible_in_months=el.eligible_in_months,
                eligible_when=when,
                missing=missing_texts(el.missing, fw),
                route=el.route,
                assumptions=el.assumptions,
                recommended_by=c.recommended_by,
                after_move=el.after_move,
                unchecked=el.unchecked,
                **renewal_fields(el.renewal),
            )
        )
    return tuple(rows)


def gap_view(fw: Framework, result: Plan, summary: Summary, explain: bool) -> GapView:
    return GapView.model_construct(**gap_fields(fw, result, summary, explain))


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
    summaries: list[Summary],
    hours_per_week: float,
    as_of: dt.date,
) -> ComparisonView:
    """Several target roles side by side: readiness, requirements met, the month ready."""
    rows = []
    for s in summaries:
        ready = s.ready_in_months
        rows.append(
            TargetRow.model_construct(
                id=s.target_role,
                name=fw.role_name(s.target_role),
                path=tuple(fw.role_name(r) for r in s.path),
                readiness=s.readiness,
                experience_met=s.experience_met,
                experience_total=s.experience_total,
                months_short=s.months_short,
                certifications_held=s.certifications_held,
                certifications_recommended=s.certifications_recommended,
                ready_in_months=ready,
                ready_label=month_label(as_of, ready) if ready else None,
            )
        )
    hpw = hours_per_week
    current = fw.role(profile.current_role).id
    # the deciding figure first: the soonest ready first, those with no month last
    rows.sort(key=lambda r: (r.ready_in_months is None, r.ready_in_months or 0))
    return ComparisonView.model_construct(
        name=profile.name,
        current_role=current,
        current_role_name=fw.role_name(current),
        as_of=as_of,
        hours_per_week=hpw,
        targets=tuple(rows),
    )
