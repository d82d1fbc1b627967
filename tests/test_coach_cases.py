"""Issue 20, "Done when": the PMO coach's table (tests/coach_cases.md, section 4) holds.

Every assertion line is one test (its ID: case, field, key), run against pmopath's public
core at the coach's as-of date and weekly hours; the lines live, typed, in coach_rows.py
(the check kinds are in coach_table.py). A line pmopath does not meet yet is a strict
xfail naming the missing feature, so the suite says so the day it starts to pass.

Three things are read through accessors below, because the features that expose them are
being added now: how an action is offered (:func:`action_form`), whether a held credential's
renewal is asked about (:func:`renewal_standing`), and the experience month of a kind
(:func:`experience_span`). After a merge, only these should need adapting.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal, NamedTuple

import pytest

from coach_rows import ALL_XFAIL, ROWS
from coach_table import (
    CASES,
    Action,
    AllMet,
    Alt,
    CertMust,
    CertNot,
    Conditioned,
    Exp,
    FoundationAsStep,
    PathIs,
    PathNot,
    PmoTime,
    Renewal,
    Row,
    Status,
    ThroughPmo,
    Years,
)
from pmopath.engine.eligibility import Eligibility, eligibility
from pmopath.engine.renewal import standings
from pmopath.engine.schedule import Plan, PlanItem
from pmopath.engine.summary import summarise
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile

AS_OF = dt.date(2026, 11, 22)
TESTS = Path(__file__).parent
MARKDOWN = TESTS / "coach_cases.md"
FW: Framework


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


class Run(NamedTuple):
    profile: Profile
    plan: Plan
    target: str
    hours: float


_RUNS: dict[str, Run] = {}


def run(case: str) -> Run:
    """The coach's case through pmopath, once per session."""
    if case not in _RUNS:
        file, target, hours = CASES[case]
        profile = load_profile(TESTS / file, FW).profile
        plan, _ = summarise(profile, FW, target, hours_per_week=hours, as_of=AS_OF)
        _RUNS[case] = Run(profile, plan, target, hours)
    return _RUNS[case]


# --- accessors: what today's core exposes ----------------------------------------------


def items(plan: Plan) -> list[PlanItem]:
    return [it for ph in plan.phases for it in ph.items]


def cert_items(plan: Plan, cert: str) -> list[PlanItem]:
    """A certification's exam (also as a competency's step) and its training hours."""
    return [it for it in items(plan) if it.ref == cert and it.step in ("exam", "training")]


def status_of(
    r: Run, cert: str, profile: Profile | None = None, on: dt.date = AS_OF
) -> Eligibility:
    """The plan's status of a certification on the path, else the certification alone."""
    if profile is None and on == AS_OF:
        for c in r.plan.score.certifications:
            if c.eligibility.id == cert:
                return c.eligibility
    who = r.profile if profile is None else profile
    return eligibility(FW, FW.certification_by_id[cert], who, r.hours, on)


def without(profile: Profile, cert: str) -> Profile:
    kept = tuple(c for c in profile.certifications if c.id != cert)
    return profile.model_copy(update={"certifications": kept})


def move_month(r: Run, role: str) -> int | None:
    """The plan month of the move into a role (0: the current role; the target: ready)."""
    if role == r.plan.score.current_role:
        return 0
    if role == r.target:
        return r.plan.ready_in_months
    moves = [it.start_month for it in items(r.plan) if it.step == "move" and it.ref == role]
    return min(moves, default=None)


def experience_span(plan: Plan, kind: str) -> tuple[int, int] | None:
    """The months over which the plan earns the rest of a kind of experience."""
    for it in items(plan):
        if it.step == "milestone" and it.kind == "experience" and it.ref == kind:
            return it.start_month, it.end_month
    return None


Form = Literal["as-is", "doable"]


def action_form(plan: Plan, competency: str, level: int) -> tuple[Form, PlanItem] | None:
    """How the on-the-job step to ``level`` is offered: as the data words it, or in a doable
    form (a secondment, a proposal, shadowing) because its context is not there yet (the
    plan item's typed ``form``)."""
    step = f"{level - 1}-{level}"
    actions = FW.competency_by_id[competency].actions.get(step, ())  # type: ignore[call-overload]
    titles = {a.title for a in actions} | {a.doable.title for a in actions if a.doable}
    for it in items(plan):
        if it.step == "practice" and it.ref == competency and it.title in titles:
            return ("doable" if it.form is not None else "as-is"), it
    return None


