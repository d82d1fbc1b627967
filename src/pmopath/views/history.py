"""``pmopath history``: one row per saved assessment, oldest first."""

from __future__ import annotations

from typing import ClassVar

from pmopath.base.errors import DataError
from pmopath.load.store import Store
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


def readiness_of(fw: Framework, profile: Profile) -> float | None:
    """Readiness for the profile's target (None when it names no target).

    Readiness depends on the ratings and the target's requirements alone, so no path,
    plan or date is worked out for a row of the history.
    """
    from pmopath.engine.readiness import readiness_for

    if profile.target_role is None:
        return None
    return round(readiness_for(profile, fw.role(profile.target_role))[0], 4)


def history_view(fw: Framework, store: Store | None = None) -> HistoryView:
    store = store or Store()
    entries = []
    for number, ident in enumerate(store.ids(), 1):
        try:
            profile = store.load(ident, fw).profile
        except DataError as exc:
            entries.append(
                HistoryEntry.model_construct(
                    number=number,
                    id=ident,
                    assessed_at="",
                    current_role="",
                    current_role_name="",
                    target_role=None,
                    target_role_name=None,
                    rated=0,
                    readiness=None,
                    problem=exc.message,
                )
            )
            continue
        when = profile.assessed_at.strftime("%Y-%m-%d %H:%M") if profile.assessed_at else ""
        entries.append(
            HistoryEntry.model_construct(
                number=number,
                id=ident,
                assessed_at=when,
                current_role=profile.current_role,
                current_role_name=fw.role_name(profile.current_role),
                target_role=profile.target_role,
                target_role_name=None
                if profile.target_role is None
                else fw.role_name(profile.target_role),
                rated=sum(1 for r in profile.ratings.values() if r.level is not None),
                readiness=readiness_of(fw, profile),  # rounded, as every readiness in JSON
            )
        )
    return HistoryView.model_construct(assessments=tuple(entries))
