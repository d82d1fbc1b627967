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


def after_move(
    profile: Profile,
    role: Role,
    move: int,
    as_of: dt.date,
    earlier: tuple[tuple[Role, int], ...] = (),
) -> Profile:
    """The profile as the plan has it from plan month ``move``, in ``role``: the current
    positions end the month before the plan's first move, and each role moved into before
    (``earlier``, in order) runs until the month before the next move."""
    now = as_month(as_of)
    chain = (*earlier, (role, move))
    last = month_label(as_of, chain[0][1] - 1)  # the month before the first move
    positions = []
    for p in profile.positions:
        if is_current(p, now):
            if p.start > last:
                continue  # begun after the plan starts: nothing to keep
            p = p.model_copy(update={"end": last})
        positions.append(p)
    for i, (step, month) in enumerate(chain):
        kinds = tuple(k for k in POSITION_KINDS if k in step.accrues)
        end = None
        if i + 1 < len(chain):
            if chain[i + 1][1] <= month:
                continue  # moved on in the same month: no time in this role
            end = month_label(as_of, chain[i + 1][1] - 1)
        planned = Position(
            title=f"{step.name} (planned)",
            role=step.id,
            start=month_label(as_of, month),
            end=end,
            kinds=kinds,
        )
        positions.append(planned)
    return profile.model_copy(update={"positions": tuple(positions)})


def soonest_after_moves(
    fw: Framework,
    profile: Profile,
    score: Score,
    moves: list[tuple[Role, int]],
    as_of: dt.date,
    cert_ids: list[str],
) -> dict[str, tuple[int, Role, Eligibility]]:
    """For each certification a planned move dates: the soonest month, counted from the
    plan's start, the role moved into, and the eligibility as checked from that move."""
    found: dict[str, tuple[int, Role, Eligibility]] = {}
    for i, (role, move) in enumerate(moves if cert_ids else ()):
        projected = after_move(profile, role, move, as_of, tuple(moves[:i]))
        check = checker(fw, projected, score.hours_per_week, month_start(as_of, move + 1))
        for cert_id in cert_ids:
            el = check.check(fw.certification_by_id[cert_id])
            if el.eligible_in_months is None or el.status == "blocked":
                continue
            months = move + el.eligible_in_months
            if cert_id not in found or months < found[cert_id][0]:
                found[cert_id] = (months, role, el)  # a move before gives it sooner
    return found


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
    for cert_id, (months, role, el) in soonest_after_moves(
        fw, profile, score, moves, as_of, list(today)
    ).items():
        move = months - (el.eligible_in_months or 0)
        note = (
            f"dated from the plan's move into {role.name} in month {move} "
            f"({month_label(as_of, move)}): the months count from there"
        )
        found[cert_id] = el.model_copy(
            update={
                "status": "not-yet-eligible",
                "eligible_in_months": months,
                "missing": today[cert_id].missing,
                "assumptions": (*el.assumptions, note),
                "after_move": role.id,
            }
        )
    found.update(stopped_by_the_first_move(fw, profile, score, moves, as_of))
    return found


def stopped_by_the_first_move(
    fw: Framework,
    profile: Profile,
    score: Score,
    moves: list[tuple[Role, int]],
    as_of: dt.date,
) -> dict[str, Eligibility]:
    """Certifications dated as things stand only because a current position keeps counting
    past the plan's first move, which ends it: re-dated from the moves, or without a date
    when no role on the path earns what they need (a coordinator's project-management row
    does not count once the plan makes them a PMO analyst)."""
    if not moves:
        return {}
    first_role, first = moves[0]
    late = {
        c.eligibility.id: c.eligibility
        for c in score.certifications
        if c.eligibility.status == "not-yet-eligible"
        and (c.eligibility.eligible_in_months or 0) > first
        and c.eligibility.after_move is None
    }
    soonest = soonest_after_moves(fw, profile, score, moves, as_of, list(late))
    found: dict[str, Eligibility] = {}
    for cert_id, now in late.items():
        best = soonest.get(cert_id)
        if best is not None and best[0] <= (now.eligible_in_months or 0):
            continue  # the moves keep (or bring forward) today's date
        note = (
            f"your current positions stop counting at the plan's move into {first_role.name} in"
            f" month {first} ({month_label(as_of, first)})"
        )
        found[cert_id] = now.model_copy(
            update={
                "eligible_in_months": best[0] if best else None,
                "assumptions": (*now.assumptions, note),
                "after_move": best[1].id if best else None,
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
