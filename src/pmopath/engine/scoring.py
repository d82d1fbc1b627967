"""Gap scoring (pure; no I/O, no printing).

Formulas (also in README, "How scoring works"):

* importance weight: core 3, important 2, useful 1;
* gap = max(0, required - current) for an assessed competency; one not rated is unknown:
  no gap, not met, left out of readiness, and the plan asks to rate it;
* readiness = 1 - sum(weight * gap) / sum(weight * required), over the target's
  assessed competencies (1.0 when nothing assessed is required);
* priority = weight * gap * (1 + n), where n counts the stepping-stone roles on
  the path (before the target) that already need the competency above your
  current level: foundations you need soon come first;
* the path is the one with the earliest estimated month the target's requirements
  are met, experience included (see :mod:`pmopath.engine.paths`); ties go to the path whose
  stepping stones are the smallest total weighted gap for you, then alphabetically.
"""

import datetime as dt
import math

from pmopath.base.text import count
from pmopath.engine.eligibility import DEFAULT_HOURS_PER_WEEK, WEEKS_PER_MONTH, Eligibility, checker
from pmopath.engine.paths import Loses, PathOption, choose_path
from pmopath.engine.readiness import WEIGHTS, readiness_for
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import Importance, Model, Role
from pmopath.model.profile import Profile

#: The weekly hours at which choices (the path, certifications, the plan's order) are made.
REFERENCE_HOURS = 4.0


class CompetencyGap(Model):
    id: str
    name: str
    domain: str
    current: int | None
    required: int
    gap: int
    importance: Importance
    weight: int
    path_need: int  # stepping-stone roles that need it above the current level
    priority: float


class ExperienceGap(Model):
    kind: str
    current_years: float
    required_years: float
    gap_months: int
    assumed_recent: bool = False  # the figure comes from undated years, not positions
    current_months: int = 0  # the same as whole months, as people say it ("7 years 3 months")
    required_months: int = 0


class CertificationStatus(Model):
    eligibility: Eligibility
    recommended_by: tuple[str, ...]


class Score(Model):
    current_role: str
    target_role: str
    path: tuple[str, ...]
    path_note: str | None
    readiness: float
    next_role: str | None
    next_role_readiness: float | None
    competencies: tuple[CompetencyGap, ...]
    experience: tuple[ExperienceGap, ...]
    certifications: tuple[CertificationStatus, ...]
    hours_per_week: float
    explanation: tuple[str, ...]
    paths_considered: tuple[PathOption, ...] = ()  # every way in, the chosen one first


def score(
    profile: Profile,
    fw: Framework,
    target: str | None = None,
    *,
    hours_per_week: float | None = None,
    as_of: dt.date,
) -> Score:
    """Score a profile against a target role (default: the profile's own target).

    ``as_of`` dates the work history and eligibility: only the command line reads the clock.
    """
    target_id = fw.role(target or profile.target_role or profile.current_role).id
    current_id = fw.role(profile.current_role).id
    role = fw.role_by_id[target_id]
    hpw = hours_per_week or profile.hours_per_week or DEFAULT_HOURS_PER_WEEK
    work = WorkRecord(profile, as_of)
    # The path is chosen at reference hours: which way up the ladder is quickest does not
    # hinge on this quarter's time (and more hours never change the way, only the pace).
    choice = choose_path(
        fw, profile, work, current_id, target_id, REFERENCE_HOURS * WEEKS_PER_MONTH
    )
    path, path_note = choice.path, choice.note
    gaps = competency_gaps(fw, profile, role, path)
    readiness, gap_total, need_total = readiness_for(profile, role)
    next_role = path[1] if len(path) > 1 else None
    next_ready = None if next_role is None else readiness_for(profile, fw.role_by_id[next_role])[0]
    return Score(
        current_role=current_id,
        target_role=target_id,
        path=path,
        path_note=path_note,
        readiness=readiness,
        next_role=next_role,
        next_role_readiness=next_ready,
        competencies=gaps,
        experience=experience_gaps(work, role),
        certifications=certification_statuses(fw, profile, path, hpw, as_of),
        hours_per_week=hpw,
        # the paths' lines are added with the plan's ready month (engine.summary.summarise)
        explanation=explain(target_id, gaps, (readiness, gap_total, need_total), path_note),
        paths_considered=choice.considered,
    )


def competency_gaps(
    fw: Framework, profile: Profile, role: Role, path: tuple[str, ...]
) -> tuple[CompetencyGap, ...]:
    """Each competency the role requires, most urgent first."""
    stones = [fw.role_by_id[r] for r in path[1:-1]]
    order = {c.id: i for i, c in enumerate(fw.competencies)}
    gaps = []
    for comp_id, req in role.competencies.items():
        comp = fw.competency_by_id[comp_id]
        level = profile.level(comp_id)
        have = 0 if level is None else level
        gap = 0 if level is None else max(0, req.level - have)  # unassessed: unknown
        weight = WEIGHTS[req.importance]
        need = sum(
            1 for s in stones if comp_id in s.competencies and s.competencies[comp_id].level > have
        )
        gaps.append(
            CompetencyGap(
                id=comp_id,
                name=comp.name,
                domain=comp.domain,
                current=level,
                required=req.level,
                gap=gap,
                importance=req.importance,
                weight=weight,
                path_need=need,
                priority=weight * gap * (1 + need),
            )
        )
    gaps.sort(key=lambda g: (-g.priority, -g.weight, -g.gap, order[g.id]))
    return tuple(gaps)


