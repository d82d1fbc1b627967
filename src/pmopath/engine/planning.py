"""The development roadmap (pure; no I/O, no printing).

Items come from the data: the development actions for each step between the
current and the required level of every gap, the certifications the target and
the stepping stones recommend (chosen by value, each after its prerequisites and
not before the month it becomes eligible), experience milestones, the
stepping-stone moves, mentoring and networking, and finally the move itself
(résumé, STAR stories, applications).

The items are placed in months by :mod:`pmopath.engine.schedule`.

Order: mentoring and community first; then the target's largest weighted core gap
that the next role needs too and the most valuable certification the next role
recommends that you can sit now (so they start in the first months); then what the
next role needs before what only later roles need, by priority within a stage.
What the ready month needs comes first in the study hours; a certification only
recommended takes the hours left (see :mod:`pmopath.engine.schedule`). Experience counts only from the month you are in a
role that earns it. Items are numbered by their place in the plan. The same
input gives the same plan.
"""

import datetime as dt
import re
from typing import Any

from pmopath.base.text import count, first_few
from pmopath.engine.contexts import STRETCH_WHY, ContextSteps
from pmopath.engine.eligibility import WEEKS_PER_MONTH, Eligibility, checker
from pmopath.engine.paths import accrues
from pmopath.engine.plan_certs import CertificationSteps
from pmopath.engine.projection import dated_after_moves, with_dates
from pmopath.engine.schedule import Binding, Item, Plan, PlanItem, Step, phases_of, schedule
from pmopath.engine.scoring import REFERENCE_HOURS, CompetencyGap, Score
from pmopath.engine.why import step_why
from pmopath.engine.worktime import WorkRecord, is_current
from pmopath.model.catalog import Framework
from pmopath.model.framework import (
    STEPS,
    ActionKind,
    ActionMode,
    ExperienceKind,
    Importance,
    Role,
    StandingAction,
)
from pmopath.model.profile import Profile

PINNED = -1  # the stage of what starts at once: mentoring, the largest core gap, a cert


def plan(
    score: Score,
    profile: Profile,
    fw: Framework,
    *,
    as_of: dt.date,
    horizon: int | None = None,
) -> Plan:
    """The dated plan for a score: items built step by step, then scheduled and phased.

    A certification that only a stepping stone's experience makes possible is dated from
    the plan's move into it (:mod:`pmopath.engine.projection`): the plan is laid out once
    for the move months, then again with those certifications dated. They are only
    recommended, so the moves and the ready month stay as they were.
    """
    capacity = score.hours_per_week * WEEKS_PER_MONTH
    planner = _Planner.build(score, profile, fw, as_of)
    scheduled, used = schedule(planner.items, capacity)
    moves = [(fw.role_by_id[it.ref], it.end) for it in scheduled if it.step == "move" and it.ref]
    projected = dated_after_moves(fw, profile, score, moves, as_of)
    if projected:
        score = with_dates(score, projected)
        planner = _Planner.build(score, profile, fw, as_of, projected)
        scheduled, used = schedule(planner.items, capacity)
    # numbered by place in the plan; milestones (shown as a timeline) after the work
    placed = sorted(scheduled, key=_plan_order)
    plan_items = [
        PlanItem(
            rank=rank,
            kind=it.kind,
            step=it.step,
            mode=it.mode,
            ref=it.ref,
            title=it.title,
            effort_hours=round(it.effort, 1),
            start_month=it.start,
            end_month=it.end,
            priority=None if it.priority is None else round(it.priority, 2),
            why=it.why,
            why_short=it.short or it.why,
            alternatives=it.alternatives,
            counts_toward=tuple(it.toward),
            optional=it.optional,
            context=it.context,
            form=it.form,
            hours_per_month=_per_month(it),
            course=it.course,
            sources=it.sources,
        )
        for rank, it in enumerate(placed, 1)
    ]
    kept = [p for p in plan_items if horizon is None or p.start_month <= horizon]
    toward = [it for it in scheduled if _toward_ready(it)]
    ready = None if planner.unearned else max((it.end for it in toward), default=0)
    binding = {
        (b.kind, b.ref, b.mode): b
        for b in (_binding(it) for it in toward if ready and it.end == ready)
    }
    months = max(used, default=0)
    return Plan(
        score=score,
        as_of=as_of,
        name=profile.name,
        hours_per_week=score.hours_per_week,
        ready_in_months=ready,
        ready_set_by=tuple(binding.values()),
        unearned=tuple(planner.unearned),
        horizon=horizon,
        cut_items=len(plan_items) - len(kept),
        phases=phases_of(kept),
        star_seeds=planner.star_seeds(),
        study_hours_by_month=tuple(round(used.get(m, 0.0), 6) for m in range(1, months + 1)),
    )


