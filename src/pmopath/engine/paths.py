"""Choosing the path up the ladder by the time it takes to be ready (pure; no I/O).

A path runs from the current role to the target through ``leads_to``. Its cost,
compared in this order:

1. the estimated months until the target's requirements are met: the competency
   development the target needs, and each kind of experience it asks for, which only
   starts growing once the person is in a role that accrues it (``accrues`` in
   roles.yaml; today, if the current role or a current position does);
2. the weighted competency gap of the stepping stones (smaller first);
3. the role IDs, alphabetically.

A path on which no role lets the person earn a required kind of experience is not
a way to the target. Someone in a PMO role is not sent back into delivery: from a
role on the PMO track, toward a target off the delivery track, no stepping stone is a
delivery role (:func:`back_to_delivery`). The search is a label-setting pass over the ladder (a
directed acyclic graph) in topological order, keeping per role only the labels no
other label beats on every count, at most :data:`MAX_LABELS` of them (the best by
the cost above): its cost grows polynomially with the ladder, never with the
number of paths.

Estimates: moving into a role takes the months needed to close its competency gaps
(study hours at the weekly hours; on-the-job work side by side, each competency's
steps one after another: the longest such chain), and no earlier
than the move before it.
"""

import math
from enum import Enum
from typing import NamedTuple

from pmopath.base.text import count
from pmopath.engine.readiness import readiness_for
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import (
    DERIVED_KINDS,
    STEPS,
    ActionMode,
    ExperienceKind,
    Model,
    Role,
    Track,
)
from pmopath.model.profile import Profile

#: Labels kept per role after dominance; bounds the work on very dense ladders.
MAX_LABELS = 12
#: On-the-job work runs side by side in a role (a person practises several competencies in
#: their job at once): no lane limit, only the order of each competency's steps.
ON_THE_JOB_LANES = 1000


class Loses(str, Enum):
    """Why a way into the target was not chosen, against the chosen one."""

    later = "later"  # its estimated ready month is later
    larger_gap = "larger-gap"  # same month, more to learn on the stepping stones
    alphabetical = "alphabetical"  # a tie on both, settled by the role IDs
    cannot_earn = "cannot-earn"  # no role on it earns a kind of experience the target asks
    back_to_delivery = "back-to-delivery"  # it sends a PMO person back into delivery roles


class PathOption(Model):
    """A path that was considered, with its estimate."""

    path: tuple[str, ...]
    ready_months: int | None  # None: a required kind of experience cannot be earned on it
    stepping_gap: int  # weighted competency gap of the stepping stones
    note: str
    loses: Loses | None = None  # None for the chosen path


class PathChoice(Model):
    path: tuple[str, ...]
    ready_months: int | None
    considered: tuple[PathOption, ...]  # every way into the target, the chosen one first
    expansions: int  # labels extended: the search's cost
    note: str | None  # when the target is not reachable, or no path can earn the experience


class Shortfall(NamedTuple):
    kind: ExperienceKind
    months: int


class _Label:
    """A way into a role found so far; labels compare by ``key`` alone."""

    __slots__ = ("entry", "gap", "key", "path", "starts")

    def __init__(
        self,
        key: tuple[float, int, tuple[str, ...]],
        entry: int,
        starts: tuple[float, ...],  # per shortfall: month it starts growing
        gap: int,
        path: tuple[str, ...],
    ) -> None:
        self.key, self.entry, self.starts, self.gap, self.path = key, entry, starts, gap, path

    def __lt__(self, other: "_Label") -> bool:
        return self.key < other.key


def accrues(role: Role, kind: ExperienceKind) -> bool:
    """Whether time in ``role`` counts toward ``kind`` (a derived kind through its parts)."""
    if kind is ExperienceKind.business:
        return True
    return kind in role.accrues or bool(set(DERIVED_KINDS.get(kind, ())) & set(role.accrues))


def back_to_delivery(fw: Framework, start: str, goal: str, role_id: str) -> bool:
    """Whether stepping into ``role_id`` would send a PMO person back into delivery."""
    roles = fw.role_by_id
    return (
        roles[start].track is Track.pmo
        and roles[goal].track is not Track.delivery
        and role_id != goal
        and roles[role_id].track is Track.delivery
    )


def prep_months(fw: Framework, profile: Profile, role: Role, capacity: float) -> int:
    """Estimated months to close a role's competency gaps from the person's levels."""
    hours = 0.0
    chains: list[int] = []  # per competency: its on-the-job months, step after step
    for comp_id, req in role.competencies.items():
        comp = fw.competency_by_id.get(comp_id)
        have = profile.level(comp_id)
        if comp is None or have is None:
            continue  # unassessed: unknown, nothing is planned for it
        chain = 0
        for level in range(have, req.level):
            jobs = [0]
            for action in comp.actions.get(STEPS[level], ()):
                if action.mode is ActionMode.on_the_job:
                    jobs.append(action.months or 1)
                else:
                    hours += action.hours
            chain += max(jobs)  # a step's pieces side by side; the steps one after another
        chains.append(chain)
    study = math.ceil(round(hours / capacity, 9)) if hours else 0
    return max(study, max(chains, default=0))


