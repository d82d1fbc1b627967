"""The rows of ``pmopath history``: one per saved assessment, oldest first."""

from __future__ import annotations

from pmopath.errors import DataError
from pmopath.framework import Framework
from pmopath.profile import Profile, load_profile
from pmopath.render.base import HistoryEntry
from pmopath.store import Store


def readiness_of(fw: Framework, profile: Profile) -> float | None:
    """Readiness for the profile's target (None when it names no target)."""
    from pmopath.scoring import score

    if profile.target_role is None:
        return None
    return score(profile, fw, profile.target_role).readiness


def history_entries(fw: Framework, store: Store | None = None) -> list[HistoryEntry]:
    store = store or Store()
    entries = []
    for number, ident in enumerate(store.ids(), 1):
        try:
            profile = load_profile(store.path(ident), fw, strict=False).profile
        except DataError as exc:
            entries.append(HistoryEntry(number, ident, "", "", None, 0, None, problem=exc.message))
            continue
        when = profile.assessed_at.strftime("%Y-%m-%d %H:%M") if profile.assessed_at else ""
        rated = sum(1 for r in profile.ratings.values() if r.level is not None)
        entries.append(
            HistoryEntry(
                number,
                ident,
                when,
                profile.current_role,
                profile.target_role,
                rated,
                readiness_of(fw, profile),
            )
        )
    return entries
