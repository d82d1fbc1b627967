"""What an action needs: a context (PMO, programme, portfolio, people-leadership), its doable
form before the move that gives it, the order between actions (`after:`), the light
recurring load of mentoring, and the week a residential course takes.

Expectations come from tests/coach_cases.md (flag CF6 and the `gated` / `not_gated`
assertions) and data/competencies.yaml; they were written before the code.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.engine.planning import plan
from pmopath.engine.schedule import Plan, PlanItem
from pmopath.engine.scoring import score
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile

AS_OF = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[1]
PRIYA = str(ROOT / "examples" / "pmo-analyst.yaml")
FW: Framework


@pytest.fixture(autouse=True, scope="module")
def _framework(session_fw: Framework) -> None:
    global FW
    FW = session_fw


#: CF6: the steps whose on-the-job work needs a context, as the coach listed them.
CF6 = {
    ("leadership-influence", "1-2"): "projects",  # coach case C12: leading a first project
    ("pmo-management", "1-2"): "pmo",
    ("pmo-management", "2-3"): "pmo",
    ("pmo-management", "3-4"): "pmo",
    ("continuous-improvement", "2-3"): "pmo",
    ("p3m-delivery-support", "2-3"): "pmo",
    ("p3m-administration", "2-3"): "pmo",
    ("p3m-administration", "3-4"): "pmo",
    ("financial-resource-management", "2-3"): "portfolio",
    ("financial-resource-management", "3-4"): "portfolio",
    ("strategic-thinking", "2-3"): "portfolio",
    ("strategic-thinking", "3-4"): "portfolio",
    ("performance-monitoring", "2-3"): "portfolio",
    ("stakeholder-communication", "3-4"): "portfolio",
    ("budgeting-cost-control", "2-3"): "programme",
    ("financial-resource-management", "1-2"): "programme",
    ("risk-management", "2-3"): "programme",
    ("governance", "2-3"): "programme",
    ("leadership-influence", "2-3"): "people-leadership",
    ("leadership-influence", "3-4"): "people-leadership",
    ("team-development", "2-3"): "people-leadership",
}


def test_the_coach_s_steps_name_their_context_and_each_has_a_doable_form() -> None:
    marked = {}
    for comp in FW.competencies:
        for step, actions in comp.actions.items():
            for action in actions:
                if action.context is not None:
                    marked[(comp.id, step)] = action.context.value
                    assert action.doable is not None, (comp.id, step, action.title)
                    assert action.doable.title != action.title
    assert marked == CF6


def person(**extra: Any) -> Profile:
    ratings: dict[str, Any] = {c.id: 2 for c in FW.competencies}
    ratings.update(extra.pop("ratings", {}))
    return Profile.model_validate(
        {"education": "bachelor", "hours_per_week": 6, "ratings": ratings, **extra}
    )


def senior_pm() -> Profile:
    """A senior PM with an open programme position (programme context, people-leadership)."""
    return person(
        current_role="senior-project-manager",
        certifications=["pmp"],
        ratings={"pmo-management": 1},
        positions=[
            {"title": "PM", "start": "2018-01", "kinds": ["project-management"]},
            {"title": "Programme lead", "start": "2024-11", "kinds": ["program"]},
        ],
    )


def run(profile: Profile, target: str) -> Plan:
    result = score(profile, FW, target, as_of=AS_OF)
    return plan(result, profile, FW, as_of=AS_OF)


def items(p: Plan) -> list[PlanItem]:
    return [it for ph in p.phases for it in ph.items]


def step_items(p: Plan, comp: str, reaches: str) -> list[PlanItem]:
    """The on-the-job items of one competency step, found by the step's action titles."""
    titles = {a.title for a in FW.competency_by_id[comp].actions[reaches]}
    doable = {
        a.doable.title for a in FW.competency_by_id[comp].actions[reaches] if a.doable is not None
    }
    return [it for it in items(p) if it.ref == comp and it.title in titles | doable]


def context_item(p: Plan, comp: str, step: str) -> PlanItem:
    found = [it for it in step_items(p, comp, step) if it.context is not None]
    assert len(found) == 1, [it.title for it in step_items(p, comp, step)]
    return found[0]


