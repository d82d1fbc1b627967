"""Eligibility after a planned move: the person as the plan has them from that month.

A certification whose experience only a stepping stone earns has no date as things stand
(:mod:`pmopath.engine.worktime` promises no month nobody is earning). Once the plan moves
the person into that role, it can: the work history is extended with the role, from the
move month, its kinds being those the role accrues, and the current positions end the month
before. The rules are the ones :mod:`pmopath.engine.eligibility` applies; only the history
is the simulated one.
"""

import datetime as dt

from pmopath.base.months import as_month, month_label, month_start
from pmopath.engine.eligibility import Eligibility, checker
from pmopath.engine.scoring import Score
from pmopath.engine.worktime import is_current
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS, Role
from pmopath.model.profile import Position, Profile


def after_move(profile: Profile, role: Role, move: int, as_of: dt.date) -> Profile:
    """The profile as the plan has it from plan month ``move``, in ``role``."""
    now = as_month(as_of)
    last = month_label(as_of, move - 1)  # the month before the move
    positions = []
    for p in profile.positions:
        if is_current(p, now):
            if p.start > last:
                continue  # begun after the plan starts: nothing to keep
            p = p.model_copy(update={"end": last})
        positions.append(p)
    kinds = tuple(k for k in POSITION_KINDS if k in role.accrues)
    planned = Position(
        title=f"{role.name} (planned)", role=role.id, start=month_label(as_of, move), kinds=kinds
    )
    return profile.model_copy(update={"positions": (*positions, planned)})


def dated_after_moves(
    fw: Framework,
    profile: Profile,
    score: Score,
    moves: list[tuple[Role, int]],
    as_of: dt.date,
) -> dict[str, Eligibility]:
    """Each certification of the score with no date as things stand that a planned move
    dates, by ID: its eligibility counted from the plan's start (the soonest over the moves;
    ``after_move`` names the role), with what is missing as it is today."""
    today = {
        c.eligibility.id: c.eligibility
        for c in score.certifications
        if c.eligibility.status == "not-yet-eligible" and c.eligibility.eligible_in_months is None
    }
    found: dict[str, Eligibility] = {}
    for role, move in moves if today else ():
        projected = after_move(profile, role, move, as_of)
        check = checker(fw, projected, score.hours_per_week, month_start(as_of, move + 1))
        for cert_id, now in today.items():
            el = check.check(fw.certification_by_id[cert_id])
            if el.eligible_in_months is None or el.status == "blocked":
                continue
            months = move + el.eligible_in_months
            if cert_id in found and (found[cert_id].eligible_in_months or 0) <= months:
                continue  # a move before gives it sooner
            note = (
                f"dated from the plan's move into {role.name} in month {move} "
                f"({month_label(as_of, move)}): the months count from there"
            )
            found[cert_id] = el.model_copy(
                update={
                    "status": "not-yet-eligible",
                    "eligible_in_months": months,
                    "missing": now.missing,
                    "assumptions": (*el.assumptions, note),
                    "after_move": role.id,
                }
            )
    return found


def with_dates(score: Score, projected: dict[str, Eligibility]) -> Score:
    """The score with those certifications dated from the move."""
    certs = tuple(
        c.model_copy(update={"eligibility": projected[c.eligibility.id]})
        if c.eligibility.id in projected
        else c
        for c in score.certifications
    )
    return score.model_copy(update={"certifications": certs})