def _per_month(it: Item) -> float | None:
    """A recurring light load's hours a month (mentoring over a year)."""
    if it.mode != "alongside" or not it.months:
        return None
    return round(it.effort / it.months, 2)


def _toward_ready(it: Item) -> bool:
    """Whether the ready month waits for an item: the competency work (an exam that is a
    competency's step included), the experience, the moves."""
    if it.step == "assess":
        return False
    return it.kind in ("competency", "experience", "role") or it.completes is not None


def _binding(it: Item) -> Binding:
    if it.completes is not None:
        return Binding(kind="competency", ref=it.completes, mode=it.mode)
    kind = "move" if it.kind == "role" else it.kind
    assert kind in ("competency", "experience", "move")
    return Binding(kind=kind, ref=it.ref, mode=it.mode)


def _plan_order(it: Item) -> tuple[bool, int, bool, int, int]:
    """Items by start month, milestones after the work; mentoring and community (alongside
    the rest) lead their month in the order they were made."""
    alongside = it.mode == "alongside"
    return (it.mode == "milestone", it.start, not alongside, 0 if alongside else it.end, it.seq)


def fill(template: str, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders from ``values``; anything else is left as written."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def same_title(title: str) -> str:
    """A title reduced to its words, to spot the same item twice."""
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))