def renewal_standing(r: Run, cert: str) -> Literal["asked", "current", "not-tracked"]:
    """Whether pmopath asks if a held credential is still active: it does when a renewal
    point has passed unrecorded, or no year is recorded (engine.renewal, "unknown")."""
    found = standings(FW, r.profile, AS_OF).get(cert)
    if found is None or found.standing in ("no-rule", "lapsed"):
        return "not-tracked"
    return "asked" if found.standing == "unknown" else "current"


# --- checks ------------------------------------------------------------------------------


def has_run(path: tuple[str, ...], run_: tuple[str, ...]) -> bool:
    n = len(run_)
    return any(path[i : i + n] == run_ for i in range(len(path) - n + 1))


def missing_exp(el: Eligibility, kind: str) -> tuple[float, float] | None:
    for m in el.missing:
        if m.kind == "experience" and m.experience is not None and m.experience.value == kind:
            return m.have, m.have + m.amount
    return None


def check_status(r: Run, c: Status) -> None:
    el = status_of(r, c.cert)
    if c.status:
        assert el.status in c.status
    if c.months is not None:
        assert el.eligible_in_months == c.months
    if c.undated:
        assert el.eligible_in_months is None
    if c.exp is not None:
        assert missing_exp(el, c.exp[0]) == c.exp[1:]
    if c.exp_met is not None:
        assert missing_exp(el, c.exp_met) is None
    training = [(m.have, m.have + m.amount) for m in el.missing if m.kind == "training"]
    if c.training is not None:
        assert training == [c.training]
    if c.training_met:
        assert training == []
    if c.unchecked:
        assert el.unchecked
    firsts = [m for m in el.missing if m.kind == "certification"]
    if c.no_cert_first:
        assert firsts == []
    if c.needs_cert is not None:
        assert any(c.needs_cert in (m.certification, *m.one_of) for m in firsts)
    if c.without is not None:
        bare = status_of(r, c.cert, without(r.profile, c.without))
        if c.without_exp is not None:
            assert missing_exp(bare, c.without_exp[0]) == c.without_exp[1:]
        else:
            assert (bare.status, bare.eligible_in_months) == (el.status, el.eligible_in_months)
    if c.window is not None:
        still, gone = (dt.date.fromisoformat(d) for d in c.window)
        assert status_of(r, c.cert, on=still).status == "eligible"
        assert status_of(r, c.cert, on=gone).status != "eligible"
    if c.renewal_of is not None:
        assert renewal_standing(r, c.renewal_of) == "asked"


def check_exp(r: Run, c: Exp) -> None:
    if c.role is not None and c.role != r.target:  # a stepping stone: its move
        moved = move_month(r, c.role)
        assert moved is not None and moved >= (c.at_least or 0)
        return
    gap = next(e for e in r.plan.score.experience if e.kind == c.kind)
    span = experience_span(r.plan, c.kind)
    met = 0 if not gap.gap_months else (None if span is None else span[1])
    if c.held is not None:
        assert gap.current_months == c.held
    if c.month is not None:
        assert met == c.month
    if c.at_least is not None:
        assert met is not None and met >= c.at_least
    if c.after_move is not None:
        moved = move_month(r, c.after_move)
        assert moved is not None and span is not None and span[0] >= moved


def check_cert_must(r: Run, c: CertMust) -> None:
    ready = r.plan.ready_in_months
    if c.when_path_has is not None and c.when_path_has not in r.plan.score.path:
        return
    if c.if_reached and c.month is not None and (ready is None or ready < c.month):
        return
    assert any(it.step == "exam" for it in cert_items(r.plan, c.cert))
    if c.month is not None:
        assert status_of(r, c.cert).eligible_in_months == c.month
    if c.without is not None:
        bare = status_of(r, c.cert, without(r.profile, c.without))
        assert bare.eligible_in_months == c.month


def check_cert_not(r: Run, c: CertNot) -> None:
    if c.when_path_has is not None and c.when_path_has not in r.plan.score.path:
        return
    found = [it for cert in c.certs for it in cert_items(r.plan, cert)]
    if c.before is not None:
        found = [it for it in found if it.start_month < c.before]
    if c.after is not None:
        found = [it for it in found if it.end_month > c.after]
    if c.after_move is not None:
        moved = move_month(r, c.after_move[0])
        assert moved is not None
        found = [it for it in found if it.start_month < moved + c.after_move[1]]
    assert [(it.ref, it.step, it.start_month) for it in found] == []


