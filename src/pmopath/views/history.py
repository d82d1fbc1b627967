"""``pmopath history``: one row per saved assessment, oldest first."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

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


def history_view(fw: Framework, saved: list[SavedAssessment]) -> HistoryView:
    entries = []
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
            )
        )
    return HistoryView.model_construct(assessments=tuple(entries))