def experience_gaps(work: WorkRecord, role: Role) -> tuple[ExperienceGap, ...]:
    """Each kind of experience the role asks for, with the shortfall in whole months."""
    out = []
    for req in role.experience:
        have = work.count(req.kind) if work.records(req.kind) else None
        months = 0 if have is None else have.months
        out.append(
            ExperienceGap(
                kind=req.kind.value,
                current_years=round(months / 12, 2),
                required_years=req.years,
                gap_months=max(0, math.ceil(round(req.years * 12, 6)) - months),
                assumed_recent=bool(have and have.undated),
                current_months=months,
                required_months=math.ceil(round(req.years * 12, 6)),
            )
        )
    return tuple(out)


def certification_statuses(
    fw: Framework,
    profile: Profile,
    path: tuple[str, ...],
    hours_per_week: float,
    as_of: dt.date,
) -> tuple[CertificationStatus, ...]:
    """Certifications the target and stepping stones recommend, and those held."""
    recommended: dict[str, list[str]] = {}
    for role_id in (path[-1], *reversed(path[1:-1])):
        for cert_id in fw.role_by_id[role_id].certifications:
            recommended.setdefault(cert_id, []).append(role_id)
    for held in profile.certifications:
        recommended.setdefault(held.id, [])
    check = checker(fw, profile, hours_per_week, as_of)
    return tuple(
        CertificationStatus(
            eligibility=check.check(fw.certification_by_id[cid])
            if cid in fw.certification_by_id
            else Eligibility(id=cid, status="held", eligible_in_months=0),
            recommended_by=tuple(by),
        )
        for cid, by in recommended.items()
    )


#: Why a way in lost, worded once (an ``also considered`` line ends with it).
LOSES = {
    Loses.later: "not chosen: ready later",
    Loses.larger_gap: "not chosen: ready the same month, more to learn on the way",
    Loses.alphabetical: "not chosen: a tie, settled by role name",
    Loses.cannot_earn: "not chosen: it cannot earn the experience the target asks",
    Loses.back_to_delivery: (
        "not chosen: it sends you from a PMO role back into delivery, which pmopath"
        " does not plan for a PMO target"
    ),
}


def paths_explained(
    options: tuple[PathOption, ...], *, chosen_ready: int | None
) -> tuple[str, ...]:
    """The paths considered, the chosen one first, each with its estimate and why.

    The chosen path's line gives the plan's ready month (``chosen_ready``), the figure
    every other line of the output gives; the others give the path search's estimate, which
    only compares paths.
    """
    lines = []
    for i, option in enumerate(options):
        if i == 0:
            ready = (
                "ready month not estimated"
                if chosen_ready is None
                else f"the plan is ready in {count(chosen_ready, 'month')}"
            )
        elif option.ready_months is None:
            ready = "cannot be ready"
        else:
            ready = f"estimated ready in about {count(option.ready_months, 'month')}"
        head = "chosen" if i == 0 else "also considered"
        why = f"; {LOSES[option.loses]}" if option.loses else ""
        lines.append(
            f"{head}: {' -> '.join(option.path)}: {ready}, stepping-stone gap "
            f"{option.stepping_gap} ({option.note}){why}"
        )
    return tuple(lines)


def explain(
    target_id: str,
    gaps: tuple[CompetencyGap, ...],
    totals: tuple[float, int, int],
    path_note: str | None,
) -> tuple[str, ...]:
    """How the numbers were computed, one sentence a line."""
    readiness, gap_total, need_total = totals
    lines = [
        "readiness = 1 - sum(weight x gap) / sum(weight x required), weights core 3, important 2, useful 1, "
        "over the competencies assessed (one not rated is unknown and left out)",
        f"readiness for {target_id} = 1 - {gap_total}/{need_total} = {readiness:.3f}",
        "priority = weight x gap x (1 + stepping stones on the path that need it above your level)",
    ]
    unrated = [g.id for g in gaps if g.current is None]
    if unrated:
        lines.append(f"not assessed, left out: {', '.join(unrated)}")
    for g in gaps:
        if g.gap:
            current = str(g.current)
            lines.append(
                f"{g.id}: {current} -> {g.required} ({g.importance.value}); weighted gap {g.weight} x {g.gap} = "
                f"{g.weight * g.gap}; priority {g.weight} x {g.gap} x (1 + {g.path_need}) = {g.priority:g}"
            )
    if path_note:
        lines.append(f"path: {path_note}")
    else:
        lines.append(
            "path: the earliest estimated month the target's requirements are met (experience"
            " counts only from a role that earns it); ties to the smaller weighted gap of the"
            " stepping stones, then alphabetically"
        )
    return tuple(lines)
