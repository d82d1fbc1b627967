"""What a plan is made of, and how its items are placed in months.

A plan's items (:class:`PlanItem`) come in phases (:class:`Phase`) of a :class:`Plan`.
While a plan is laid out, each is an :class:`Item`; :func:`schedule` places them in
order of priority and dependencies.

Two lanes of work run side by side. Study (courses, reading, exam preparation)
uses the weekly hours: each month holds ``hours_per_week x 52 / 12`` hours.
On-the-job work (stretch assignments, leading, running a process) takes calendar
months in a role, side by side (a competency's steps one after another), and uses no
study hours; an item that
needs a kind of role (line-managing needs people) waits for the move into one.
Milestones (role moves, experience reached) take no time of their own.
"""

import datetime as dt
import math
from typing import Any, Literal

from pmopath.engine.paths import ON_THE_JOB_LANES
from pmopath.engine.scoring import Score
from pmopath.model.framework import (
    ActionContext,
    Course,
    Doable,
    DoableForm,
    Model,
    TrainingTopic,
)

Kind = Literal["competency", "certification", "experience", "role", "network", "application"]


#: study (the weekly hours, one lane), on-the-job (calendar months in a role, side by
#: side), alongside (a light recurring load, mentoring and community: it takes none of the
#: study hours and holds nothing up), milestone (no time of its own).
#: course: a certification's course taken as one block (a residential week) in one month,
#: outside the weekly hours.
Mode = Literal["study", "on-the-job", "alongside", "milestone", "course"]
#: The hours a month an "alongside" item takes: about an hour a week.
ALONGSIDE_HOURS = 52 / 12


#: What an item is, as a fact (renderers and views word it; nothing reads its title):
#: assess (rate the competencies not assessed: nothing is planned for them until then),
#: learn (study toward a competency), practice (an on-the-job competency action),
#: training (hours a certification asks for), exam (prepare for and pass it), move (into
#: a role), milestone (experience reached), network (mentoring, community), apply (the
#: résumé, stories and applications of the move to the target).
Step = Literal[
    "assess", "learn", "practice", "training", "exam", "move", "milestone", "network", "apply"
]


KIND_ORDER = {
    "network": 0,
    "certification": 1,
    "competency": 2,
    "experience": 3,
    "role": 4,
    "application": 5,
}


PHASES = (
    (1, 3, "Next 90 days"),
    (4, 12, "3-12 months"),
    (13, 24, "1-2 years"),
    (25, None, "Later"),
)


class PlanItem(Model):
    rank: int  # the item's place in the plan: 1 starts first
    kind: Kind
    step: Step
    mode: Mode
    ref: str | None
    title: str
    effort_hours: float  # study hours, or the hours an on-the-job item takes in its months
    start_month: int
    end_month: int
    priority: float | None  # the scheduling priority (None: standing items, milestones)
    why: str  # the full reasoning
    why_short: str  # one line: "PMO management 1→4 · core"
    alternatives: tuple[str, ...] = ()  # certifications considered and not chosen
    counts_toward: tuple[str, ...] = ()  # a course: the certifications whose hours it gives
    #: nothing the ready month needs waits for it (a certification only recommended, the
    #: applications): it takes the study hours the requirements leave
    optional: bool = False
    context: ActionContext | None = None  # the kind of work the action needs, as written
    #: set when the plan offers the action's doable form (the title is that form's): the
    #: person does not have the context yet, and the move that gives it comes later
    form: DoableForm | None = None
    hours_per_month: float | None = None  # a recurring light load: these hours every month
    course: Course | None = None  # a course taken as one block (its days), the exam at its end
    sources: tuple[str, ...] = ()  # the sources its why rests on (IDs: "S100", "estimate")


class Binding(Model):
    """A requirement that sets the ready month: the last work toward it ends that month."""

    kind: Literal["competency", "experience", "move"]
    ref: str | None  # the competency, the kind of experience, the role moved into
    mode: Mode  # study (more hours could move it), on-the-job, or a milestone (time)


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
    unearned: tuple[str, ...] = ()  # experience no role on the path earns: no ready month
    ready_set_by: tuple[Binding, ...] = ()  # what the last work toward the ready month is


class Item:
    """One thing to do while the plan is being laid out (mutable; the plan's items are not).

    A plain class rather than a dataclass: a dataclass is generated code that costs
    more to create at import than some commands take to run (see README, "Performance").
    A new field is one line here: its type, and its default in :data:`ITEM_DEFAULTS`.
    """

    key: str
    kind: Kind
    step: Step
    ref: str | None
    title: str
    effort: float
    priority: float | None
    why: str
    short: str
    mode: Mode
    deps: list[str]
    earliest: int
    stage: int  # index of the first role on the path that needs it
    months: int  # on-the-job: how long it runs; experience: the shortfall; alongside: its span
    context: ActionContext | None  # the kind of work the action needs, as written
    doable: Doable | None  # its form for someone without the context
    form: DoableForm | None  # set when the plan offers the doable form
    after: list[str]  # items it starts only once they have ended (the data's `after`)
    course: Course | None  # a certification's course taken as one block
    sources: tuple[str, ...]  # the sources its why rests on (IDs)
    reaches: int  # competency actions: the level they complete
    alternatives: tuple[str, ...]
    counts_as: TrainingTopic | None  # a course: its hours count as education of this topic
    toward: list[str]  # certifications whose training rule this course counts toward
    optional: bool  # nothing the ready month needs waits for it: placed in the hours left
    completes: str | None  # an exam that is a competency's step: that competency
    seq: int  # the order it was made in: the last tie-break
    start: int
    end: int

    __slots__ = (*__annotations__,)

    def __init__(
        self, key: str, kind: Kind, step: Step, ref: str | None, title: str, **options: Any
    ) -> None:
        self.key, self.kind, self.step, self.ref, self.title = key, kind, step, ref, title
        for name, default in ITEM_DEFAULTS.items():
            value = options.pop(name, default)
            setattr(self, name, list(value) if isinstance(value, list) else value)
        if options:
            raise TypeError(f"unknown plan item fields: {', '.join(options)}")