def test_outside_a_pmo_the_pmo_step_is_offered_in_its_doable_form() -> None:
    # C02 / C09: pmo-management 1-2 before pmo-manager, for someone not in a PMO
    it = context_item(run(senior_pm(), "pmo-manager"), "pmo-management", "1-2")
    assert it.context == "pmo"
    assert it.form in ("secondment", "propose")
    assert it.title.lower().startswith("propose")
    assert it.why.endswith("before you move into a PMO Manager role")


def test_inside_a_pmo_the_pmo_step_is_as_written() -> None:
    # C03: Priya is in a PMO: pmo-management 1-2 as written
    profile = load_profile(Path(PRIYA), FW).profile
    p = run(profile, "pmo-manager")
    it = context_item(p, "pmo-management", "1-2")
    assert it.form is None
    assert it.title == "Take ownership of one PMO service and set its measures"
    # C03: team-development 2-3 needs people-leadership, which Priya does not have
    people = context_item(p, "team-development", "2-3")
    assert (people.context, people.form) == ("people-leadership", "propose")


def test_an_open_position_ticked_with_the_kind_gives_the_context() -> None:
    # C08: the programme position counts; the senior PM role accrues people-leadership
    p = run(senior_pm(), "pmo-manager")
    lead = context_item(p, "leadership-influence", "2-3")
    assert lead.form is None and lead.title == "Lead several teams, or line-manage a manager"


def test_after_the_move_that_gives_the_context_the_action_is_as_written() -> None:
    # a coordinator on the way to PMO director: the PMO analyst move gives the PMO context
    profile = load_profile(ROOT / "examples" / "project-coordinator.yaml", FW).profile
    p = run(profile, "pmo-director")
    moves = {it.ref: it for it in items(p) if it.step == "move"}
    after = context_item(p, "pmo-management", "1-2")
    assert after.form is None and after.start_month >= moves["pmo-analyst"].end_month
    assert after.title == "Take ownership of one PMO service and set its measures"
    assert "after the move into PMO Analyst" in after.why
    before = context_item(p, "team-development", "2-3")
    assert before.form == "propose" and before.end_month <= moves["pmo-manager"].start_month


