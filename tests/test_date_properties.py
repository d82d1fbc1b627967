"""Properties of every date a plan gives (issue 19), over generated profiles and every target.

More weekly hours, a higher rating, an extra certification held or an extra month of
relevant experience never make a date later. A date that cannot be promised (None) counts
as later than any month. The examples are derandomised (the same every run, on any
machine). What is compared:

* more hours, more experience: the ready month, every eligibility, every move and
  experience milestone, and every exam the ready month needs;
* a higher rating, one more certification held: the ready month and every eligibility, and
  the moves and milestones when both plans take the same path (another path has other
  moves; an eligibility dated from a move counts only on the same path). Exams are left out:
  which step or certification is worth doing first changes (a junior PM with stakeholder
  communication 1 instead of 0 starts with a 12-hour course, not a 3-hour read, so APM PMQ
  ends in month 3, not 2). When holding one opens a certification the plan asks for as a
  competency's step (PMP waives PMI-ACP's agile months), there is more to do, and only the
  eligibility dates are compared.

Run at 1,500 examples: the rating property held once a step's place in the order stopped
depending on the person's level (the reordering example is kept as a test); one case of one
more certification held remains, kept as a strict xfail (CAPM waives PMP's education, the
pinned PMP exam starts sooner and takes hours that courses had: ready 33 -> 35).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

from pmopath.engine.schedule import Plan
from pmopath.engine.summary import summarise
from pmopath.model.catalog import Framework
from pmopath.model.profile import HeldCertification, Position, Profile, Rating, Training

AS_OF = dt.date(2026, 11, 22)
FW: Framework


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


KINDS = ["project-management", "program", "portfolio", "pmo", "people-leadership", "agile"]


@st.composite
def positions(draw: Any) -> Position:
    start = draw(st.integers(2000 * 12, 2026 * 12 + 9))
    current = draw(st.booleans())
    end = None if current else draw(st.integers(start, 2026 * 12 + 9))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True))

    def month(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    return Position(
        title="Job", start=month(start), end=None if end is None else month(end), kinds=kinds
    )


@st.composite
def profiles(draw: Any) -> Profile:
    comps = [c.id for c in FW.competencies]
    ratings = draw(
        st.dictionaries(st.sampled_from(comps), st.integers(0, 4), min_size=len(comps) // 2)
    )
    return Profile(
        current_role=draw(st.sampled_from([r.id for r in FW.roles])),
        positions=tuple(draw(st.lists(positions(), max_size=3))),
        education=draw(st.sampled_from(["secondary", "bachelor", "master"])),
        training=Training(
            general=draw(st.sampled_from([0, 20, 35])), pmo=draw(st.sampled_from([0, 10]))
        ),
        certifications=tuple(
            HeldCertification(id=c)
            for c in draw(
                st.lists(
                    st.sampled_from(["pmp", "capm", "prince2-foundation"]), unique=True, max_size=2
                )
            )
        ),
        hours_per_week=draw(st.sampled_from([2, 4, 8])),
        ratings={k: Rating(level=v) for k, v in ratings.items()},
    )


#: A failure found before need not be shrunk again on every run.
NO_SHRINK = (Phase.explicit, Phase.generate)

targets = st.deferred(lambda: st.sampled_from([r.id for r in FW.roles]))


def dates(p: Plan, *, exams: bool = True) -> dict[str, float]:
    """Every date the plan gives, by what it dates (None: never, as infinity); the exams
    the requirements need (an optional one takes the hours they leave) unless ``exams``
    is False."""
    out: dict[str, float] = {"ready": math.inf if p.ready_in_months is None else p.ready_in_months}
    for c in p.score.certifications:
        el = c.eligibility
        if el.status != "blocked":
            months = el.eligible_in_months
            out[f"eligible:{el.id}"] = math.inf if months is None else months
    for ph in p.phases:
        for it in ph.items:
            if (
                it.step == "milestone"
                or it.step == "move"
                or (exams and it.step == "exam" and not it.optional)
            ):
                out[f"{it.step}:{it.ref}"] = it.end_month
    return out


def same_path(before: Plan, after: Plan, *, exams: bool = False) -> dict[str, float]:
    """The dates of ``before`` to compare with ``after``: moves, milestones and eligibility
    dated from a move only when both plans take the same path (another has other moves)."""
    out = dates(before, exams=exams)
    if before.score.path != after.score.path:
        moved = {
            f"eligible:{c.eligibility.id}"
            for c in before.score.certifications
            if c.eligibility.after_move is not None
        }
        out = {
            k: v
            for k, v in out.items()
            if not k.startswith(("move:", "milestone:")) and k not in moved
        }
    return out


def never_later(before: dict[str, float], after: dict[str, float]) -> None:
    for key, month in before.items():
        if key in after:
            assert after[key] <= month, (key, month, after[key])


def plan_for(profile: Profile, target: str, hours: float | None = None) -> Plan:
    return summarise(profile, FW, target, hours_per_week=hours, as_of=AS_OF)[0]


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(profiles(), targets, st.sampled_from([1.5, 2, 3]))
def test_more_hours_never_make_a_date_later(profile: Profile, target: str, factor: float) -> None:
    hours = profile.hours_per_week or 4
    base = plan_for(profile, target, hours)
    assume(base.score.path)
    never_later(dates(base), dates(plan_for(profile, target, hours * factor)))


@settings(max_examples=60, deadline=None, derandomize=True, database=None, phases=NO_SHRINK)
@given(
    profiles(), targets, st.sampled_from(["capm", "pmp", "prince2-foundation", "p3o-foundation"])
)
def test_an_extra_certification_never_makes_a_date_later(
    profile: Profile, target: str, cert: str
) -> None:
    assume(cert not in profile.held())
    more = profile.model_copy(
        update={"certifications": (*profile.certifications, HeldCertification(id=cert))}
    )
    first, then = plan_for(profile, target), plan_for(more, target)
    before, after = same_path(first, then), dates(then)
    before = {k: v for k, v in before.items() if not k.startswith(f"eligible:{cert}")}
    if required_exams(then) - required_exams(first):
        # holding it opened a certification the plan asks for as a competency's step and
        # could not plan before (PMP waives PMI-ACP's agile months): more work, not less;
        # only the eligibility dates that do not count from a move must hold
        moved = {
            f"eligible:{c.eligibility.id}"
            for c in first.score.certifications
            if c.eligibility.after_move
        }
        before = {k: v for k, v in before.items() if k.startswith("eligible:") and k not in moved}
    never_later(before, after)


def required_exams(p: Plan) -> set[str]:
    """The exams the ready month waits for."""
    return {
        it.ref or "" for ph in p.phases for it in ph.items if it.step == "exam" and not it.optional
    }


@settings(max_examples=60, deadline=None, derandomize=True, database=None, phases=NO_SHRINK)
@given(profiles(), targets, st.data())
def test_a_higher_rating_never_makes_a_date_later(profile: Profile, target: str, data: Any) -> None:
    rated = sorted(c for c, r in profile.ratings.items() if r.level < 4)
    assume(rated)
    comp = data.draw(st.sampled_from(rated))
    higher = raise_rating(profile, comp)
    first, then = plan_for(profile, target), plan_for(higher, target)
    never_later(same_path(first, then), dates(then))


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(profiles(), targets, st.sampled_from(KINDS))
def test_an_extra_month_of_experience_never_makes_a_date_later(
    profile: Profile, target: str, kind: str
) -> None:
    extra = Position(title="Earlier", start="2026-09", end="2026-10", kinds=[kind])
    more = profile.model_copy(update={"positions": (*profile.positions, extra)})
    never_later(dates(plan_for(profile, target)), dates(plan_for(more, target)))


def raise_rating(profile: Profile, comp: str) -> Profile:
    level = profile.level(comp) or 0
    return profile.model_copy(
        update={"ratings": {**profile.ratings, comp: Rating(level=min(4, level + 1))}}
    )


def test_a_higher_rating_never_makes_the_ready_month_later_example() -> None:
    # the project manager of the examples, networking 2 instead of 1 (found by a user trial)
    from pathlib import Path

    from pmopath.load.profiles import load_profile

    pm = load_profile(Path(__file__).parents[1] / "examples" / "project-manager.yaml", FW).profile
    before = plan_for(pm, "director")
    after = plan_for(raise_rating(pm, "networking"), "director")
    never_later(dates(before), dates(after))


def _rated(**levels: int) -> dict[str, Rating]:
    return {k.replace("_", "-"): Rating(level=v) for k, v in levels.items()}


@pytest.mark.xfail(
    strict=True,
    reason="found at 1,500 examples: CAPM waives PMP's 35 hours of education, so the PMP "
    "exam pinned in the first months starts a month sooner and takes the hours courses had",
)
def test_an_earlier_pinned_exam_is_not_yet_free() -> None:
    person = Profile(
        current_role="project-manager",
        positions=(
            Position(title="Job", start="2020-09", kinds=["project-management", "portfolio"]),
            Position(title="Job", start="2011-03", kinds=["portfolio", "project-management"]),
            Position(title="Job", start="2018-01", end="2025-03", kinds=["project-management"]),
        ),
        education="master",
        training=Training(general=20.0),
        hours_per_week=8.0,
        ratings=_rated(
            p3m_delivery_support=2, governance=2, p3m_administration=4, pm_tools=0,
            risk_management=2, networking=0, team_development=2,
            financial_resource_management=4, pmo_management=1, strategic_thinking=4,
            performance_monitoring=0, budgeting_cost_control=4, continuous_improvement=2,
            pm_methodologies=2, data_driven_decisions=4, stakeholder_communication=0,
            leadership_influence=3, change_leadership=2, p3m_enabling=3, planning_scheduling=4,
        ),
    )  # fmt: skip
    more = person.model_copy(update={"certifications": (HeldCertification(id="capm"),)})
    before, after = plan_for(person, "program-manager"), plan_for(more, "program-manager")
    assert before.ready_in_months == 33
    assert after.ready_in_months is not None and after.ready_in_months <= 33


def test_a_raised_rating_keeps_the_order_of_the_remaining_steps() -> None:
    # found at 1,500 examples when the order came from each gap's priority (weight x gap):
    # change leadership 1 instead of 0 lowered its priority, its courses interleaved with
    # team development's and the ready month went from 66 to 68. A step's place now comes
    # from the step (weight x levels from it to the required one), not from the person.
    person = Profile(
        current_role="pmo-director",
        positions=(
            Position(title="Job", start="2025-03", end="2025-11", kinds=["agile", "pmo", "portfolio"]),
            Position(title="Job", start="2018-01", end="2024-11", kinds=["project-management"]),
            Position(title="Job", start="2007-06", end="2011-12", kinds=["agile", "people-leadership"]),
        ),
        education="bachelor",
        training=Training(pmo=10),
        hours_per_week=2.0,
        ratings=_rated(
            team_development=1, networking=2, planning_scheduling=4,
            stakeholder_communication=3, strategic_thinking=0, pm_methodologies=2, governance=2,
            financial_resource_management=2, p3m_administration=4, change_leadership=0,
            p3m_enabling=4, leadership_influence=1, budgeting_cost_control=1,
            p3m_delivery_support=0,
        ),
    )  # fmt: skip
    before = plan_for(person, "chief-project-officer")
    after = plan_for(raise_rating(person, "change-leadership"), "chief-project-officer")
    assert before.ready_in_months is not None and after.ready_in_months is not None
    assert after.ready_in_months <= before.ready_in_months