#: Every optional field of :class:`Item` and its default (a list default is copied).
ITEM_DEFAULTS: dict[str, Any] = {
    "effort": 0.0,
    "priority": None,
    "why": "",
    "short": "",
    "mode": "study",
    "deps": [],
    "earliest": 1,
    "stage": 0,
    "months": 0,
    "context": None,
    "doable": None,
    "form": None,
    "after": [],
    "course": None,
    "sources": (),
    "reaches": 0,
    "alternatives": (),
    "counts_as": None,
    "toward": [],
    "optional": False,
    "completes": None,
    "seq": 0,
    "start": 0,
    "end": 0,
}


def phases_of(items: list[PlanItem]) -> tuple[Phase, ...]:
    phases = []
    for start, end, title in PHASES:
        in_phase = [
            p for p in items if p.start_month >= start and (end is None or p.start_month <= end)
        ]
        if in_phase:
            last = end if end is not None else max(p.end_month for p in in_phase)
            phases.append(
                Phase(title=title, start_month=start, end_month=last, items=tuple(in_phase))
            )
    return tuple(phases)


#: No study item runs longer than this many months (200 years): the profile's floor of half
#: an hour a week and the data's largest effort keep every real plan far below it.
LAST_MONTH = 2400


class _Lanes:
    """The months' study hours and on-the-job slots, filled in the plan's order.

    An item takes the first free hours from its earliest month: what waits for an exam's
    eligibility leaves the months before it to the items after it in the order.
    """

    def __init__(self, capacity: float) -> None:
        self.capacity = capacity
        self.used: dict[int, float] = {}
        self.jobs: dict[int, int] = {}

    def study(self, earliest: int, effort: float) -> tuple[int, int]:
        month, left, start = earliest, effort, 0
        while left > 1e-9 and month < earliest + LAST_MONTH:  # bounded, whatever the hours
            free = self.capacity - self.used.get(month, 0.0)
            if free > 1e-9:
                take = min(free, left)
                self.used[month] = self.used.get(month, 0.0) + take
                left -= take
                start = start or month
            if left > 1e-9:
                month += 1
        return start or month, month

    def job(self, earliest: int, months: int) -> tuple[int, int]:
        start = earliest
        while any(self.jobs.get(m, 0) >= ON_THE_JOB_LANES for m in range(start, start + months)):
            start += 1
        for m in range(start, start + months):
            self.jobs[m] = self.jobs.get(m, 0) + 1
        return start, start + months - 1


def _dispatch_order(items: dict[str, Item]) -> list[Item]:
    """Items in priority order, each after what it waits for."""
    done: set[str] = set()
    pending = dict(items)
    order: list[Item] = []
    while pending:
        ready = [it for it in pending.values() if all(d in done or d not in items for d in it.deps)]
        if not ready:  # pragma: no cover - dependencies are built acyclic
            raise RuntimeError("plan dependencies form a cycle")
        item = min(
            ready, key=lambda it: (it.stage, -(it.priority or 0), KIND_ORDER[it.kind], it.seq)
        )
        done.add(item.key)
        order.append(item)
        del pending[item.key]
    return order


def _place(order: list[Item], capacity: float) -> dict[int, float]:
    """Give each item its months, in ``order``; returns the study hours used a month.

    What the ready month needs is placed first; optional items (certifications nothing
    else waits for) then take the hours left, in their own order, so they never push back
    the ready month.
    """
    lanes = _Lanes(capacity)
    done: dict[str, Item] = {}
    for item in [it for it in order if not it.optional]:
        _place_one(item, lanes, done)
    for item in [it for it in order if it.optional]:
        _place_one(item, lanes, done)
    return lanes.used


def _place_one(item: Item, lanes: _Lanes, done: dict[str, Item]) -> None:
    job = item.mode == "on-the-job"
    # a step of work in the job starts the month after the step before it ends; study may
    # go on in the month its predecessor ends (the hours are shared within the month)
    ends = [
        done[d].end + (d in item.after or (job and done[d].mode == "on-the-job"))
        for d in item.deps
        if d in done
    ]
    earliest = max([item.earliest, *ends])
    if item.mode == "milestone" and item.kind == "experience":
        # after a move, the first whole month in the new role is the one after it
        item.start = earliest + 1 if item.deps else earliest
        item.end = item.start + item.months - 1
    elif item.mode in ("milestone", "course"):  # a course: one week in one month
        item.start = item.end = earliest
    elif item.mode == "on-the-job":
        item.start, item.end = lanes.job(earliest, max(1, item.months))
    elif item.mode == "alongside":  # a recurring load over its months, or an hour a week
        item.start = earliest
        months = item.months or math.ceil(round(item.effort / ALONGSIDE_HOURS, 9))
        item.end = earliest + max(1, months) - 1
    else:
        item.start, item.end = lanes.study(earliest, item.effort)
    done[item.key] = item


def schedule(items: dict[str, Item], capacity: float) -> tuple[list[Item], dict[int, float]]:
    """Place items in months; returns them in placing order, and the hours used a month.

    The order is the data's (stage, priority, kind), never the person's hours; each item
    takes the first free hours from its earliest month. More hours a week can then only
    bring items forward (a property the tests check).
    """
    dispatch = _dispatch_order(items)
    return dispatch, _place(dispatch, capacity)