def test_json_and_text_say_the_form_and_the_context(runner: CliRunner) -> None:
    args = ["roadmap", "-p", PRIYA, "-t", "pmo-manager", "--as-of", "2026-11-22", "--all"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    rows = [it for ph in doc["phases"] for it in ph["items"]]
    gated = [r for r in rows if r["form"] is not None]
    assert gated and all(r["context"] for r in gated)
    assert {"form", "context"} <= set(rows[0])
    for fmt in ("markdown", "terminal"):
        out = runner.invoke(app, [*args, "-f", fmt], env={"COLUMNS": "200"}).stdout
        assert "Before you move: Propose to your manager" in " ".join(out.split()), fmt


# ----------------------------------------------------------------- order


def test_an_action_never_starts_before_the_one_it_is_after_ends() -> None:
    profile = load_profile(Path(PRIYA), FW).profile
    p = run(profile, "pmo-director")
    by_title = {it.title: it for it in items(p)}
    design = next(t for t in by_title if t.startswith("Design an enterprise PMO model"))
    review = next(t for t in by_title if t.startswith("Review your enterprise PMO design"))
    assert by_title[review].start_month > by_title[design].end_month


def test_after_can_name_a_whole_step(data_copy: Path) -> None:
    edit(
        data_copy / "competencies.yaml",
        "after: design-enterprise-pmo,",
        "after: pmo-management:2-3,",
    )
    fw = load_framework(data_copy)
    profile = load_profile(Path(PRIYA), fw).profile
    result = score(profile, fw, "pmo-director", as_of=AS_OF)
    p = plan(result, profile, fw, as_of=AS_OF)
    by_title = {it.title: it for it in items(p)}
    review = next(t for t in by_title if t.startswith("Review your enterprise PMO design"))
    lead = next(t for t in by_title if t.startswith("Lead a PMO set-up"))
    design = next(t for t in by_title if t.startswith("Design an enterprise PMO model"))
    assert by_title[review].start_month > by_title[lead].end_month
    assert by_title[review].start_month <= by_title[design].end_month  # no longer after it


def test_every_after_names_an_action_of_the_data() -> None:
    ids = {a.id for c in FW.competencies for acts in c.actions.values() for a in acts if a.id}
    afters = [a.after for c in FW.competencies for acts in c.actions.values() for a in acts]
    assert [x for x in afters if x] and all(x in ids for x in afters if x)


# ------------------------------------------------------------- recurring


def test_mentoring_is_a_light_load_every_month_of_its_span() -> None:
    p = run(senior_pm(), "pmo-manager")
    mentor = next(it for it in items(p) if it.title.startswith("Find a mentor"))
    assert (mentor.start_month, mentor.end_month) == (1, 12)
    assert mentor.hours_per_month == 1
    assert mentor.effort_hours == 12


def test_text_says_the_hours_a_month(runner: CliRunner) -> None:
    args = ["roadmap", "-p", PRIYA, "-t", "pmo-manager", "--as-of", "2026-11-22"]
    out = runner.invoke(app, [*args, "-f", "markdown"]).stdout
    assert "1 h a month for 12 months" in out


# ---------------------------------------------------------------- courses


def test_a_residential_course_is_one_week_in_one_month() -> None:
    cert = FW.certification_by_id["ipmo-expert"]
    assert cert.study.course is not None and cert.study.course.days == 5
    profile = load_profile(ROOT / "tests" / "data" / "personas" / "pmo-manager.yaml", FW).profile
    p = run(profile, "chief-project-officer")
    course = [it for it in items(p) if it.ref == "ipmo-expert" and it.mode == "course"]
    assert len(course) == 1
    assert course[0].start_month == course[0].end_month
    assert course[0].effort_hours == 40
    assert course[0].course is not None and course[0].course.days == 5
    assert course[0].step == "exam"  # sat on the course's last day
    prep = [it for it in items(p) if it.ref == "ipmo-expert" and it.mode == "study"]
    assert len(prep) == 1 and prep[0].end_month <= course[0].start_month
    assert prep[0].effort_hours == 10  # the study estimate's middle (50 h) less the course


def test_text_says_the_course_week(runner: CliRunner) -> None:
    persona = str(ROOT / "tests" / "data" / "personas" / "pmo-manager.yaml")
    args = ["roadmap", "-p", persona, "-t", "chief-project-officer", "--as-of", "2026-11-22"]
    out = runner.invoke(app, [*args, "-f", "markdown"]).stdout
    assert "a 5-day residential course" in out


# --------------------------------------------------------------- validate


def validate(runner: CliRunner, folder: Path) -> str:
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return " ".join(result.stdout.split())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


LINE_MANAGE = '"Line-manage PMO or project staff, with objectives and development plans"'


def test_validate_refuses_a_context_action_without_a_doable_form(
    runner: CliRunner, data_copy: Path
) -> None:
    comps = data_copy / "competencies.yaml"
    text = comps.read_text(encoding="utf-8")
    start = text.index(LINE_MANAGE)
    end = text.index("}\n", start)
    line = text[start:end]
    cut = line.index(", doable:")
    comps.write_text(text[:start] + line[:cut] + text[end:], encoding="utf-8")
    out = validate(runner, data_copy)
    assert "competencies[team-development].actions.2-3[0].context:" in out
    assert "needs a `doable` form" in out


def test_validate_refuses_an_unknown_after_and_a_cycle(runner: CliRunner, data_copy: Path) -> None:
    comps = data_copy / "competencies.yaml"
    edit(comps, "after: design-enterprise-pmo", "after: design-enterprise-pmx")
    out = validate(runner, data_copy)
    assert "competencies[pmo-management].actions.3-4[review-enterprise-pmo].after: unknown" in out
    assert "design-enterprise-pmx" in out
    edit(comps, "after: design-enterprise-pmx", "after: design-enterprise-pmo")
    edit(
        comps,
        "id: design-enterprise-pmo,",
        "id: design-enterprise-pmo, after: review-enterprise-pmo,",
    )
    out = validate(runner, data_copy)
    assert "actions form a cycle" in out
    assert "competencies.yaml:" in out


def test_a_competency_shows_what_its_actions_need(runner: CliRunner) -> None:
    for fmt in ("terminal", "markdown"):
        args = ["competencies", "team-development", "-f", fmt]
        out = " ".join(runner.invoke(app, args, env={"COLUMNS": "200"}).stdout.split())
        assert "needs line management; until then: Propose to your manager to line-manage" in out