def shortfalls(work: WorkRecord, target: Role) -> list[Shortfall]:
    out = []
    for req in target.experience:
        have = work.count(req.kind).months if work.records(req.kind) else 0
        need = math.ceil(round(req.years * 12, 6)) - have
        if need > 0:
            out.append(Shortfall(req.kind, need))
    return out


class _Search:
    def __init__(
        self, fw: Framework, profile: Profile, work: WorkRecord, goal: str, capacity: float
    ) -> None:
        self.fw, self.profile, self.work, self.capacity = fw, profile, work, capacity
        self.goal = fw.role_by_id[goal]
        self.short = shortfalls(work, self.goal)
        self.prep: dict[str, int] = {}
        self.gaps: dict[str, int] = {}
        self.expansions = 0

    def months_to(self, role_id: str) -> int:
        if role_id not in self.prep:
            self.prep[role_id] = prep_months(
                self.fw, self.profile, self.fw.role_by_id[role_id], self.capacity
            )
        return self.prep[role_id]

    def gap_of(self, role_id: str) -> int:
        if role_id not in self.gaps:
            self.gaps[role_id] = readiness_for(self.profile, self.fw.role_by_id[role_id])[1]
        return self.gaps[role_id]

    def ready(self, starts: tuple[float, ...]) -> float:
        """Estimated months to meet the goal's requirements, given when each kind starts."""
        competency = self.months_to(self.goal.id)
        experience = [
            _start(s, short.kind) + short.months
            for s, short in zip(starts, self.short, strict=True)
        ]
        return max([competency, *experience])

    def first(self, start: str) -> _Label:
        role = self.fw.role_by_id[start]
        starts = tuple(
            0.0 if accrues(role, s.kind) or self.work.count(s.kind).growing else math.inf
            for s in self.short
        )
        return self.label(0, starts, 0, (start,))

    def label(
        self, entry: int, starts: tuple[float, ...], gap: int, path: tuple[str, ...]
    ) -> _Label:
        ready = self.ready(starts)
        return _Label((ready, gap, path), entry, starts, gap, path)

    def extend(self, label: _Label, nxt: str) -> _Label:
        """The label after moving from the label's last role into ``nxt``."""
        self.expansions += 1
        if nxt == self.goal.id:  # being in the target earns nothing toward entering it
            return self.label(label.entry, label.starts, label.gap, (*label.path, nxt))
        role = self.fw.role_by_id[nxt]
        entry = max(label.entry, self.months_to(nxt))
        starts = tuple(
            min(s, entry) if accrues(role, short.kind) else s
            for s, short in zip(label.starts, self.short, strict=True)
        )
        return self.label(entry, starts, label.gap + self.gap_of(nxt), (*label.path, nxt))


def _dominated(a: _Label, b: _Label) -> bool:
    """Whether ``b`` is at least as good as ``a`` on every count, ties to the path that
    sorts first included (so ``a`` can go)."""
    no_worse = (
        b.entry <= a.entry
        and b.gap <= a.gap
        and all(y <= x for x, y in zip(a.starts, b.starts, strict=True))
    )
    same = b.entry == a.entry and b.gap == a.gap and b.starts == a.starts
    return no_worse and (not same or b.path <= a.path)


def _keep(labels: list[_Label], new: _Label) -> list[_Label]:
    if any(_dominated(new, old) for old in labels):
        return labels
    kept = [old for old in labels if not _dominated(old, new)] + [new]
    kept.sort()
    return kept[:MAX_LABELS]


def _order(fw: Framework, start: str, goal: str) -> list[str]:
    """Roles on some path from start to goal, in topological order."""
    forward: set[str] = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in forward:
            continue
        forward.add(node)
        stack.extend(fw.role_by_id[node].leads_to)
    backward: dict[str, list[str]] = {}
    for node in forward:
        for nxt in fw.role_by_id[node].leads_to:
            backward.setdefault(nxt, []).append(node)
    useful: set[str] = set()
    stack = [goal] if goal in forward else []
    while stack:
        node = stack.pop()
        if node in useful:
            continue
        useful.add(node)
        stack.extend(backward.get(node, ()))
    # depth-first post-order, reversed below; iterative (a ladder of thousands of roles
    # must not exhaust the interpreter's stack)
    order: list[str] = []
    seen: set[str] = set()
    if start in useful:
        seen.add(start)
        stack2: list[tuple[str, int]] = [(start, 0)]
        while stack2:
            node, i = stack2.pop()
            nexts = fw.role_by_id[node].leads_to
            while i < len(nexts) and (nexts[i] not in useful or nexts[i] in seen):
                i += 1
            if i < len(nexts):
                stack2.append((node, i + 1))
                seen.add(nexts[i])
                stack2.append((nexts[i], 0))
            else:
                order.append(node)
    return order[::-1]


