"""The development roadmap (pure; no I/O, no printing).

Items come from the data: the development actions for each step between the
current and the required level of every gap, the certifications the target and
the stepping stones recommend (each after its prerequisites and not before the
month it becomes eligible), experience milestones, the stepping-stone roles,
mentoring and networking, and finally the move itself (résumé, STAR stories,
applications).

Scheduling: month 1 is the current month. Each month holds
``hours_per_week x 52 / 12`` hours. Items are taken stage by stage along the
path (what the next role needs comes before what only the target needs:
foundations first), by priority within a stage (ties by kind, then by the order
they were made), and fill the earliest months that their dependencies and
eligibility allow.
Calendar milestones (experience, role moves) take no study hours. The same input
gives the same plan.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Literal

from pmopath.eligibility import WEEKS_PER_MONTH, eligibility
from pmopath.framework import Framework
from pmopath.models import STEPS, ActionKind, ExperienceKind, Importance, Model
from pmopath.profile import Profile
from pmopath.render.text import EXPERIENCE_LABEL
from pmopath.scoring import Score

Kind = Literal["competency", "certification", "experience", "role", "network", "application"]
KIND_ORDER = {
    "network": 0,
    "certification": 1,
    "competency": 2,
    "experience": 3,
    "role": 4,
    "application": 5,
}
FIRST = math.inf  # mentoring and networking start at once
PHASES = (
    (1, 3, "Next 90 days"),
    (4, 12, "3-12 months"),
    (13, 24, "1-2 years"),
    (25, None, "Later"),
)


class PlanItem(Model):
    rank: int
    kind: Kind
    ref: str | None
    title: str
    effort_hours: float
    start_month: int
    end_month: int
    why: str


class Phase(Model):
    title: str
    start_month: int
    end_month: int
    items: tuple[PlanItem, ...]


class Plan(Model):
    score: Score
    as_of: dt.date
    name: str | None
    hours_per_week: float
    ready_in_months: int | None
    horizon: int | None
    cut_items: int
    phases: tuple[Phase, ...]
    star_seeds: tuple[tuple[str, str], ...]  # (competency name, the person's evidence note)


@dataclass
class _Item:
    key: str
    kind: Kind
    ref: str | None
    title: str
    effort: float
    priority: float
    why: str
    deps: list[str] = field(default_factory=list)
    earliest: int = 1
    stage: int = 0  # index of the first role on the path that needs it
    calendar_end: int | None = None  # milestones: the month they complete
    start: int = 0
    end: int = 0


def plan(
    score: Score,
    profile: Profile,
    fw: Framework,
    *,
    as_of: dt.date,
    horizon: int | None = None,
) -> Plan:
    items: dict[str, _Item] = {}
    target = fw.role_by_id[score.target_role]
    held = profile.held()
    status = {c.eligibility.id: c.eligibility for c in score.certifications}
    gaps = {g.id: g for g in score.competencies}

    roles_ahead = [fw.role_by_id[r] for r in score.path[1:]] or [target]
    last_stage = len(roles_ahead) - 1

    def stage_of(comp_id: str, level: int) -> int:
        """The first role on the path that needs ``comp_id`` at ``level`` or more."""
        for i, role in enumerate(roles_ahead):
            req = role.competencies.get(comp_id)
            if req is not None and req.level >= level:
                return i
        return last_stage

    def add(item: _Item) -> None:
        items.setdefault(item.key, item)

    def cert_priority(cert_id: str) -> float:
        cert = fw.certification_by_id[cert_id]
        evidenced = [gaps[c].priority for c in cert.evidences if c in gaps and gaps[c].gap]
        bonus = 1 if cert_id in target.certifications else 0
        return max(evidenced, default=1) + bonus

    def add_cert(cert_id: str, reason: str, stage: int) -> str | None:
        """A certification item (and its prerequisite chain); None if it cannot be planned."""
        if cert_id in held or cert_id not in fw.certification_by_id:
            return None
        elig = status.get(cert_id)
        if elig is None:
            elig = eligibility(fw, fw.certification_by_id[cert_id], profile, score.hours_per_week)
            status[cert_id] = elig
        if elig.status in ("blocked", "held") or elig.eligible_in_months is None:
            return None
        key = f"cert:{cert_id}"
        if key in items:
            return key
        cert = fw.certification_by_id[cert_id]
        route = next((r for r in cert.prerequisites.routes if r.name == elig.route), None)
        deps: list[str] = []
        if route is not None:
            for first in route.certifications:
                dep = add_cert(first, f"needed before {cert.name}", stage)
                if dep:
                    deps.append(dep)
            if route.training is not None and not held & set(route.training.waived_by):
                short = route.training.hours - profile.training_hours
                if short > 0:
                    tkey = f"training:{cert_id}"
                    add(
                        _Item(
                            tkey,
                            "certification",
                            cert_id,
                            f"Complete {short:g} more hours of {route.training.topic} (for {cert.name})",
                            short,
                            cert_priority(cert_id),
                            f"{cert.name} asks for {route.training.hours:g} hours; you have {profile.training_hours:g}",
                            stage=stage,
                        )
                    )
                    deps.append(tkey)
        effort = (cert.study.min_hours + cert.study.max_hours) / 2
        when = (
            "eligible now"
            if elig.eligible_in_months == 0
            else f"eligible in {elig.eligible_in_months} months"
        )
        add(
            _Item(
                key,
                "certification",
                cert_id,
                f"Prepare for and pass {cert.name}",
                effort,
                cert_priority(cert_id),
                f"{reason}; {when} ({elig.route}); study {cert.study.min_hours:g}-{cert.study.max_hours:g} h",
                deps=deps,
                earliest=elig.eligible_in_months + 1,
                stage=stage,
            )
        )
        return key

    # Mentoring and networking come first: they pay off over the whole plan.
    ahead = fw.role_by_id[score.next_role or score.target_role]
    add(
        _Item(
            "network:mentor",
            "network",
            None,
            f"Find a mentor who works as {ahead.name} or above, and meet monthly",
            12,
            FIRST,
            "mentoring and chapter communities are where people learn the next role's work (S100, S98)",
            stage=-1,
        )
    )
    if (profile.level("networking") or 0) < 2:
        add(
            _Item(
                "network:community",
                "network",
                None,
                "Join a PMI chapter or local PMO community and attend its next event",
                4,
                FIRST,
                "your networking is below level 2; communities bring mentors, roles and ideas (S100, S102)",
                stage=-1,
            )
        )

    # Competency development, step by step.
    for gap in score.competencies:
        if not gap.gap:
            continue
        comp = fw.competency_by_id[gap.id]
        have = gap.current or 0
        previous: list[str] = []
        for level in range(have, gap.required):
            step = STEPS[level]
            keys = []
            for i, action in enumerate(comp.actions.get(step, ())):
                current = "unassessed" if gap.current is None else str(gap.current)
                why = (
                    f"{comp.name}: you are at {current}, {target.name} needs {gap.required} "
                    f"({gap.importance.value}, priority {gap.priority:g}); step {step.replace('-', '→')}"
                )
                if gap.path_need:
                    why += f"; {gap.path_need} stepping stone(s) need it first"
                if action.kind is ActionKind.certification and action.certification:
                    if action.certification in held:
                        continue
                    key = add_cert(
                        action.certification, f"evidences {comp.name}", stage_of(gap.id, level + 1)
                    )
                    if key is None:
                        continue
                    items[key].deps.extend(d for d in previous if d not in items[key].deps)
                    keys.append(key)
                    continue
                key = f"comp:{gap.id}:{step}:{i}"
                add(
                    _Item(
                        key,
                        "competency",
                        gap.id,
                        action.title,
                        action.hours,
                        gap.priority,
                        why,
                        deps=list(previous),
                        stage=stage_of(gap.id, level + 1),
                    )
                )
                keys.append(key)
            previous = keys or previous

    # Certifications the target and the stepping stones recommend: the first that can be planned.
    for stage, role in enumerate(roles_ahead):
        for cert_id in role.certifications:
            if cert_id in held:
                break
            if add_cert(cert_id, f"recommended for {role.name}", stage):
                break

    # Experience milestones (calendar time, not study hours).
    for exp in score.experience:
        if exp.gap_months <= 0:
            continue
        label = EXPERIENCE_LABEL[ExperienceKind(exp.kind)]
        add(
            _Item(
                f"experience:{exp.kind}",
                "experience",
                exp.kind,
                f"Build {exp.gap_months} more months of {label} (to {exp.required_years:g} years)",
                0,
                0,
                f"{target.name} asks for {exp.required_years:g} years; you have {exp.current_years:g}",
                calendar_end=exp.gap_months,
            )
        )

    # Stepping-stone roles: after the development their requirements need.
    for role_id in score.path[1:-1]:
        role = fw.role_by_id[role_id]
        deps = [
            k
            for k, it in items.items()
            if it.kind == "competency"
            and it.ref in role.competencies
            and int(k.split(":")[2].split("-")[1]) <= role.competencies[it.ref].level
        ]
        add(
            _Item(
                f"role:{role_id}",
                "role",
                role_id,
                f"Move into a {role.name} role (stepping stone)",
                0,
                0,
                "on your path "
                + " → ".join(score.path)
                + "; experience there counts toward the target",
                deps=deps,
                stage=score.path.index(role_id) - 1,
            )
        )

    # The move itself, once the requirements are met.
    core = [g for g in score.competencies if g.importance is Importance.core]
    seeds = tuple(
        (fw.competency_by_id[g.id].name, profile.ratings[g.id].evidence or "")
        for g in core
        if g.id in profile.ratings and profile.ratings[g.id].evidence
    )
    before_move = [k for k, it in items.items() if it.kind in ("competency", "experience", "role")]
    core_names = ", ".join(fw.competency_by_id[g.id].name for g in core[:4])
    add(
        _Item(
            "apply:resume",
            "application",
            None,
            f"Tailor your résumé to {target.name}: lead with outcomes in {core_names}",
            4,
            0,
            "hiring managers read for the target role's core competencies first",
            deps=before_move,
            stage=last_stage + 1,
        )
    )
    star_why = "one story per core competency: situation, task, action, result"
    if seeds:
        star_why += "; start from your own evidence notes (listed in the plan)"
    add(
        _Item(
            "apply:star",
            "application",
            None,
            f"Prepare STAR stories (situation, task, action, result) for {target.name}'s core competencies",
            6,
            0,
            star_why,
            deps=["apply:resume"],
            stage=last_stage + 1,
        )
    )
    add(
        _Item(
            "apply:apply",
            "application",
            None,
            f"Apply for {target.name} roles and tell your network and mentor you are looking",
            4,
            0,
            "the plan's requirements are met by now",
            deps=["apply:star"],
            stage=last_stage + 1,
        )
    )

    scheduled = _schedule(items, score.hours_per_week * WEEKS_PER_MONTH)
    ready_parts = [it.end for it in scheduled if it.kind in ("competency", "experience", "role")]
    ready = max(ready_parts, default=0)
    plan_items = [
        PlanItem(
            rank=rank,
            kind=it.kind,
            ref=it.ref,
            title=it.title,
            effort_hours=round(it.effort, 1),
            start_month=it.start,
            end_month=it.end,
            why=it.why,
        )
        for rank, it in enumerate(scheduled, 1)
    ]
    kept = [p for p in plan_items if horizon is None or p.start_month <= horizon]
    phases = []
    for start, end, title in PHASES:
        in_phase = sorted(
            (p for p in kept if p.start_month >= start and (end is None or p.start_month <= end)),
            key=lambda p: (p.start_month, p.rank),
        )
        if in_phase:
            last = end if end is not None else max(p.end_month for p in in_phase)
            phases.append(
                Phase(title=title, start_month=start, end_month=last, items=tuple(in_phase))
            )
    return Plan(
        score=score,
        as_of=as_of,
        name=profile.name,
        hours_per_week=score.hours_per_week,
        ready_in_months=ready,
        horizon=horizon,
        cut_items=len(plan_items) - len(kept),
        phases=tuple(phases),
        star_seeds=seeds,
    )


def _schedule(items: dict[str, _Item], capacity: float) -> list[_Item]:
    """Place items in months; returns them in scheduling (rank) order."""
    used: dict[int, float] = {}
    done: dict[str, _Item] = {}
    sequence = {key: i for i, key in enumerate(items)}
    pending = dict(items)
    order: list[_Item] = []
    while pending:
        ready = [it for it in pending.values() if all(d in done or d not in items for d in it.deps)]
        if not ready:  # pragma: no cover - dependencies are built acyclic
            raise RuntimeError("plan dependencies form a cycle")
        item = min(
            ready, key=lambda it: (it.stage, -it.priority, KIND_ORDER[it.kind], sequence[it.key])
        )
        earliest = max([item.earliest, *(done[d].end for d in item.deps if d in done)])
        if item.calendar_end is not None:
            item.start, item.end = 1, max(item.calendar_end, earliest)
        elif item.effort <= 0:
            item.start = item.end = earliest
        else:
            month, left = earliest, item.effort
            start = 0
            while left > 1e-9:
                free = capacity - used.get(month, 0.0)
                if free > 1e-9:
                    take = min(free, left)
                    used[month] = used.get(month, 0.0) + take
                    left -= take
                    start = start or month
                if left > 1e-9:
                    month += 1
            item.start, item.end = start, month
        done[item.key] = item
        order.append(item)
        del pending[item.key]
    return order