class _Planner(ContextSteps, CertificationSteps):
    """Builds the plan's items, one kind of item per step (see :func:`plan`)."""

    @classmethod
    def build(
        cls,
        score: Score,
        profile: Profile,
        fw: Framework,
        as_of: dt.date,
        projected: dict[str, Eligibility] | None = None,
    ) -> "_Planner":
        """A planner with every step taken (see :func:`plan`)."""
        planner = cls(score, profile, fw, as_of, projected or {})
        planner.add_standing_start()
        planner.add_assessment()
        planner.add_competencies()
        planner.order_after()
        planner.add_recommended_certifications()
        planner.add_primary_certification()
        planner.add_stepping_stones()
        planner.add_experience()
        planner.pin_the_first_months()
        planner.plan_the_senior()
        planner.drop_outranked()
        planner.settle_alternatives()
        planner.tie_to_contexts()
        planner.add_the_move()
        planner.split_courses()
        planner.mark_optional()
        return planner

    def __init__(
        self,
        score: Score,
        profile: Profile,
        fw: Framework,
        as_of: dt.date,
        projected: dict[str, Eligibility],
    ) -> None:
        self.score, self.profile, self.fw = score, profile, fw
        self.projected = projected  # certifications dated from a planned move, by ID
        self.checker = checker(fw, profile, score.hours_per_week, as_of)
        # Choices and order come from the reference hours, so they are the same whatever
        # time a person has: more hours then only move items earlier (see schedule).
        self.reference = checker(fw, profile, REFERENCE_HOURS, as_of)
        self.work = WorkRecord(profile, as_of)
        self.items: dict[str, Item] = {}
        self.titles: set[str] = set()
        self.action_keys: dict[str, list[str]] = {}  # by action id, and by competency:step
        self.unearned: list[str] = []  # experience no role on the path earns
        self.target = fw.role_by_id[score.target_role]
        self.held = profile.held()
        self.status = {c.eligibility.id: c.eligibility for c in score.certifications}
        self.gaps = {g.id: g for g in score.competencies}
        self.roles_ahead = [fw.role_by_id[r] for r in score.path[1:]] or [self.target]
        self.stones = [fw.role_by_id[r] for r in score.path[1:-1]]
        self.last_stage = len(self.roles_ahead) - 1
        self.actions = fw.competencies_file.plan_actions
        self.core = [g for g in score.competencies if g.importance is Importance.core]
        ahead = fw.role_by_id[score.next_role or score.target_role]
        self.values = {
            "next_role": ahead.name,
            "target_role": self.target.name,
            "core_competencies": ", ".join(fw.competency_by_id[g.id].name for g in self.core[:4]),
        }

    def add(self, item: Item) -> bool:
        """Add an item unless it, or one of the same title, is already in the plan."""
        title = same_title(item.title)
        if item.key in self.items or (item.mode != "milestone" and title in self.titles):
            return False
        self.titles.add(title)
        item.seq = len(self.items)
        self.items[item.key] = item
        return True

    def step_priority(self, gap: CompetencyGap, level: int) -> float:
        """A step's place in the order: weight x the levels from this step to the required one
        x (1 + the stepping stones that need more than this step's level). It does not depend
        on the level a person is at, so a higher rating only takes the first steps away and
        never moves the rest later in the order."""
        need = sum(
            1
            for r in self.stones
            if gap.id in r.competencies and r.competencies[gap.id].level > level
        )
        return gap.weight * (gap.required - level) * (1 + need)

    def stage_of(self, comp_id: str, level: int) -> int:
        """The first role on the path that needs ``comp_id`` at ``level`` or more."""
        for i, role in enumerate(self.roles_ahead):
            req = role.competencies.get(comp_id)
            if req is not None and req.level >= level:
                return i
        return self.last_stage

    def standing(self, key: str, action: StandingAction, **extra: Any) -> Item:
        title = fill(action.title, self.values)
        why = action.why
        if action.unless is not None:
            name = self.fw.competency_name(action.unless.competency).lower()
            why = f"your {name} is below level {action.unless.level}; {why}"
        kind = extra.pop("kind", "network")
        step: Step = "apply" if kind == "application" else "network"
        if kind == "network":  # mentoring and community: beside the rest, never in the way
            extra.setdefault("mode", "alongside")
            extra.setdefault("months", action.months or 0)  # recurring over these months
        return Item(
            key,
            kind,
            step,
            None,
            title,
            effort=action.hours,
            why=why,
            short=action.why,
            sources=action.sources,
            **extra,
        )

    def accruing_move(self, kind: ExperienceKind) -> Role | bool | None:
        """True if the person earns ``kind`` now; else the first stone that earns it (or None)."""
        current = self.fw.role_by_id[self.score.current_role]
        if accrues(current, kind) or self.work.count(kind).growing:
            return True
        if any(accrues(self.fw.role_by_id[r], kind) for r in self.current_roles(main=False)):
            return True  # a part-time position earns its months too
        return next((r for r in self.stones if accrues(r, kind)), None)

    @property
    def held_roles(self) -> set[str]:
        """Ladder roles the person is in: those of the current main positions. A part-time
        or secondary position (``main: false``) is not the role, so its move is planned."""
        return self.current_roles(main=True)

    def current_roles(self, *, main: bool) -> set[str]:
        """Ladder roles of the current positions (``main``: the main ones only)."""
        return {
            p.role
            for p in self.profile.positions
            if p.role in self.fw.role_by_id
            and is_current(p, self.work.now)
            and (p.main or not main)
        }

    # ----------------------------------------------------------- the steps

    def add_standing_start(self) -> None:
        """Mentoring and community come first: they pay off over the whole plan."""
        if self.actions is None:
            return
        for key, action in (("mentor", self.actions.mentor), ("community", self.actions.community)):
            cond = action.unless
            if cond is not None and (self.profile.level(cond.competency) or 0) >= cond.level:
                continue
            self.add(self.standing(f"network:{key}", action, stage=PINNED - 2))

    def add_assessment(self) -> None:
        """One item to rate what was not assessed: no development is planned for a
        competency whose level is unknown (it may already be met)."""
        unrated = [g for g in self.score.competencies if g.current is None]
        if not unrated:
            return
        names = [g.name for g in unrated]
        self.add(
            Item(
                "assess",
                "competency",
                "assess",
                None,
                f"Rate the {count(len(names), 'competency')} not assessed yet: {first_few(names)}",
                effort=round(len(names) * 0.1, 1),  # a few minutes each with `pmopath assess`
                why=f"{self.target.name} requires them, but their levels are unknown, so "
                "nothing is planned for them; pmopath assess (without --quick) rates every one",
                short="levels unknown: rate them to plan them",
                stage=PINNED - 3,
            )
        )

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
        why = step_why(comp.name, level, gap, self.target, self.stones)
        short = f"{comp.name} {current}→{gap.required} · {gap.importance.value}"
        stage = self.stage_of(gap.id, level + 1)
        keys = []
        for i, action in enumerate(comp.actions.get(step, ())):
            if action.kind is ActionKind.certification and action.certification:
                if action.certification in self.held | set(self.projected):
                    continue  # held; or possible only after a move the step comes before
                if action.certification not in self.path_certifications():
                    continue  # no role on the path recommends it (plan_certs, rule 1)
                key = self.add_cert(action.certification, f"evidences {comp.name}", stage)
                if key is None:
                    continue
                exam = self.items[key]
                exam.completes = exam.completes or gap.id  # the step is done when it is passed
                exam.deps.extend(d for d in previous if d not in exam.deps)
                keys.append(key)
                self.action_keys.setdefault(f"{gap.id}:{step}", []).append(key)
                continue
            key = f"comp:{gap.id}:{step}:{i}"
            job = action.mode is ActionMode.on_the_job
            item = Item(
                key,
                "competency",
                "practice" if job else "learn",
                gap.id,
                action.title,
                effort=action.hours,
                priority=self.step_priority(gap, level),
                why=why,
                short=short,
                mode="on-the-job" if job else "study",
                deps=list(previous),
                stage=stage,
                months=action.months or 0,
                reaches=level + 1,
                counts_as=action.counts_as,
                context=action.context,
                doable=action.doable,
                after=[action.after] if action.after else [],
            )
            if self.add(item):
                keys.append(key)
                self.action_keys.setdefault(f"{gap.id}:{step}", []).append(key)
                if action.id is not None:
                    self.action_keys[action.id] = [key]
        return keys

    def pin_the_first_months(self) -> None:
        """The target's largest weighted core gap that the next role needs too, and the most
        valuable certification the next role recommends that you can sit now, start in the
        first months (six and twelve at the latest). Nothing only a later role needs goes
        before the next move's own work."""
        firsts: dict[str, list[Item]] = {}
        for it in self.items.values():
            if it.kind == "competency" and it.ref and not it.deps and it.stage == 0:
                firsts.setdefault(it.ref, []).append(it)
        core = [g for g in self.core if g.gap and g.id in firsts]
        if core:
            top = max(core, key=lambda g: (g.weight * g.gap, g.priority, -self.fw.position(g.id)))
            for it in firsts[top.id]:
                it.stage = PINNED - 1  # before the certification pinned below
                it.why += (
                    "; the largest core gap your next move shares with the target, so it starts now"
                )
        if self.pin_track_credential():
            return
        soon_roles = self.roles_ahead[:1]
        if any(self.held & set(r.certifications) for r in soon_roles):
            return  # one the next role recommends is held already
        candidates = {
            c
            for r in soon_roles
            for c in r.certifications
            if c in self.fw.certification_by_id and c not in self.held
        }
        soon = [c for c in candidates if self._sit_soon(c)]
        if soon:
            best = min(soon, key=lambda c: (*self.cert_value(c), c))
            reason = f"recommended for {self.target.name}"
            key = self.add_cert(best, reason, 0)
            if key is not None:
                self.pin(key)

    def mark_optional(self) -> None:
        """What the ready month does not need is optional: it takes the hours left.

        The ready month needs the competency work, the experience and the moves, what they
        wait for, and what starts in the first months (mentoring, the assessment, the
        certification pinned there); the applications follow it at once. A certification only recommended is worth having but is
        no requirement: it never pushes back the month the requirements are met.
        """
        needed = [
            k
            for k, it in self.items.items()
            if it.stage <= PINNED or it.kind == "application" or _toward_ready(it)
        ]
        closure: set[str] = set()
        while needed:
            key = needed.pop()
            if key in closure or key not in self.items:
                continue
            closure.add(key)
            needed.extend(self.items[key].deps)
        for key, item in self.items.items():
            item.optional = key not in closure

    def pin(self, key: str) -> None:
        """Start an item, and what it waits for, in the first months."""
        stack = [key]
        while stack:
            item = self.items.get(stack.pop())
            if item is not None and item.stage > PINNED:
                item.stage = PINNED
                stack.extend(item.deps)

    def depends_on(self, key: str, other: str) -> bool:
        """Whether item ``key`` waits, directly or not, for item ``other``."""
        stack, seen = [key], set()
        while stack:
            node = stack.pop()
            if node == other:
                return True
            if node in seen or node not in self.items:
                continue
            seen.add(node)
            stack.extend(self.items[node].deps)
        return False

    def add_stepping_stones(self) -> None:
        """Each stepping-stone role, after the development its requirements need."""
        path = self.score.path
        previous: list[str] = []
        for role in self.stones:
            if role.id in self.held_roles:
                continue  # already in such a role (a current position): no move to make
            deps = [
                k
                for k, it in self.items.items()
                if it.kind == "competency"
                and it.ref in role.competencies
                and it.reaches <= role.competencies[it.ref].level
            ]
            earns = [
                e
                for e in self.score.experience
                if e.gap_months and accrues(role, ExperienceKind(e.kind))
            ]
            why = "on your path " + " → ".join(self.fw.role_name(r) for r in path)
            earliest = self.work.month_met(role.experience)
            if earliest > 1:
                why += f"; its own experience requirement is met in month {earliest}"
            if earns:
                kinds = ", ".join(ExperienceKind(e.kind).label for e in earns)
                why += f"; here you start earning the {kinds} {self.target.name} asks for"
            key = f"role:{role.id}"
            self.add(
                Item(
                    key,
                    "role",
                    "move",
                    role.id,
                    f"Move into a {role.name} role",
                    why=why,
                    short="stepping stone" + (f" · starts {kinds}" if earns else ""),
                    mode="milestone",
                    deps=deps + previous,
                    stage=path.index(role.id) - 1,
                    earliest=earliest,
                )
            )
            previous = [key]

    def add_experience(self) -> None:
        """Experience milestones: counted from the month you are in a role that earns them."""
        for exp in self.score.experience:
            if exp.gap_months <= 0:
                continue
            kind = ExperienceKind(exp.kind)
            label = kind.label
            needed = count(exp.required_years, "year")
            where = self.accruing_move(kind)
            deps: list[str] = []
            if where is True:
                start_why = "you earn it in your current role"
            elif isinstance(where, Role):
                deps = [f"role:{where.id}"]
                start_why = f"you start earning it as {where.name}"
            elif kind is ExperienceKind.people_leadership:
                start_why = STRETCH_WHY  # an assignment in the current job earns it
            else:
                self.unearned.append(label)  # no date can be promised: the plan says so
                continue
            self.add(
                Item(
                    f"experience:{exp.kind}",
                    "experience",
                    "milestone",
                    exp.kind,
                    f"Reach {needed} of {label} ({count(exp.gap_months, 'more month')})",
                    why=f"{self.target.name} asks for {needed} of {label}; you have "
                    f"{exp.current_years:g}; {start_why}",
                    short=start_why,
                    mode="milestone",
                    deps=deps,
                    months=exp.gap_months,
                )
            )

    def add_the_move(self) -> None:
        """The move itself, once the requirements are met: résumé, STAR stories, applications
        (none when the target is the role the person holds: there is no move to apply for)."""
        if self.actions is None or self.target.id == self.score.current_role:
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
        """(competency name, the person's evidence note) for the target's core and important
        competencies."""
        ratings = self.profile.ratings
        wanted = [g for g in self.score.competencies if g.importance is not Importance.useful]
        return tuple(
            (self.fw.competency_by_id[g.id].name, ratings[g.id].evidence or "")
            for g in wanted
            if g.id in ratings and ratings[g.id].evidence
        )
