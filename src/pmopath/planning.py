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
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pmopath.eligibility import WEEKS_PER_MONTH, eligibility
from pmopath.framework import Framework
from pmopath.models import (
    STEPS,
    ActionKind,
    Certification,
    ExperienceKind,
    Importance,
    Model,
    StandingAction,
)
from pmopath.profile import Profile
from pmopath.scoring import CompetencyGap, Score
from pmopath.text import count

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
    study_hours_by_month: tuple[float, ...] = ()  # hours of study placed in month 1, 2, ...


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
    reaches: int = 0  # competency actions: the level they complete
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
    """The dated plan for a score: items built step by step, then scheduled and phased."""
    planner = _Planner(score, profile, fw)
    planner.add_standing_start()
    planner.add_competencies()
    planner.add_recommended_certifications()
    planner.add_experience()
    planner.add_stepping_stones()
    planner.add_the_move()
    capacity = score.hours_per_week * WEEKS_PER_MONTH
    scheduled, used = _schedule(planner.items, capacity)
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
    ready_parts = [it.end for it in scheduled if it.kind in ("competency", "experience", "role")]
    months = max(used, default=0)
    return Plan(
        score=score,
        as_of=as_of,
        name=profile.name,
        hours_per_week=score.hours_per_week,
        ready_in_months=max(ready_parts, default=0),
        horizon=horizon,
        cut_items=len(plan_items) - len(kept),
        phases=_phases(kept),
        star_seeds=planner.star_seeds(),
        study_hours_by_month=tuple(round(used.get(m, 0.0), 6) for m in range(1, months + 1)),
    )


def _phases(items: list[PlanItem]) -> tuple[Phase, ...]:
    phases = []
    for start, end, title in PHASES:
        in_phase = sorted(
            (p for p in items if p.start_month >= start and (end is None or p.start_month <= end)),
            key=lambda p: (p.start_month, p.rank),
        )
        if in_phase:
            last = end if end is not None else max(p.end_month for p in in_phase)
            phases.append(
                Phase(title=title, start_month=start, end_month=last, items=tuple(in_phase))
            )
    return tuple(phases)