def choose_path(
    fw: Framework, profile: Profile, work: WorkRecord, start: str, goal: str, capacity: float
) -> PathChoice:
    """The path with the earliest estimated ready month (see the module's docstring)."""
    search = _Search(fw, profile, work, goal, capacity)
    if start == goal:
        only = search.first(start)
        return PathChoice(
            path=(start,),
            ready_months=_months(only.key[0]),
            considered=(),
            expansions=0,
            note=None,
        )
    order = _order(fw, start, goal)
    if not order:
        start_rank, goal_rank = fw.role_by_id[start].rank, fw.role_by_id[goal].rank
        why = (
            "at or below your current rank"
            if goal_rank <= start_rank
            else "not reachable through the ladder's usual moves"
        )
        direct = search.extend(search.first(start), goal)
        return PathChoice(
            path=(start, goal),
            ready_months=_months(direct.key[0]),
            considered=(),
            expansions=search.expansions,
            note=f"{goal} is {why}; treated as a direct move",
        )
    finals = _ways_in(search, order, start, goal, keep_in_pmo=True)
    in_pmo = any(back_to_delivery(fw, start, goal, role_id) for role_id in order)
    every = _ways_in(search, order, start, goal, keep_in_pmo=False) if in_pmo else finals
    if not finals:  # the ladder offers a PMO person only delivery routes to this target
        finals = every
    kept = {label.path for label in finals}
    back = [label for label in every if label.path not in kept]
    best = finals[0]
    considered = (  # every way in: the chosen one first, then why each other loses
        _option(search, finals[0], None),
        *(_option(search, label, _loses(finals[0], label)) for label in finals[1:]),
        *(_option(search, label, Loses.back_to_delivery) for label in back),
    )
    note = None
    if math.isinf(best.key[0]):
        never = [s.kind for s, at in zip(search.short, best.starts, strict=True) if math.isinf(at)]
        kinds = ", ".join(kind.label for kind in never)
        note = f"no path to {goal} passes through a role where you earn {kinds}"
        if ExperienceKind.people_leadership in never:  # the planner's stretch assignment
            note += "; the plan counts managing people from now, if you line-manage a colleague"
    return PathChoice(
        path=best.path,
        ready_months=_months(best.key[0]),
        considered=considered,
        expansions=search.expansions,
        note=note,
    )


def _ways_in(
    search: _Search, order: list[str], start: str, goal: str, *, keep_in_pmo: bool
) -> list[_Label]:
    """The labels that reach the goal, best first (the label-setting pass)."""
    fw = search.fw
    labels: dict[str, list[_Label]] = {start: [search.first(start)]}
    on_path = set(order)
    for node in order:
        if node == goal:
            continue
        for label in labels.get(node, []):
            for nxt in fw.role_by_id[node].leads_to:
                if nxt == goal:  # every way in is kept, so --explain can compare them
                    finals = [*labels.get(nxt, []), search.extend(label, nxt)]
                    labels[nxt] = sorted(finals)[:MAX_LABELS]
                elif nxt in on_path and not (
                    keep_in_pmo and back_to_delivery(fw, start, goal, nxt)
                ):
                    labels[nxt] = _keep(labels.get(nxt, []), search.extend(label, nxt))
    return sorted(labels.get(goal, []))


def _stretch(at: float, kind: ExperienceKind) -> bool:
    """Whether ``kind`` is counted from a stretch assignment: managing people that no role
    on the path earns, counted from now if the person line-manages a colleague (as the
    planner counts it; engine.contexts.STRETCH_WHY)."""
    return math.isinf(at) and kind is ExperienceKind.people_leadership


def _start(at: float, kind: ExperienceKind) -> float:
    """The month ``kind`` starts growing on a path, a stretch assignment counted."""
    return 0.0 if _stretch(at, kind) else at


def _months(value: float) -> int | None:
    return None if math.isinf(value) else int(value)


def _loses(best: _Label, other: _Label) -> Loses:
    if math.isinf(other.key[0]):
        return Loses.cannot_earn
    if other.key[0] > best.key[0]:
        return Loses.later
    return Loses.larger_gap if other.key[1] > best.key[1] else Loses.alphabetical


def _option(search: _Search, label: _Label, loses: Loses | None) -> PathOption:
    ready = _months(label.key[0])
    if ready is None:
        missing = [
            s.kind.label for s, at in zip(search.short, label.starts, strict=True) if math.isinf(at)
        ]
        note = "no role on it lets you earn " + ", ".join(missing)
    else:
        months = search.months_to(search.goal.id)
        parts = [f"competencies for the target in about {count(months, 'month')}"]
        for s, at in zip(search.short, label.starts, strict=True):
            if _stretch(at, s.kind):
                begin = "now if you line-manage a colleague"
            else:
                begin = "now" if at == 0 else f"in month {int(at)}"
            parts.append(f"{s.kind.label} starts {begin}, {count(s.months, 'more month')}")
        note = "; ".join(parts)
    return PathOption(
        path=label.path, ready_months=ready, stepping_gap=label.gap, note=note, loses=loses
    )
