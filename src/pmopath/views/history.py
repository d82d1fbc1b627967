"""``pmopath history``: one row per saved assessment, oldest first, each with its ready
month and the change since the assessment before it (for the same target)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, NamedTuple

from pmopath.base.months import month_label, months_apart
from pmopath.engine.summary import Summary
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import Profile
from pmopath.views.base import View


class HistoryEntry(Model):
    number: int
    id: str
    assessed_at: str  # "YYYY-MM-DD HH:MM" (UTC), or "" when unknown
    current_role: str
    current_role_name: str
    target_role: str | None
    target_role_name: str | None
    rated: int
    readiness: float | None
    problem: str | None = None  # the file could not be read
    ready_month: str | None = None  # "YYYY-MM" as estimated that day; None: not estimated
    ready_now: bool = False  # that day, the target's requirements were met
    #: Since the previous readable assessment with the same target (None: no such one).
    readiness_change: float | None = None
    ready_change_months: int | None = None  # positive: the ready month moved later
    target_changed: bool = False  # the previous assessment aimed elsewhere: not compared
    previous_id: str | None = None  # the assessment the change is from (None: the first)


class HistoryView(View):
    kind: ClassVar[str] = "history"
    assessments: tuple[HistoryEntry, ...]


class SavedAssessment(NamedTuple):
    """One saved assessment as the command line read it: its profile and readiness, or
    the problem that kept it from being read."""

    id: str
    profile: Profile | None
    readiness: float | None  # for the profile's target (None: no target, or unreadable)
    problem: str | None = None
    #: The summary engine's figures for the target on the assessment's own day.
    summary: Summary | None = None
    as_of: dt.date | None = None


def ready_month(row: SavedAssessment) -> str | None:
    """The month the target's requirements are met, as estimated on the assessment's day."""
    if row.summary is None or row.as_of is None or row.summary.ready_in_months is None:
        return None
    return month_label(row.as_of, max(row.summary.ready_in_months, 1))


def changes(
    row: SavedAssessment, before: SavedAssessment | None
) -> tuple[float | None, int | None, bool]:
    """Readiness change, ready-month change (months) and whether the target changed."""
    if before is None or before.profile is None or row.profile is None:
        return None, None, False
    if before.profile.target_role != row.profile.target_role:
        return None, None, True
    readiness = None
    if row.readiness is not None and before.readiness is not None:
        readiness = round(row.readiness - before.readiness, 4)
    now, then = ready_month(row), ready_month(before)
    months = None if now is None or then is None else months_apart(then, now)
    return readiness, months, False


def history_view(fw: Framework, saved: list[SavedAssessment]) -> HistoryView:
    entries = []
    before: SavedAssessment | None = None
    for number, row in enumerate(saved, 1):
        profile = row.profile
        if profile is None:
            entries.append(
                HistoryEntry.model_construct(
                    number=number,
                    id=row.id,
                    assessed_at="",
                    current_role="",
                    current_role_name="",
                    target_role=None,
                    target_role_name=None,
                    rated=0,
                    readiness=None,
                    problem=row.problem,
                )
            )
            continue
        when = profile.assessed_at.strftime("%Y-%m-%d %H:%M") if profile.assessed_at else ""
        readiness_change, months_change, target_changed = changes(row, before)
        previous, before = before, row
        entries.append(
            HistoryEntry.model_construct(
                number=number,
                id=row.id,
                assessed_at=when,
                current_role=profile.current_role,
                current_role_name=fw.role_name(profile.current_role),
                target_role=profile.target_role,
                target_role_name=None
                if profile.target_role is None
                else fw.role_name(profile.target_role),
                rated=sum(1 for r in profile.ratings.values() if r.level is not None),
                readiness=None if row.readiness is None else round(row.readiness, 4),
                ready_month=ready_month(row),
                ready_now=row.summary is not None and row.summary.ready_in_months == 0,
                readiness_change=readiness_change,
                ready_change_months=months_change,
                target_changed=target_changed,
                previous_id=None if previous is None else previous.id,
            )
        )
    return HistoryView.model_construct(assessments=tuple(entries))
