"""``pmopath diff``: what changed between two saved assessments, each side's figures from
the summary engine at that assessment's own date, both against the later one's target."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal, NamedTuple

from pmopath.base.months import month_label, months_apart
from pmopath.base.text import capital
from pmopath.engine.schedule import Kind, Plan, PlanItem, Step
from pmopath.engine.summary import Summary
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind, Model
from pmopath.model.profile import EXPERIENCE_FIELDS, HeldCertification, Profile
from pmopath.views.base import View

CertChangeKind = Literal["gained", "lapsed", "renewed", "removed"]
#: done: its competency step reached, its certification held, its move made (or, for
#: experience, no longer planned for the same target); not-needed: not in B's plan.
ItemStatus = Literal["done", "not-needed"]


class Side(Model):
    id: str
    assessed_at: str  # "YYYY-MM-DD HH:MM" (UTC), or "" when unknown
    current_role_name: str
    target_role_name: str | None  # the target this assessment named
    readiness: float | None  # against the compared target (None: no target)
    ready_month: str | None  # "YYYY-MM" as estimated that day; None: not estimated
    ready_now: bool = False


class RatingChange(Model):
    id: str
    name: str
    before: int | None  # None: not assessed
    after: int | None


class ExperienceChange(Model):
    kind: ExperienceKind
    label: str
    before_months: int
    after_months: int


class CertChange(Model):
    id: str
    name: str
    change: CertChangeKind


class ItemChange(Model):
    rank: int  # its place in A's plan
    title: str
    kind: Kind
    step: Step
    ref: str | None
    status: ItemStatus


class DiffView(View):
    kind: ClassVar[str] = "diff"
    a: Side
    b: Side
    compared_role: str | None  # the target both are compared against: B's (or A's if B has none)
    target_role_name: str | None
    target_changed: bool  # A aimed elsewhere: its figures are recomputed against B's target
    ratings_changed: tuple[RatingChange, ...]  # only the changed ones, in framework order
    experience: tuple[ExperienceChange, ...]  # only the kinds whose months changed
    certifications: tuple[CertChange, ...]
    readiness_change: float | None
    ready_change_months: int | None  # positive: the ready month moved later
    items: tuple[ItemChange, ...]  # A's plan items now done or no longer needed
    still_planned: int  # A's plan items still in B's plan


class Assessed(NamedTuple):
    """One side of the comparison as the command line computed it."""

    id: str
    profile: Profile
    as_of: dt.date  # the assessment's own day
    plan: Plan | None  # against the compared target (None: no target)
    summary: Summary | None


def _ready_month(side: Assessed) -> str | None:
    if side.summary is None or side.summary.ready_in_months is None:
        return None
    return month_label(side.as_of, max(side.summary.ready_in_months, 1))


def _side(fw: Framework, s: Assessed) -> Side:
    p = s.profile
    return Side.model_construct(
        id=s.id,
        assessed_at=p.assessed_at.strftime("%Y-%m-%d %H:%M") if p.assessed_at else "",
        current_role_name=fw.role_name(p.current_role),
        target_role_name=None if p.target_role is None else fw.role_name(p.target_role),
        readiness=None if s.summary is None else s.summary.readiness,
        ready_month=_ready_month(s),
        ready_now=s.summary is not None and s.summary.ready_in_months == 0,
    )


def rating_changes(fw: Framework, a: Profile, b: Profile) -> tuple[RatingChange, ...]:
    known = [c.id for _, c in fw.in_order()]
    ids = known + sorted((set(a.ratings) | set(b.ratings)) - set(known))
    rows = []
    for cid in ids:
        before = a.ratings[cid].level if cid in a.ratings else None
        after = b.ratings[cid].level if cid in b.ratings else None
        if before != after:
            name = fw.competency_by_id[cid].name if cid in fw.competency_by_id else cid
            rows.append(RatingChange.model_construct(id=cid, name=name, before=before, after=after))
    return tuple(rows)


def experience_changes(a: Assessed, b: Assessed) -> tuple[ExperienceChange, ...]:
    then, now = WorkRecord(a.profile, a.as_of), WorkRecord(b.profile, b.as_of)
    rows = []
    for kind in EXPERIENCE_FIELDS:
        before, after = then.count(kind).months, now.count(kind).months
        if before != after:
            rows.append(
                ExperienceChange.model_construct(
                    kind=kind, label=capital(kind.label), before_months=before, after_months=after
                )
            )
    return tuple(rows)


def _holds(c: HeldCertification | None) -> bool:
    return c is not None and not c.lapsed


def cert_changes(fw: Framework, a: Profile, b: Profile) -> tuple[CertChange, ...]:
    then = {c.id: c for c in a.certifications}
    now = {c.id: c for c in b.certifications}
    rows = []
    for cid in [*then, *(c for c in now if c not in then)]:
        old, new = then.get(cid), now.get(cid)
        change: CertChangeKind | None = None
        if _holds(new) and not _holds(old):
            change = "gained"
        elif _holds(old) and new is not None and new.lapsed:
            change = "lapsed"
        elif old is not None and new is None:
            change = "removed"
        elif old is not None and new is not None and (new.renewed or 0) > (old.renewed or 0):
            change = "renewed"
        if change is not None:
            rows.append(CertChange.model_construct(id=cid, name=fw.cert_name(cid), change=change))
    return tuple(rows)


def _key(item: PlanItem) -> tuple[str, str, str | None, str]:
    """An item's identity across two plans: a competency's action by its title (from the
    data); anything else by what it is about (its title carries counts that move)."""
    by_title = item.kind == "competency" and item.step in ("learn", "practice")
    return item.kind, item.step, item.ref, item.title if by_title else ""


def _items(a: Assessed, b: Assessed, same_target: bool) -> tuple[list[ItemChange], int]:
    """A's plan items now done or no longer needed, and how many are still planned."""
    if a.plan is None:
        return [], 0
    later = {_key(i) for p in (b.plan.phases if b.plan else ()) for i in p.items}
    held = {c.id for c in b.profile.certifications if not c.lapsed}
    rows: list[ItemChange] = []
    still = 0
    for item in (i for p in a.plan.phases for i in p.items):
        planned = _key(item) in later
        ref = item.ref or ""
        if item.kind == "competency" and item.step != "assess":
            old, new = a.profile.ratings.get(ref), b.profile.ratings.get(ref)
            before = old.level if old and old.level is not None else 0
            done = not planned and new is not None and (new.level or 0) > before
        elif item.kind == "certification":
            done = ref in held
        elif item.kind == "role" and item.step == "move":
            done = b.profile.current_role == ref
        else:
            done = item.kind == "experience" and not planned and same_target
        if done or not planned:
            status: ItemStatus = "done" if done else "not-needed"
            rows.append(
                ItemChange.model_construct(
                    rank=item.rank,
                    title=item.title,
                    kind=item.kind,
                    step=item.step,
                    ref=item.ref,
                    status=status,
                )
            )
        else:
            still += 1
    return sorted(rows, key=lambda r: r.rank), still


def diff_view(fw: Framework, a: Assessed, b: Assessed, target: str | None) -> DiffView:
    """``target``: the target both sides were summarised against (B's, else A's)."""
    same_target = a.profile.target_role == b.profile.target_role
    left, right = _side(fw, a), _side(fw, b)
    readiness = None
    if left.readiness is not None and right.readiness is not None:
        readiness = round(right.readiness - left.readiness, 4)
    months = None
    if left.ready_now and right.ready_now:
        months = 0  # ready on both days: the ready month did not move
    elif left.ready_month is not None and right.ready_month is not None:
        months = months_apart(left.ready_month, right.ready_month)
    items, still = _items(a, b, same_target)
    return DiffView.model_construct(
        a=left,
        b=right,
        compared_role=target,
        target_role_name=None if target is None else fw.role_name(target),
        target_changed=not same_target,
        ratings_changed=rating_changes(fw, a.profile, b.profile),
        experience=experience_changes(a, b),
        certifications=cert_changes(fw, a.profile, b.profile),
        readiness_change=readiness,
        ready_change_months=months,
        items=tuple(items),
        still_planned=still,
    )
