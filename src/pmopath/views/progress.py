"""``pmopath progress``: one person's saved assessments side by side against one target,
each summarised on its own day: readiness, requirements met, the ready month, and each
competency's level at every assessment."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, NamedTuple

from pmopath.base.months import month_label, months_apart
from pmopath.engine.summary import Summary
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import Profile
from pmopath.views.base import View


class ProgressPoint(Model):
    id: str
    day: str  # "YYYY-MM-DD": the day its figures are for (its own day)
    assessed_at: str  # "YYYY-MM-DD HH:MM" (UTC), or "" when unknown
    target_role_name: str | None  # the target this assessment itself named
    readiness: float  # against the compared target
    competencies_met: int
    competencies_total: int
    experience_met: int
    experience_total: int
    certifications_held: int
    certifications_recommended: int
    ready_month: str | None  # "YYYY-MM" as estimated that day; None: not estimated
    ready_now: bool = False


class CompetencyTrend(Model):
    id: str
    name: str
    required: int | None  # the target's level (None: rated but not required)
    levels: tuple[int | None, ...]  # one per assessment, oldest first; None: not assessed


class ProgressView(View):
    kind: ClassVar[str] = "progress"
    compared_role: str  # the target every assessment is compared against
    target_role_name: str
    points: tuple[ProgressPoint, ...]  # oldest first
    competencies: tuple[CompetencyTrend, ...]  # in framework order
    readiness_change: float  # last minus first
    ready_change_months: int | None  # last against first; positive: later


class Assessment(NamedTuple):
    """One saved assessment as the command line summarised it against the compared target."""

    id: str
    profile: Profile
    as_of: dt.date  # its own day
    summary: Summary


def _point(fw: Framework, a: Assessment) -> ProgressPoint:
    s, p = a.summary, a.profile
    ready = s.ready_in_months
    return ProgressPoint.model_construct(
        id=a.id,
        day=a.as_of.isoformat(),
        assessed_at=p.assessed_at.strftime("%Y-%m-%d %H:%M") if p.assessed_at else "",
        target_role_name=None if p.target_role is None else fw.role_name(p.target_role),
        readiness=s.readiness,
        competencies_met=s.competencies_met,
        competencies_total=s.competencies_total,
        experience_met=s.experience_met,
        experience_total=s.experience_total,
        certifications_held=s.certifications_held,
        certifications_recommended=s.certifications_recommended,
        ready_month=None if ready is None else month_label(a.as_of, max(ready, 1)),
        ready_now=ready == 0,
    )


def _trends(fw: Framework, target: str, saved: list[Assessment]) -> tuple[CompetencyTrend, ...]:
    required = {cid: rc.level for cid, rc in fw.role_by_id[target].competencies.items()}
    rated = {cid for a in saved for cid, r in a.profile.ratings.items() if r.level is not None}
    rows = []
    for _, comp in fw.in_order():
        if comp.id not in required and comp.id not in rated:
            continue
        levels = tuple(
            r.level if (r := a.profile.ratings.get(comp.id)) is not None else None for a in saved
        )
        rows.append(
            CompetencyTrend.model_construct(
                id=comp.id, name=comp.name, required=required.get(comp.id), levels=levels
            )
        )
    return tuple(rows)


def progress_view(fw: Framework, target: str, saved: list[Assessment]) -> ProgressView:
    """``saved``: at least one assessment, oldest first, each summarised against ``target``."""
    points = tuple(_point(fw, a) for a in saved)
    first, last = points[0], points[-1]
    months = None
    if first.ready_now and last.ready_now:
        months = 0
    elif first.ready_month is not None and last.ready_month is not None:
        months = months_apart(first.ready_month, last.ready_month)
    return ProgressView.model_construct(
        compared_role=target,
        target_role_name=fw.role_name(target),
        points=points,
        competencies=_trends(fw, target, saved),
        readiness_change=round(last.readiness - first.readiness, 4),
        ready_change_months=months,
    )
