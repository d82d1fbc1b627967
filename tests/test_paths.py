"""The path search: by time to ready, and polynomial in the ladder's size."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from pmopath.engine.paths import MAX_LABELS, accrues, choose_path
from pmopath.engine.worktime import WorkRecord
from pmopath.model.catalog import Framework
from pmopath.model.framework import ExperienceKind
from pmopath.model.profile import Profile

AS_OF = dt.date(2026, 11, 22)


def load_benchmark() -> ModuleType:
    """benchmarks/paths.py, whose generated ladders the tests and the benchmark share."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "paths.py"
    spec = importlib.util.spec_from_file_location("paths_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCHMARK = load_benchmark()


def dense_ladder(levels: int, width: int) -> Framework:
    """``levels`` levels of ``width`` roles, each leading to every role of the next level;
    every second role earns PMO experience, and the goal asks for 5 years of it."""
    fw: Framework = BENCHMARK.ladder(levels, width)
    return fw


def person() -> Profile:
    return Profile.model_validate({"current_role": "start", "hours_per_week": 5})


@pytest.mark.parametrize(("levels", "width"), [(2, 4), (12, 8), (124, 8)])
def test_the_search_grows_with_the_ladder_not_with_its_paths(levels: int, width: int) -> None:
    fw = dense_ladder(levels, width)
    profile = person()
    choice = choose_path(fw, profile, WorkRecord(profile, AS_OF), "start", "goal", 5 * 52 / 12)
    edges = sum(len(r.leads_to) for r in fw.roles)
    # each role keeps at most MAX_LABELS labels, each extended once along each move
    assert choice.expansions <= MAX_LABELS * edges
    assert choice.path[0] == "start" and choice.path[-1] == "goal"
    assert len(choice.path) == levels + 2  # every path has one role per level
    # the chosen path earns the PMO years the goal asks for
    assert any(accrues(fw.role_by_id[r], ExperienceKind.pmo) for r in choice.path[1:-1])
    assert choice.ready_months is not None


def test_the_number_of_paths_is_not_what_is_searched() -> None:
    fw = dense_ladder(12, 8)  # 8 ** 12 = 68,719,476,736 paths
    profile = person()
    choice = choose_path(fw, profile, WorkRecord(profile, AS_OF), "start", "goal", 20.0)
    assert choice.expansions < 8 * 8 * 12 * MAX_LABELS


def test_a_path_without_a_role_that_earns_the_experience_is_never_chosen() -> None:
    fw = dense_ladder(3, 2)
    profile = person()
    choice = choose_path(fw, profile, WorkRecord(profile, AS_OF), "start", "goal", 20.0)
    for option in choice.considered:
        earns = any(accrues(fw.role_by_id[r], ExperienceKind.pmo) for r in option.path[1:-1])
        assert (option.ready_months is not None) == earns
    assert choice.considered[0].path == choice.path


def test_a_chain_of_two_thousand_roles_needs_no_recursion() -> None:
    # a 1,000-role chain raised RecursionError in the path search (issue 21); the walks are
    # iterative now, so a chain twice as long answers with the default recursion limit
    import sys

    fw = dense_ladder(2000, 1)
    assert sys.getrecursionlimit() <= 2000 + 100  # the chain is longer than the stack allows
    profile = person()
    choice = choose_path(fw, profile, WorkRecord(profile, AS_OF), "start", "goal", 20.0)
    assert choice.path[0] == "start" and choice.path[-1] == "goal"
    assert len(choice.path) == 2002
