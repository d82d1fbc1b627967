"""`pmopath diff`: what changed between two saved assessments (issue 23).

Two hand-made profiles (tests/data/diff): the expected changes below are read off the
files by hand; readiness and the ready month come from the summary engine at each
assessment's own day, as `history` shows them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.base.text import local_day
from pmopath.cli.app import app
from pmopath.engine.summary import summarise
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile, profile_yaml
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile
from saved_figures import figures

DATA = Path(__file__).resolve().parent / "data" / "diff"
THEN = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.timezone.utc)
NOW = dt.datetime(2026, 9, 15, 12, 0, tzinfo=dt.timezone.utc)
THEN_ID, NOW_ID = "20260310-120000", "20260915-120000"

#: By hand from the two files, in the framework's order of competencies.
RATINGS = [
    {"id": "risk-management", "before": None, "after": 2},
    {"id": "governance", "before": 2, "after": 3},
]
#: Project manager since 2024-01, current: complete months before March 2026 (26), before
#: September 2026 (32). The PMO years ended in 2023: unchanged, so not listed.
EXPERIENCE = [{"kind": "project-management", "before_months": 26, "after_months": 32}]
CERTS = {
    "pmp": "renewed",
    "csm": "lapsed",
    "prince2-foundation": "removed",
    "p3o-foundation": "gained",
}


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def saved(fw: Framework, name: str, when: dt.datetime, **changes: object) -> Profile:
    profile = load_profile(DATA / name, fw, strict=True).profile
    profile = profile.model_copy(update={"assessed_at": when, **changes})
    Store().save_assessment(profile_yaml(profile), when)
    return profile


def both(fw: Framework) -> tuple[Profile, Profile]:
    return saved(fw, "then.yaml", THEN), saved(fw, "now.yaml", NOW)


def as_json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["diff", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def test_json_has_every_change(runner: CliRunner, fw: Framework) -> None:
    then, now = both(fw)
    doc = as_json(runner)
    assert doc["kind"] == "diff"
    a, b = doc["a"], doc["b"]
    assert isinstance(a, dict) and isinstance(b, dict)
    assert (a["id"], b["id"]) == (THEN_ID, NOW_ID)
    ratings = doc["ratings_changed"]
    assert isinstance(ratings, list)
    assert [{k: r[k] for k in ("id", "before", "after")} for r in ratings] == RATINGS
    assert [r["name"] for r in ratings] == [
        fw.competency_by_id["risk-management"].name,
        fw.competency_by_id["governance"].name,
    ]
    experience = doc["experience"]
    assert isinstance(experience, list)
    assert [{k: e[k] for k in EXPERIENCE[0]} for e in experience] == EXPERIENCE
    certs = doc["certifications"]
    assert isinstance(certs, list)
    assert {c["id"]: c["change"] for c in certs} == CERTS
    r1, month1 = figures(fw, then, "pmo-manager")
    r2, month2 = figures(fw, now, "pmo-manager")
    assert a["readiness"] == pytest.approx(r1) and b["readiness"] == pytest.approx(r2)
    assert a["ready_month"] == month1 and b["ready_month"] == month2
    assert doc["readiness_change"] == pytest.approx(r2 - r1, abs=1e-4)
    assert doc["target_changed"] is False and doc["compared_role"] == "pmo-manager"


def test_items_of_the_first_plan(runner: CliRunner, fw: Framework) -> None:
    then, now = both(fw)
    plan_then = summarise(then, fw, as_of=local_day(THEN))[0]
    plan_now = summarise(now, fw, as_of=local_day(NOW))[0]
    items = [i for p in plan_then.phases for i in p.items]
    doc = as_json(runner)
    shown = doc["items"]
    assert isinstance(shown, list)
    status = {r["rank"]: r["status"] for r in shown}
    # by hand from the two plans: governance's action done, the MSP exam dropped
    assert sorted(status.values()) == ["done", "not-needed"]
    # governance rose 2 -> 3: A's governance actions no longer in B's plan are done
    later = {(i.kind, i.step, i.ref, i.title) for p in plan_now.phases for i in p.items}
    for item in items:
        if item.ref == "governance" and (item.kind, item.step, item.ref, item.title) not in later:
            assert status[item.rank] == "done"
    # PMO management did not move: its actions are still planned, so not listed; nor is
    # rating the rest (one fewer to rate now: the same step)
    kept = [i.rank for i in items if i.ref == "pmo-management" or i.step == "assess"]
    assert len(kept) == 4 and not set(kept) & set(status)
    # P3O Foundation, now held, meets what the MSP Foundation exam was planned for
    msp = [i.rank for i in items if i.ref == "msp-foundation"]
    assert msp and all(status[r] == "not-needed" for r in msp)
    assert doc["still_planned"] == len(items) - len(shown)
    assert [r["rank"] for r in shown] == sorted(status)


def test_terminal(runner: CliRunner, fw: Framework) -> None:
    then, now = both(fw)
    r1, month1 = figures(fw, then, "pmo-manager")
    r2, month2 = figures(fw, now, "pmo-manager")
    result = runner.invoke(app, ["diff"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert f"{THEN_ID} (2026-03-10" in out and NOW_ID in out
    assert f"{fw.competency_by_id['governance'].name} 2 3" in out
    assert f"{fw.competency_by_id['risk-management'].name} not assessed 2" in out
    assert "Leading projects 2 years 2 months 2 years 8 months" in out
    assert f"{fw.cert_name('p3o-foundation')}: gained" in out
    assert f"{fw.cert_name('csm')}: lapsed" in out
    assert f"{fw.cert_name('prince2-foundation')}: no longer listed" in out
    points = round((r2 - r1) * 100)
    assert f"{round(r1 * 100)}% → {round(r2 * 100)}% ({points:+d} pts)" in out
    assert f"{month1} → {month2}" in out
    assert "still planned" in out


def test_markdown(runner: CliRunner, fw: Framework) -> None:
    both(fw)
    result = runner.invoke(app, ["diff", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# What changed"
    assert f"| {fw.competency_by_id['governance'].name} | 2 | 3 |" in lines
    assert "| Leading projects | 2 years 2 months | 2 years 8 months |" in lines
    assert f"- {fw.cert_name('pmp')}: renewed" in lines
    assert any(line.startswith("| # | Item |") for line in lines)


def test_references_resolve_as_show_does(runner: CliRunner, fw: Framework) -> None:
    both(fw)
    saved(fw, "now.yaml", NOW + dt.timedelta(days=30))
    by_number = as_json(runner, "1", "2")
    by_prefix = as_json(runner, "20260310", "20260915")
    default = as_json(runner)  # the two latest: the second and the third
    for doc, ids in (
        (by_number, (THEN_ID, NOW_ID)),
        (by_prefix, (THEN_ID, NOW_ID)),
        (default, (NOW_ID, "20261015-120000")),
    ):
        a, b = doc["a"], doc["b"]
        assert isinstance(a, dict) and isinstance(b, dict)
        assert (a["id"], b["id"]) == ids
    assert as_json(runner, "1")["b"] == default["b"]  # B defaults to the latest
    bad = runner.invoke(app, ["diff", "2026"])
    assert bad.exit_code == 3 and "ambiguous" in bad.stderr


def test_a_new_target_is_compared_against_the_second(runner: CliRunner, fw: Framework) -> None:
    then = saved(fw, "then.yaml", THEN)
    now = saved(fw, "now.yaml", NOW, target_role="pmo-director")
    doc = as_json(runner)
    assert doc["target_changed"] is True and doc["compared_role"] == "pmo-director"
    a = doc["a"]
    assert isinstance(a, dict)
    assert a["target_role_name"] == fw.role_name("pmo-manager")  # what A itself named
    assert a["readiness"] == pytest.approx(figures(fw, then, "pmo-director")[0])
    b = doc["b"]
    assert isinstance(b, dict)
    assert b["readiness"] == pytest.approx(figures(fw, now, "pmo-director")[0])
    out = " ".join(runner.invoke(app, ["diff"], env={"COLUMNS": "160"}).stdout.split())
    assert "The targets differ: the first aimed at PMO Manager" in out
    assert "compared against PMO Director" in out


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_is_one_line_and_exit_3(
    runner: CliRunner, fw: Framework, count: int
) -> None:
    if count:
        saved(fw, "then.yaml", THEN)
    result = runner.invoke(app, ["diff"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "two saved assessments" in result.stderr


def test_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["diff", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "pmopath diff 1 3" in result.stdout


def test_ready_on_both_days_has_not_moved(runner: CliRunner, fw: Framework) -> None:
    """The first named no target; the second a role both already meet: ready on both days,
    so the ready month is the same (not the calendar month apart)."""
    saved(fw, "then.yaml", THEN, target_role=None)
    saved(fw, "now.yaml", NOW, current_role="pmo-manager", target_role="pmo-analyst")
    doc = as_json(runner)
    a, b = doc["a"], doc["b"]
    assert isinstance(a, dict) and isinstance(b, dict)
    assert a["ready_now"] is True and b["ready_now"] is True
    assert doc["ready_change_months"] == 0
    out = " ".join(runner.invoke(app, ["diff"], env={"COLUMNS": "160"}).stdout.split())
    assert "now → now (ready month unchanged)" in out
    assert "the first named no target; both are compared against PMO Analyst" in out
