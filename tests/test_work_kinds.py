"""Issue 20, work kinds and positions: the project-support kind, a position's required kind
(ticked for you from its ladder role, the role guessed from the title), and secondary
(`main: false`) positions that count their months but do not make their role yours."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.cli.assess import run_assessment
from pmopath.cli.positions import position_key
from pmopath.cli.questionnaire import all_questions
from pmopath.cli.questions import Answers, Key, Part, Question
from pmopath.engine.scoring import score
from pmopath.engine.worktime import WorkRecord
from pmopath.load.framework import load_framework
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.framework import POSITION_KINDS, ExperienceKind
from pmopath.model.profile import Experience, Position, Profile
from pmopath.model.titles import role_for_title
from scripted import BACKGROUND, Refused, ScriptedAsk

AS_OF = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)
PS, PR, PM = (
    ExperienceKind.project_support,
    ExperienceKind.project_related,
    ExperienceKind.project_management,
)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def coordinator(**extra: Any) -> Profile:
    """Taylor (coach case C13): three years coordinating projects, nothing else."""
    return Profile.model_validate(
        {
            "current_role": "project-coordinator",
            "target_role": "pmo-analyst",
            "positions": [
                {
                    "title": "Project coordinator, Litware",
                    "role": "project-coordinator",
                    "start": "2023-11",
                    "kinds": ["project-support"],
                }
            ],
            "education": "bachelor",
            **extra,
        }
    )


# ------------------------------------------------------------ the project-support kind


def test_project_support_months_count_as_project_related_never_as_leading_projects() -> None:
    work = WorkRecord(coordinator(), AS_OF)
    assert work.count(PS).months == 36  # 2023-11 .. 2026-10
    assert work.count(PR).months == 36
    assert work.count(PM).months == 0
    assert work.count(ExperienceKind.people_leadership).months == 0
    assert work.count(ExperienceKind.business).months == 36


def test_project_support_years_in_the_quick_answer_are_project_related_too() -> None:
    quick = Profile(
        current_role="project-coordinator", experience=Experience(project_support_years=3)
    )
    work = WorkRecord(quick, AS_OF)
    assert work.have_at(PR, None) == 36
    assert work.have_at(PM, None) == 0


def test_a_position_can_tick_project_support_but_not_a_derived_kind() -> None:
    assert PS in POSITION_KINDS
    with pytest.raises(ValueError, match="project-support"):
        Position(title="x", start="2020-01", kinds=["project-related"])


def test_coordinator_and_administrator_accrue_project_support(fw: Framework) -> None:
    assert PS in fw.role_by_id["project-coordinator"].accrues
    assert PS in fw.role_by_id["pmo-administrator"].accrues
    assert PM not in fw.role_by_id["project-coordinator"].accrues


def test_analyst_planner_and_junior_pm_ask_project_related_work(fw: Framework) -> None:
    asked = {
        r: [(e.kind, e.years) for e in fw.role_by_id[r].experience]
        for r in ("pmo-analyst", "project-planner", "junior-project-manager")
    }
    assert asked == {
        "pmo-analyst": [(PR, 2)],
        "project-planner": [(PR, 2)],
        "junior-project-manager": [(PR, 1)],
    }


def test_a_coordinator_with_three_years_of_support_meets_the_analysts_experience(
    fw: Framework,
) -> None:
    result = score(coordinator(), fw, as_of=AS_OF)
    assert result.path == ("project-coordinator", "pmo-analyst")
    (need,) = result.experience
    assert (need.kind, need.gap_months) == ("project-related", 0)
    pmocp = next(c for c in result.certifications if c.eligibility.id == "pmi-pmocp")
    # the 36 months are the project-related work PMI-PMOCP asks; only PMO education is short
    assert pmocp.eligibility.status == "not-yet-eligible"
    assert not any("months" in m for m in pmocp.eligibility.missing)


def test_the_kind_is_worded_in_json_and_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "taylor.yaml"
    path.write_text(dump_profile_text(coordinator()))
    args = ["--profile", str(path), "--as-of", "2026-11-22"]
    shown = CliRunner().invoke(app, ["gap", *args])
    assert shown.exit_code == 0, shown.stderr
    assert "project-related work  3 years of 2 years  met" in shown.stdout
    doc = json.loads(CliRunner().invoke(app, ["gap", "-f", "json", *args]).stdout)
    assert doc["experience"][0]["kind"] == "project-related"
    assert ExperienceKind.project_support.label == "supporting projects"
    assert CliRunner().invoke(app, ["assess", "--answers", str(path)]).exit_code == 0
    terminal = CliRunner().invoke(app, ["show"]).stdout
    assert "counts as: supporting projects" in terminal
    # the months up to the month before the assessment, which is saved on the suite's day
    today = dt.date.today()
    months = (today.year - 2023) * 12 + today.month - 11
    assert re.search(r"Supporting projects\s+\d+ years?", terminal)
    markdown = CliRunner().invoke(app, ["show", "-f", "markdown"]).stdout
    assert f"2023-11 to now ({months} months); counts as supporting projects" in markdown


# ------------------------------------------------------------ a position needs a kind


def test_a_saved_position_with_no_kind_loads_with_a_warning_that_names_it(
    tmp_path: Path,
) -> None:
    data = yaml.safe_load(dump_profile_text(coordinator()))
    data["positions"].append({"title": "Odd job, Contoso", "start": "2020-01", "end": "2021-01"})
    path = tmp_path / "odd.yaml"
    path.write_text(yaml.safe_dump(data))
    result = CliRunner().invoke(app, ["gap", "--profile", str(path), "--as-of", "2026-11-22"])
    assert result.exit_code == 0
    assert "position 2 (Odd job, Contoso) counts as no kind of work" in result.stderr


def dump_profile_text(profile: Profile) -> str:
    from pmopath.model.profile import profile_to_data

    return yaml.safe_dump(profile_to_data(profile))


def position_question(fw: Framework, answers: Answers, name: str) -> Question:
    key = position_key(1, name)
    return next(q for q in all_questions(fw, answers, True, today=AS_OF) if q.key == key)


def started(title: str, role: str | None = None, current: str = "pmo-director") -> Answers:
    answers: Answers = {
        Key(Part.field, "current_role"): current,
        Key(Part.history, "1"): "add",
        position_key(1, "title"): title,
    }
    if role is not None:
        answers[position_key(1, "role")] = role
    return answers


def test_the_kinds_question_refuses_no_tick_and_ticks_what_the_role_earns(
    fw: Framework,
) -> None:
    q = position_question(fw, started("Coordinator", "project-coordinator"), "kinds")
    assert q.required
    assert q.refusal([]) == "tick at least one (space ticks, enter when done)"
    assert q.refusal(["other"]) is None
    assert q.default == ("project-support",)
    support = next(c for c in q.choices if c.value == "project-support")
    assert support.label == ("Supporting projects (coordination, PMO support; not leading)")
    pm = position_question(fw, started("Lead", "project-manager"), "kinds")
    assert pm.default == tuple(k.value for k in fw.role_by_id["project-manager"].accrues)
    none = position_question(fw, started("Odd job", ""), "kinds")  # "None of these"
    assert none.default == ()


def test_a_script_that_ticks_nothing_is_refused_as_the_terminal_refuses_it(
    fw: Framework, tmp_path: Path
) -> None:
    script = {**BACKGROUND, "position.1.kinds": []}
    with pytest.raises(Refused, match=r"position\.1\.kinds: tick at least one"):
        run_assessment(
            fw, Store(tmp_path / "home"), ScriptedAsk(script), quiet(), clock=lambda: NOW
        )


def quiet() -> Console:
    return Console(file=io.StringIO(), width=100)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Project Coordinator", "project-coordinator"),
        ("Project coordinator (supports three project managers), Litware", "project-coordinator"),
        ("PMO Coordinator, Tailspin", "project-coordinator"),
        ("Junior Project Manager", "junior-project-manager"),
        ("Senior project manager, Fabrikam", "senior-project-manager"),
        ("project manager", "project-manager"),
        ("Project Support Officer", "pmo-administrator"),
        ("Programme Office Analyst", "pmo-analyst"),
        ("Head chef", None),
    ],
)
def test_the_title_names_the_closest_role(fw: Framework, title: str, role: str | None) -> None:
    assert role_for_title(fw.ladder(), title) == role


def test_the_closest_role_default_comes_from_the_title(fw: Framework) -> None:
    q = position_question(fw, started("Project Coordinator", current="pmo-director"), "role")
    assert q.default == "project-coordinator"
    fallback = position_question(fw, started("Head chef", current="pmo-director"), "role")
    assert fallback.default == "pmo-director"  # no role named: your current role, as before


# ------------------------------------------------------------ secondary positions


PART_TIME = {
    "schema_version": 2,
    "current_role": "project-manager",
    "target_role": "pmo-director",
    "positions": [
        {
            "title": "Project manager, Acme",
            "role": "project-manager",
            "start": "2018-01",
            "kinds": ["project-management", "people-leadership"],
        },
        {
            "title": "PMO lead (part-time), Acme",
            "role": "pmo-manager",
            "start": "2024-06",
            "kinds": ["pmo"],
        },
    ],
    "education": "bachelor",
    "hours_per_week": 5,
}


def moves(tmp_path: Path, main: bool | None) -> list[Any]:
    data = json.loads(json.dumps(PART_TIME))
    if main is not None:
        data["positions"][1]["main"] = main
    path = tmp_path / "robin.yaml"
    path.write_text(yaml.safe_dump(data))
    args = ["--profile", str(path), "--as-of", "2026-11-22", "-f", "json"]
    result = CliRunner().invoke(app, ["roadmap", *args])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["path"] == ["project-manager", "pmo-manager", "pmo-director"]
    return [it["ref"] for ph in doc["phases"] for it in ph["items"] if it["step"] == "move"]


def test_a_part_time_position_does_not_make_its_role_yours(tmp_path: Path) -> None:
    # a main position in the role: already there, no move to make
    assert moves(tmp_path, None) == []
    # a secondary one: its months count, but the move into the role is still planned
    assert moves(tmp_path, False) == ["pmo-manager"]


def test_a_secondary_positions_months_still_count() -> None:
    profile = Profile.model_validate(PART_TIME)
    secondary = profile.model_copy(
        update={
            "positions": (
                profile.positions[0],
                profile.positions[1].model_copy(update={"main": False}),
            )
        }
    )
    assert WorkRecord(secondary, AS_OF).count(ExperienceKind.pmo).months == 29  # 2024-06..2026-10


def test_main_is_written_only_for_a_secondary_position() -> None:
    kept = Position(title="PMO lead", start="2024-06", kinds=["pmo"], main=False)
    assert kept.model_dump(mode="json")["main"] is False
    assert "main" not in Position(title="PM", start="2018-01", kinds=["pmo"]).model_dump()
    assert Position.model_validate(kept.model_dump(mode="json")).main is False


def open_two(second_end: str | None) -> Answers:
    answers = started("Project manager, Acme", "project-manager", current="project-manager")
    answers.update(
        {
            position_key(1, "start"): "2018-01",
            position_key(1, "end"): None,
            position_key(1, "kinds"): ["project-management"],
            Key(Part.history, "2"): "add",
            position_key(2, "title"): "PMO lead (part-time), Acme",
            position_key(2, "role"): "pmo-manager",
            position_key(2, "start"): "2024-06",
            position_key(2, "end"): second_end,
            position_key(2, "kinds"): ["pmo"],
        }
    )
    return answers


def test_is_this_your_main_job_is_asked_only_when_two_positions_are_open(
    fw: Framework,
) -> None:
    def asked(answers: Answers) -> set[str]:
        return {
            str(q.key)
            for q in all_questions(fw, answers, True, today=AS_OF)
            if q.key.name.endswith("main")
        }

    assert asked(open_two("2025-11")) == set()
    assert asked(open_two(None)) == {"position.1.main", "position.2.main"}
    q = next(
        q
        for q in all_questions(fw, open_two(None), True, today=AS_OF)
        if q.key == position_key(2, "main")
    )
    assert q.prompt == "Is this your main job?"
    assert q.default is True


def test_a_scripted_assessment_saves_a_secondary_position_and_the_pre_ticks(
    fw: Framework, tmp_path: Path
) -> None:
    script = {
        **BACKGROUND,
        "position.2.title": "Project coordinator (part-time), Acme",
        "position.2.end": "",
        "position.2.main": False,
    }
    del script["position.2.role"], script["position.2.kinds"]  # the defaults: title, pre-ticks
    ask = ScriptedAsk(script)
    saved = run_assessment(fw, Store(tmp_path / "home"), ask, quiet(), clock=lambda: NOW)
    first, second = saved.profile.positions
    assert (first.main, second.main) == (True, False)
    assert second.role == "project-coordinator"  # named by the title
    assert second.kinds == (ExperienceKind.project_support,)  # what a coordinator earns
    assert "position.1.main" in ask.asked and "position.2.main" in ask.asked
    written = yaml.safe_load(
        (tmp_path / "home" / "assessments").glob("*.yaml").__next__().read_text()
    )
    assert "main" not in written["positions"][0]
    assert written["positions"][1]["main"] is False
