"""One person against one target on one day: the figures every command agrees on.

:func:`summarise` scores, plans and sums up once; ``gap``, ``gap --explain``, the
side-by-side comparison, ``roadmap`` and the summary after an assessment all show its
figures, so they cannot disagree. Requirements met are counted one way:

* competencies: those assessed at or above the target's level, of all the target requires
  (one not assessed is unknown: neither met nor a gap, and readiness leaves it out);
* experience: the target's experience requirements met, of all of them; months short is
  the largest shortfall;
* certifications: those the target itself recommends that are held, of all it recommends
  (not those of the stepping stones on the way);
* the ready month: the plan's, the month the last of the target's requirements is met;
  what sets it: the requirements whose last work ends that month, and whether twice the
  weekly hours would bring it sooner (experience, time in a role, never does).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pmopath.engine.planning import plan
from pmopath.engine.schedule import Binding, Plan
from pmopath.engine.scoring import Score, paths_explained, score
from pmopath.model.catalog import Framework
from pmopath.model.framework import Model
from pmopath.model.profile import Profile


class Summary(Model):
    target_role: str
    path: tuple[str, ...]  # role IDs, current first
    readiness: float  # competency readiness, rounded as shown (4 places)
    competencies_met: int  # assessed and at or above the level
    competencies_assessed: int  # rated at all: readiness is over these
    competencies_total: int
    experience_met: int
    experience_total: int
    months_short: int  # the largest experience shortfall
    certifications_held: int  # of those the target recommends
    certifications_recommended: int
    ready_in_months: int | None
    ready_set_by: tuple[Binding, ...] = ()  # the requirements whose last work ends that month
    unearned: tuple[str, ...] = ()  # experience no role on the path earns (no ready month)
    #: The ready month at more weekly hours: (hours, months sooner); None when only
    #: experience (time in a role) sets the date, so more hours cannot move it.
    more_hours: tuple[float, int] | None = None

    @property
    def requirements_met(self) -> dict[str, tuple[int, int]]:
        return {
            "competencies": (self.competencies_met, self.competencies_total),
            "experience": (self.experience_met, self.experience_total),
            "certifications": (self.certifications_held, self.certifications_recommended),
        }


def figures_of(fw: Framework, s: Score) -> dict[str, Any]:
    """A score's figures, counted by the rules above: readiness and each kind of requirement
    met (``pmopath team`` shows them for everyone without planning, as ``gap`` counts them)."""
    target = fw.role_by_id[s.target_role]
    held = {c.eligibility.id for c in s.certifications if c.eligibility.status == "held"}
    return {
        "readiness": round(s.readiness, 4),
        "competencies_met": sum(1 for g in s.competencies if g.current is not None and not g.gap),
        "competencies_assessed": sum(1 for g in s.competencies if g.current is not None),
        "competencies_total": len(s.competencies),
        "experience_met": sum(1 for e in s.experience if not e.gap_months),
        "experience_total": len(s.experience),
        "months_short": max((e.gap_months for e in s.experience), default=0),
        "certifications_held": sum(1 for c in target.certifications if c in held),
        "certifications_recommended": len(target.certifications),
    }


def summary_of(fw: Framework, result: Plan) -> Summary:
    """The figures of a plan, counted by the rules above."""
    s = result.score
    return Summary.model_construct(
        target_role=s.target_role,
        path=s.path,
        **figures_of(fw, s),
        ready_in_months=result.ready_in_months,
        ready_set_by=result.ready_set_by,
        unearned=result.unearned,
    )


def summarise(
    profile: Profile,
    fw: Framework,
    target: str | None = None,
    *,
    hours_per_week: float | None = None,
    as_of: dt.date,
    horizon: int | None = None,
    more_hours: bool = True,
) -> tuple[Plan, Summary]:
    """Score and plan a profile against a target once, and sum it up.

    The explanation's line for the chosen path gives the plan's ready month (the path
    search's own estimate is only for comparing paths). ``more_hours=False`` leaves out
    the second plan at twice the hours (for a list that shows only the figures).
    """
    scored = score(profile, fw, target, hours_per_week=hours_per_week, as_of=as_of)
    result = plan(scored, profile, fw, as_of=as_of, horizon=horizon)
    lines = paths_explained(scored.paths_considered, chosen_ready=result.ready_in_months)
    # the plan's score: certifications dated from a planned move carry their dates
    planned = result.score
    planned = planned.model_copy(update={"explanation": planned.explanation + lines})
    result = result.model_copy(update={"score": planned})
    summary = summary_of(fw, result)
    ready = result.ready_in_months
    if more_hours and ready and any(b.mode != "milestone" for b in result.ready_set_by):
        # work sets the date: would more time a week move it? (twice the hours, at most 40)
        more = min(MORE_HOURS_CAP, scored.hours_per_week * 2)
        if more > scored.hours_per_week:
            faster = score(profile, fw, target, hours_per_week=more, as_of=as_of)
            sooner = plan(faster, profile, fw, as_of=as_of).ready_in_months
            gain = 0 if sooner is None else max(0, ready - sooner)
            summary = summary.model_copy(update={"more_hours": (more, gain)})
    return result, summary


#: The most weekly hours "what sets the date" tries.
MORE_HOURS_CAP = 40.0
