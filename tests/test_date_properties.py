"""Properties of every date a plan gives (issue 19), over generated profiles and every target.

More weekly hours, a higher rating, an extra certification held or an extra month of
relevant experience never make a date later: the ready month, a certification's
eligibility, a move into a stepping stone. A date that cannot be promised (None) counts as
later than any month. The examples are derandomised (the same every run, on any machine);
the counterexamples found are kept: under the old two-at-a-time rule a higher rating (the
example PM with networking 2) gave a later date, and now passes.

Exams: with more hours or more experience no exam is later. With a higher rating or one
more certification held, the ready month, eligibility, moves and milestones are never later,
but an exam can be, by the order of the one study lane: the first step of the largest core
gap goes first, and a higher rating can make that step longer (a junior PM with stakeholder
communication 1 instead of 0: the 12-hour course goes before APM PMQ instead of a 3-hour
read, and the exam ends in month 3, not 2); holding PMP opens certifications that were out
of reach and changes which one is worth planning. Found at 1,500 examples; kept out of the
comparison, and said in README "How pmopath dates a plan".
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


def same_path(before: Plan, after: Plan) -> dict[str, float]:
    """The dates of ``before`` to compare with ``after``: moves, milestones and eligibility
    dated from a move only when both plans take the same path (another has other moves)."""
    out = dates(before, exams=False)
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
    never_later(before, after)


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
    reason="found at 1,500 examples: PMP waives PMI-ACP's agile months, so ACP becomes "
    "plannable as the step of delivery methods 2-3 and its 98 hours come before the rest",
)
def test_pmp_opening_a_step_certification_is_not_yet_free() -> None:
    person = Profile(
        current_role="pmo-manager",
        positions=(Position(title="Job", start="2015-03", kinds=["project-management"]),),
        education="secondary",
        training=Training(pmo=10),
        hours_per_week=2.0,
        ratings=_rated(
            change_leadership=1, data_driven_decisions=4, p3m_enabling=4, team_development=4,
            p3m_administration=4, continuous_improvement=3, governance=0,
            p3m_delivery_support=2, networking=0, performance_monitoring=3,
            strategic_thinking=2, risk_management=0, leadership_influence=4,
            pm_methodologies=1, stakeholder_communication=4, financial_resource_management=2,
            pmo_management=4, planning_scheduling=1, pm_tools=2, budgeting_cost_control=2,
        ),
    )  # fmt: skip
    more = person.model_copy(update={"certifications": (HeldCertification(id="pmp"),)})
    before, after = plan_for(person, "pmo-manager"), plan_for(more, "pmo-manager")
    assert before.ready_in_months == 34
    assert after.ready_in_months is not None and after.ready_in_months <= 34


@pytest.mark.xfail(
    strict=True,
    reason="found at 1,500 examples: change leadership 1 instead of 0 lowers its priority, its "
    "later courses then interleave with team development's and the coaching course ends later",
)
def test_a_reordered_study_lane_is_not_yet_free() -> None:
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
    assert before.ready_in_months == 66
    assert after.ready_in_months is not None and after.ready_in_months <= 66
