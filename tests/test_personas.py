"""Persona plans, checked against expectations worked out by hand first.

tests/persona_expectations.md holds the working (an independent reviewer's, from the
data and the rules, before the planner ran). Where the data changed afterwards (the PMO
manager's experience requirement, section "Where the rules leave a gap", item 1), the
expectation here says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pmopath.engine.planning import plan
from pmopath.engine.schedule import Plan, PlanItem
from pmopath.engine.scoring import Score, score
from pmopath.engine.summary import summary_of
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile

AS_OF = dt.date(2026, 11, 22)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FW: Framework  # the session's framework, set by the fixture below (never at import)


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


def senior_pm() -> Profile:
    """Seven years of projects, two of a programme, no PMO, PMP, 6 h a week."""
    ratings: dict[str, Any] = {c.id: 2 for c in FW.competencies}
    for strong in ("pm-methodologies", "planning-scheduling", "risk-management"):
        ratings[strong] = 3
    ratings["stakeholder-communication"] = 3
    ratings["pmo-management"] = 1
    return Profile.model_validate(
        {
            "current_role": "senior-project-manager",
            "education": "bachelor",
            "training": {"general": 40},
            "hours_per_week": 6,
            "certifications": ["pmp"],
            "ratings": ratings,
            "positions": [
                {"title": "Project manager", "start": "2019-11", "kinds": ["project-management"]},
                {"title": "Programme lead", "start": "2024-11", "kinds": ["program"]},
            ],
        }
    )


def example(name: str) -> Profile:
    return load_profile(EXAMPLES / f"{name}.yaml", FW).profile


def run(profile: Profile, target: str, hours: float | None = None) -> tuple[Score, Plan]:
    result = score(profile, FW, target, hours_per_week=hours, as_of=AS_OF)
    return result, plan(result, profile, FW, as_of=AS_OF)


def items(p: Plan) -> list[PlanItem]:
    return sorted((it for ph in p.phases for it in ph.items), key=lambda it: it.rank)


def first_month(p: Plan, **match: str) -> int:
    found = [
        it.start_month for it in items(p) if all(getattr(it, k) == v for k, v in match.items())
    ]
    assert found, match
    return min(found)


def test_senior_pm_toward_director() -> None:
    result, p = run(senior_pm(), "pmo-director")
    assert result.readiness == pytest.approx(84 / 127, abs=0.001)
    assert summary_of(FW, p).requirements_met == {
        "competencies": (4, 16),
        "experience": (0, 3),
        "certifications": (0, 5),
    }
    assert {e.kind: e.gap_months for e in result.experience} == {
        "project-related": 36,
        "people-leadership": 36,
        "pmo": 24,  # issue 20: about two years in a PMO before director (an estimate)
    }
    # through a PMO (fact sheet section 7), not the programme route
    assert result.path == ("senior-project-manager", "pmo-manager", "pmo-director")
    # two kinds grow in the current role: they start now; PMO time from the PMO move
    starts = {it.ref: it.start_month for it in items(p) if it.kind == "experience"}
    move = first_month(p, kind="role", ref="pmo-manager")
    assert starts == {"project-related": 1, "people-leadership": 1, "pmo": move + 1}
    assert first_month(p, kind="network") == 1
    assert first_month(p, ref="pmo-management") <= 6  # the largest weighted core gap
    # PMI-PMOCP: recommended by the target, a PMP waives its experience, 10 h of PMO
    # education to take: planned in the first year (before: year three)
    assert first_month(p, kind="certification", ref="pmi-pmocp") <= 12


def test_senior_pm_toward_pmo_manager() -> None:
    # Hand-worked against the earlier data, no path could be ready (PMO years were asked
    # of a PMO manager, and only PMO roles earn them). The requirement is now five years
    # of project-related work (roles.yaml, with its sources), which this person has.
    result, p = run(senior_pm(), "pmo-manager")
    assert result.readiness == pytest.approx(85 / 110, abs=0.001)
    assert summary_of(FW, p).requirements_met["competencies"] == (11, 20)
    assert result.path == ("senior-project-manager", "pmo-manager")
    assert p.ready_in_months is not None
    assert first_month(p, ref="pmo-management") <= 6


def test_coordinator_toward_project_manager() -> None:
    result, p = run(example("project-coordinator"), "project-manager")
    assert result.readiness == pytest.approx(34 / 68, abs=0.001)
    assert summary_of(FW, p).requirements_met == {
        "competencies": (1, 14),
        "experience": (0, 1),
        "certifications": (0, 6),
    }
    assert {e.kind: e.gap_months for e in result.experience} == {"project-management": 30}
    assert result.path == ("project-coordinator", "junior-project-manager", "project-manager")
    # the current position counts as project management: its months grow from now
    assert {it.ref: it.start_month for it in items(p) if it.kind == "experience"} == {
        "project-management": 1
    }
    # re-worked by hand for concurrent on-the-job work: the junior PM move at 6, then 36
    # months leading projects (6 held) bind: month 30 (it was a bound of 31 for two lanes)
    assert p.ready_in_months == 30
    assert first_month(p, kind="network") == 1


def test_coordinator_toward_director() -> None:
    result, p = run(example("project-coordinator"), "pmo-director")
    assert result.readiness == pytest.approx(27 / 127, abs=0.001)
    assert summary_of(FW, p).requirements_met["experience"] == (0, 3)
    assert {e.kind: e.gap_months for e in result.experience} == {
        "project-related": 102,
        "people-leadership": 36,
        "pmo": 12,  # 12 of 24 held, from the Group IT PMO year
    }
    assert p.ready_in_months is not None and p.ready_in_months >= 102
    people = next(it for it in items(p) if it.ref == "people-leadership")
    moves = {it.ref: it for it in items(p) if it.kind == "role"}
    earner = next(r for r in result.path[1:-1] if "people-leadership" in FW.role_by_id[r].accrues)
    # it starts with the first whole month after that move, not now
    assert people.start_month == moves[earner].start_month + 1


def test_analyst_toward_pmo_manager() -> None:
    result, p = run(example("pmo-analyst"), "pmo-manager")
    assert result.readiness == pytest.approx(72 / 110, abs=0.001)
    assert summary_of(FW, p).requirements_met["competencies"] == (6, 20)
    # the direct move is the usual one; it is a way there now (see the senior PM above)
    assert result.path == ("pmo-analyst", "pmo-manager")
    assert first_month(p, kind="network") == 1


@pytest.mark.parametrize(
    ("persona", "target"),
    [
        (senior_pm, "pmo-director"),
        (senior_pm, "pmo-manager"),
        (lambda: example("project-coordinator"), "project-manager"),
        (lambda: example("project-coordinator"), "pmo-director"),
        (lambda: example("pmo-analyst"), "pmo-manager"),
    ],
)
def test_more_hours_are_never_later(persona: Any, target: str) -> None:
    months = [run(persona(), target, hours)[1].ready_in_months for hours in (3, 6, 12)]
    assert None not in months
    assert months == sorted(months, reverse=True)


def test_a_role_already_held_part_time_is_no_move_to_make() -> None:
    person = senior_pm()
    programme = person.positions[1].model_copy(update={"role": "program-manager"})
    person = person.model_copy(update={"positions": (person.positions[0], programme)})
    result, p = run(person, "portfolio-manager")
    assert result.path == ("senior-project-manager", "program-manager", "portfolio-manager")
    assert not [it for it in items(p) if it.kind == "role"]  # already in a programme role
    _, before = run(senior_pm(), "portfolio-manager")
    assert [it.title for it in items(before) if it.kind == "role"] == [
        "Move into a Programme Manager role"
    ]