def fill(template: str, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders from ``values``; anything else is left as written."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def _why(action: StandingAction) -> str:
    return action.why + (f" ({', '.join(action.sources)})" if action.sources else "")


class _Planner:
    """Builds the plan's items, one kind of item per step (see :func:`plan`)."""

    def __init__(self, score: Score, profile: Profile, fw: Framework) -> None:
        self.score, self.profile, self.fw = score, profile, fw
        self.items: dict[str, _Item] = {}
        self.target = fw.role_by_id[score.target_role]
        self.held = profile.held()
        self.status = {c.eligibility.id: c.eligibility for c in score.certifications}
        self.gaps = {g.id: g for g in score.competencies}
        self.roles_ahead = [fw.role_by_id[r] for r in score.path[1:]] or [self.target]
        self.last_stage = len(self.roles_ahead) - 1
        self.actions = fw.competencies_file.plan_actions
        self.core = [g for g in score.competencies if g.importance is Importance.core]
        ahead = fw.role_by_id[score.next_role or score.target_role]
        self.values = {
            "next_role": ahead.name,
            "target_role": self.target.name,
            "core_competencies": ", ".join(fw.competency_by_id[g.id].name for g in self.core[:4]),
        }

    def add(self, item: _Item) -> None:
        self.items.setdefault(item.key, item)

    def stage_of(self, comp_id: str, level: int) -> int:
        """The first role on the path that needs ``comp_id`` at ``level`` or more."""
        for i, role in enumerate(self.roles_ahead):
            req = role.competencies.get(comp_id)
            if req is not None and req.level >= level:
                return i
        return self.last_stage

    def standing(self, key: str, action: StandingAction, **extra: Any) -> _Item:
        title = fill(action.title, self.values)
        why = _why(action)
        if action.unless is not None:
            name = self.fw.competency_name(action.unless.competency).lower()
            why = f"your {name} is below level {action.unless.level}; {why}"
        return _Item(key, extra.pop("kind", "network"), None, title, action.hours, 0, why, **extra)

    # ----------------------------------------------------------- the steps

    def add_standing_start(self) -> None:
        """Mentoring and community come first: they pay off over the whole plan."""
        if self.actions is None:
            return
        for key, action in (("mentor", self.actions.mentor), ("community", self.actions.community)):
            cond = action.unless
            if cond is not None and (self.profile.level(cond.competency) or 0) >= cond.level:
                continue
            item = self.standing(f"network:{key}", action, stage=-1)
            item.priority = FIRST
            self.add(item)

    def add_competencies(self) -> None:
        """Development actions for every step of every gap, each after the step before."""
        for gap in self.score.competencies:
            if not gap.gap:
                continue
            previous: list[str] = []
            for level in range(gap.current or 0, gap.required):
                keys = self.add_step(gap, level, previous)
                previous = keys or previous

    def add_step(self, gap: CompetencyGap, level: int, previous: list[str]) -> list[str]:
        comp = self.fw.competency_by_id[gap.id]
        step = STEPS[level]
        current = "unassessed" if gap.current is None else str(gap.current)
        why = (
            f"{comp.name}: you are at {current}, {self.target.name} needs {gap.required} "
            f"({gap.importance.value}, priority {gap.priority:g}); step {step.replace('-', '→')}"
        )
        if gap.path_need:
            why += f"; needed first by {count(gap.path_need, 'stepping stone')} on your path"
        stage = self.stage_of(gap.id, level + 1)
        keys = []
        for i, action in enumerate(comp.actions.get(step, ())):
            if action.kind is ActionKind.certification and action.certification:
                if action.certification in self.held:
                    continue
                key = self.add_cert(action.certification, f"evidences {comp.name}", stage)
                if key is None:
                    continue
                deps = self.items[key].deps
                deps.extend(d for d in previous if d not in deps)
            else:
                key = f"comp:{gap.id}:{step}:{i}"
                self.add(
                    _Item(
                        key,
                        "competency",
                        gap.id,
                        action.title,
                        action.hours,
                        gap.priority,
                        why,
                        deps=list(previous),
                        stage=stage,
                        reaches=level + 1,
                    )
                )
            keys.append(key)
        return keys

    def cert_priority(self, cert_id: str) -> float:
        cert = self.fw.certification_by_id[cert_id]
        gaps = self.gaps
        evidenced = [gaps[c].priority for c in cert.evidences if c in gaps and gaps[c].gap]
        bonus = 1 if cert_id in self.target.certifications else 0
        return max(evidenced, default=1) + bonus

    def add_cert(self, cert_id: str, reason: str, stage: int) -> str | None:
        """A certification item (and its prerequisite chain); None if it cannot be planned."""
        fw = self.fw
        if cert_id in self.held or cert_id not in fw.certification_by_id:
            return None
        elig = self.status.get(cert_id)
        if elig is None:
            cert = fw.certification_by_id[cert_id]
            elig = eligibility(fw, cert, self.profile, self.score.hours_per_week)
            self.status[cert_id] = elig
        if elig.status in ("blocked", "held") or elig.eligible_in_months is None:
            return None
        key = f"cert:{cert_id}"
        if key in self.items:
            return key
        cert = fw.certification_by_id[cert_id]
        deps = self.cert_prerequisites(cert, elig.route, stage)
        effort = (cert.study.min_hours + cert.study.max_hours) / 2
        when = (
            "eligible now"
            if elig.eligible_in_months == 0
            else f"eligible in {count(elig.eligible_in_months, 'month')}"
        )
        study = f"{cert.study.min_hours:g}-{cert.study.max_hours:g} h"
        self.add(
            _Item(
                key,
                "certification",
                cert_id,
                f"Prepare for and pass {cert.name}",
                effort,
                self.cert_priority(cert_id),
                f"{reason}; {when} ({elig.route}); study {study}",
                deps=deps,
                earliest=elig.eligible_in_months + 1,
                stage=stage,
            )
        )
        return key

    def cert_prerequisites(
        self, cert: Certification, route_name: str | None, stage: int
    ) -> list[str]:
        """Items for the certifications and training the chosen route asks for first."""
        route = next((r for r in cert.prerequisites.routes if r.name == route_name), None)
        if route is None:
            return []
        deps = []
        for first in route.certifications:
            dep = self.add_cert(first, f"needed before {cert.name}", stage)
            if dep:
                deps.append(dep)
        training = route.training
        have = self.profile.training_hours
        if (
            training is not None
            and not self.held & set(training.waived_by)
            and training.hours > have
        ):
            short = training.hours - have
            key = f"training:{cert.id}"
            self.add(
                _Item(
                    key,
                    "certification",
                    cert.id,
                    f"Complete {short:g} more hours of {training.topic} (for {cert.name})",
                    short,
                    self.cert_priority(cert.id),
                    f"{cert.name} asks for {training.hours:g} hours; you have {have:g}",
                    stage=stage,
                )
            )
            deps.append(key)
        return deps

    def add_recommended_certifications(self) -> None:
        """For the target and each stepping stone, the first recommended one that can be planned."""
        for stage, role in enumerate(self.roles_ahead):
            for cert_id in role.certifications:
                if cert_id in self.held:
                    break
                if self.add_cert(cert_id, f"recommended for {role.name}", stage):
                    break

    def add_experience(self) -> None:
        """Experience milestones: calendar time, not study hours."""
        for exp in self.score.experience:
            if exp.gap_months <= 0:
                continue
            label = ExperienceKind(exp.kind).label
            self.add(
                _Item(
                    f"experience:{exp.kind}",
                    "experience",
                    exp.kind,
                    f"Build {count(exp.gap_months, 'more month')} of {label} (to {count(exp.required_years, 'year')})",
                    0,
                    0,
                    f"{self.target.name} asks for {count(exp.required_years, 'year')}; you have {exp.current_years:g}",
                    calendar_end=exp.gap_months,
                )
            )

    def add_stepping_stones(self) -> None:
        """Each stepping-stone role, after the development its requirements need."""
        path = self.score.path
        for role_id in path[1:-1]:
            role = self.fw.role_by_id[role_id]
            deps = [
                k
                for k, it in self.items.items()
                if it.kind == "competency"
                and it.ref in role.competencies
                and it.reaches <= role.competencies[it.ref].level
            ]
            self.add(
                _Item(
                    f"role:{role_id}",
                    "role",
                    role_id,
                    f"Move into a {role.name} role (stepping stone)",
                    0,
                    0,
                    "on your path "
                    + " → ".join(path)
                    + "; experience there counts toward the target",
                    deps=deps,
                    stage=path.index(role_id) - 1,
                )
            )

    def add_the_move(self) -> None:
        """The move itself, once the requirements are met: résumé, STAR stories, applications."""
        if self.actions is None:
            return
        before = [
            k for k, it in self.items.items() if it.kind in ("competency", "experience", "role")
        ]
        stage = self.last_stage + 1
        steps = (
            ("apply:resume", self.actions.resume, before),
            ("apply:star", self.actions.star_stories, ["apply:resume"]),
            ("apply:apply", self.actions.apply, ["apply:star"]),
        )
        for key, action, deps in steps:
            item = self.standing(key, action, kind="application", deps=list(deps), stage=stage)
            if key == "apply:star" and self.star_seeds():
                item.why += "; start from your own evidence notes (listed in the plan)"
            self.add(item)

    def star_seeds(self) -> tuple[tuple[str, str], ...]:
        """(competency name, the person's evidence note) for the target's core competencies."""
        ratings = self.profile.ratings
        return tuple(
            (self.fw.competency_by_id[g.id].name, ratings[g.id].evidence or "")
            for g in self.core
            if g.id in ratings and ratings[g.id].evidence
        )


def _schedule(items: dict[str, _Item], capacity: float) -> tuple[list[_Item], dict[int, float]]:
    """Place items in months; returns them in scheduling (rank) order, and the hours used a month."""
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
    return order, used
