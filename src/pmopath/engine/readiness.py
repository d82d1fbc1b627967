"""Readiness for a role from the ratings alone: the weighted gap and what it is a share of.

* importance weight: core 3, important 2, useful 1;
* gap = max(0, required - current), over the competencies that were assessed: one not
  rated (or rated "not sure") is unknown, not 0, and is left out of the sums;
* readiness = 1 - sum(weight * gap) / sum(weight * required), over the role's assessed
  competencies (1.0 when the role requires nothing, 0.0 when nothing it requires was assessed;
  :func:`assessed` says how many were).

Used by scoring, by the path search (the gap of each stepping stone) and by the history
of saved assessments.
"""

from collections.abc import Callable

from pmopath.model.framework import Importance, Role
from pmopath.model.profile import Profile

WEIGHTS = {Importance.core: 3, Importance.important: 2, Importance.useful: 1}


def assessed(profile: Profile, role: Role) -> tuple[int, int]:
    """(assessed, required): how many of the role's competencies have a rating."""
    rated = sum(1 for c in role.competencies if profile.level(c) is not None)
    return rated, len(role.competencies)


def readiness_for(profile: Profile, role: Role) -> tuple[float, int, int]:
    """(readiness, weighted gap, weighted requirement) against one role, over the
    competencies assessed."""
    return readiness_of(profile.level, role)


def readiness_of(level_of: Callable[[str], int | None], role: Role) -> tuple[float, int, int]:
    """:func:`readiness_for` from a lookup of levels by competency (``pmopath team`` keeps
    only the levels of most people, not their profiles)."""
    gap_total = need_total = 0
    for comp_id, req in role.competencies.items():
        level = level_of(comp_id)
        if level is None:
            continue  # unknown: neither a gap nor met
        weight = WEIGHTS[req.importance]
        gap_total += weight * max(0, req.level - level)
        need_total += weight * req.level
    if need_total == 0:
        # nothing required (1.0), or nothing required assessed: no readiness is claimed
        rated = sum(1 for c in role.competencies if level_of(c) is not None)
        return (0.0 if rated < len(role.competencies) else 1.0), 0, 0
    return 1 - gap_total / need_total, gap_total, need_total
