"""The way to PMO director runs through a PMO, and a PMO person is not sent back into
delivery (issue 20; fact sheet section 7; tests/coach_cases.md C03-C06, C09-C11, C18).

Expected paths were written by hand in tests/coach_cases.md before this code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmopath.engine.paths import Loses, PathOption
from pmopath.engine.scoring import score
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework
from pmopath.model.framework import Track

AS_OF = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[1]
PEOPLE = {
    "casey": ROOT / "tests/data/personas/pmo-analyst.yaml",
    "robin": ROOT / "tests/data/personas/senior-pm-programme.yaml",
    "sasha": ROOT / "tests/data/personas/pmo-manager.yaml",
    "morgan": ROOT / "tests/data/personas/pm-with-pmp.yaml",
    "alex": ROOT / "examples/project-manager.yaml",
    "priya": ROOT / "examples/pmo-analyst.yaml",
    "sam": ROOT / "examples/project-coordinator.yaml",
}


def considered(fw: Framework, who: str, target: str) -> tuple[PathOption, ...]:
    profile = load_profile(PEOPLE[who], fw).profile
    return score(profile, fw, target, as_of=AS_OF).paths_considered


@pytest.mark.parametrize(
    ("who", "target", "path"),
    [
        ("casey", "pmo-manager", ("pmo-analyst", "pmo-manager")),  # C03
        ("casey", "pmo-director", ("pmo-analyst", "pmo-manager", "pmo-director")),  # C04
        ("robin", "pmo-director", ("senior-project-manager", "pmo-manager", "pmo-director")),
        ("sasha", "pmo-director", ("pmo-manager", "pmo-director")),  # C06
        ("morgan", "pmo-manager", ("project-manager", "pmo-manager")),  # C02: the direct move
        ("alex", "pmo-director", ("project-manager", "pmo-manager", "pmo-director")),  # C09
        ("priya", "pmo-director", ("pmo-analyst", "pmo-manager", "pmo-director")),  # C10
    ],
)
def test_the_chosen_path(
    session_fw: Framework, who: str, target: str, path: tuple[str, ...]
) -> None:
    chosen, *_ = considered(session_fw, who, target)
    assert chosen.path == path and chosen.loses is None


@pytest.mark.parametrize("who", sorted(PEOPLE))
def test_every_chosen_way_to_director_passes_through_a_pmo(session_fw: Framework, who: str) -> None:
    chosen = considered(session_fw, who, "pmo-director")[0].path
    pmo_roles = {r.id for r in session_fw.roles if r.track is Track.pmo}
    assert set(chosen[:-1]) & pmo_roles, chosen
    assert chosen[-2] != "program-manager"  # the programme route is never the chosen one


def test_the_programme_route_is_listed_and_says_why_it_loses(session_fw: Framework) -> None:
    options = {o.path: o for o in considered(session_fw, "robin", "pmo-director")}
    programme = options[("senior-project-manager", "program-manager", "pmo-director")]
    assert programme.ready_months is None and programme.loses is Loses.cannot_earn


def test_a_pmo_analyst_is_not_sent_back_into_delivery(session_fw: Framework) -> None:
    options = considered(session_fw, "casey", "pmo-director")
    delivery = {r.id for r in session_fw.roles if r.track is Track.delivery}
    back = [o for o in options if set(o.path[1:-1]) & delivery]
    assert back, "the delivery routes are listed, not hidden"
    assert all(o.loses is Loses.back_to_delivery for o in back)
    assert not set(options[0].path) & delivery


@pytest.mark.parametrize(("who", "target"), [("robin", "pmo-director"), ("morgan", "pmo-manager")])
def test_each_reason_agrees_with_the_figures(session_fw: Framework, who: str, target: str) -> None:
    chosen, *others = considered(session_fw, who, target)
    assert others
    for o in others:
        if o.loses is Loses.cannot_earn:
            assert o.ready_months is None
        elif o.loses is Loses.later:
            assert chosen.ready_months is not None and o.ready_months is not None
            assert o.ready_months > chosen.ready_months
        elif o.loses is Loses.larger_gap:
            assert o.ready_months == chosen.ready_months
            assert o.stepping_gap > chosen.stepping_gap