def check_action(r: Run, c: Action) -> None:
    if c.when_path_has is not None and c.when_path_has not in r.plan.score.path:
        return
    for competency, level in c.steps:
        offered = action_form(r.plan, competency, level)
        if not c.doable:
            assert offered is None or offered[0] == "as-is", (competency, level)
            continue
        assert offered is not None and offered[0] == "doable", (competency, level)
        moved = move_month(r, c.before) if c.before else None
        assert moved is None or offered[1].end_month <= moved


FOUNDATIONS = {
    f"{name}-foundation": f"{name}-practitioner"
    for name in ("prince2", "prince2-agile", "msp", "p3o", "ipmo")
}


def check_foundations(r: Run) -> None:
    on_path = {c.eligibility.id for c in r.plan.score.certifications}
    for found, prac in FOUNDATIONS.items():
        if prac not in on_path or not cert_items(r.plan, found):
            continue
        needs = status_of(r, prac).missing
        assert any(found in (m.certification, *m.one_of) for m in needs), found
        assert cert_items(r.plan, prac), prac


def check(row: Row, case: str) -> None:
    """One line's check, by its kind."""
    r = run(case)
    path, c = r.plan.score.path, row.check
    if isinstance(c, PathIs):
        assert path in c.alternatives
    elif isinstance(c, PathNot):
        assert not [x for x in c.runs if has_run(path, x)], path
    elif isinstance(c, Alt):
        assert path != c.path
        best = r.plan.score.paths_considered[0].ready_months
        for o in r.plan.score.paths_considered:
            if o.path == c.path and best is not None:
                assert o.ready_months is None or o.ready_months >= best
    elif isinstance(c, Exp):
        check_exp(r, c)
    elif isinstance(c, AllMet):
        assert [e.kind for e in r.plan.score.experience if e.gap_months] == []
        assert r.plan.ready_in_months is not None
    elif isinstance(c, PmoTime):
        moved = move_month(r, "pmo-manager")
        ready = r.plan.ready_in_months
        assert moved is not None and ready is not None and ready >= moved + c.months
    elif isinstance(c, CertMust):
        check_cert_must(r, c)
    elif isinstance(c, CertNot):
        check_cert_not(r, c)
    elif isinstance(c, Status):
        check_status(r, c)
    elif isinstance(c, Action):
        check_action(r, c)
    elif isinstance(c, Renewal):
        assert (renewal_standing(r, c.cert) == "asked") == c.asked
    elif isinstance(c, Years):
        ready = r.plan.ready_in_months
        assert ready is not None and c.lo <= ready <= c.hi, ready
        by = {b.ref if b.kind == "experience" else b.kind for b in r.plan.ready_set_by}
        assert c.binding is None or c.binding in by, by
        after = None if c.after_move is None else move_month(r, c.after_move)
        assert c.after_move is None or (after is not None and ready > after)
    elif isinstance(c, Conditioned):
        for cert in c.certs:
            el = status_of(r, cert)
            dated = el.status == "eligible" or el.eligible_in_months is not None
            assert el.status == "held" or not dated or el.unchecked, cert
    elif isinstance(c, FoundationAsStep):
        check_foundations(r)
    elif isinstance(c, ThroughPmo) and r.target == "pmo-director":
        assert "pmo-manager" in path and not has_run(path, ("program-manager", r.target))


# --- the table as tests --------------------------------------------------------------------


def params() -> list[object]:
    out: list[object] = []
    for row in ROWS:
        for case in CASES if row.case == "ALL" else (row.case,):
            reasons = row.xfail if row.case != "ALL" else ALL_XFAIL.get((row.line, case), ())
            marks = [pytest.mark.xfail(strict=True, reason="; ".join(reasons))] if reasons else []
            name = row.id if row.case != "ALL" else f"{row.id}-{case}"
            out.append(pytest.param(row, case, id=name, marks=marks))
    return out


@pytest.mark.parametrize(("row", "case"), params())
def test_the_coach_line_holds(row: Row, case: str) -> None:
    check(row, case)


def test_every_assertion_line_is_a_test_once() -> None:
    lines = MARKDOWN.read_text(encoding="utf-8").splitlines()
    table = [
        (n, m.group(1), m.group(2).split(":")[0])
        for n, text in enumerate(lines, start=1)
        if (m := re.match(r"(C\d\d|ALL) \| ([a-z0-9_:.\-]+) \|", text))
    ]
    assert len(table) == 195
    assert [(r.line, r.case, r.field) for r in ROWS] == table
    ids = [r.id for r in ROWS]
    assert len(set(ids)) == len(ids)
    assert {r.case for r in ROWS} - {"ALL"} == set(CASES)
