"""assess --answers, history, show and export-profile through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.load.store import Store

ROOT = Path(__file__).resolve().parents[1]
PM = ROOT / "examples" / "project-manager.yaml"


def saved_files() -> list[Path]:
    return sorted(Store().assessments.glob("*.yaml")) if Store().assessments.exists() else []


def test_answers_file_is_saved_and_listed(runner: CliRunner) -> None:
    result = runner.invoke(app, ["assess", "--answers", str(PM)])
    assert result.exit_code == 0, result.stderr
    assert "Saved assessment" in result.stderr
    assert "Competency readiness for PMO Director: 63%" in result.stderr
    assert result.stdout == ""
    (path,) = saved_files()
    assert yaml.safe_load(path.read_text())["ratings"]["governance"]["evidence"].startswith(
        "Set up stage gates"
    )
    history = runner.invoke(app, ["history", "--format", "json"])
    doc = json.loads(history.stdout)
    (entry,) = doc["assessments"]
    assert entry["current_role"] == "project-manager" and entry["target_role"] == "pmo-director"
    assert entry["readiness"] == pytest.approx(0.630, abs=0.001)
    shown = runner.invoke(app, ["show"])
    assert shown.exit_code == 0
    assert "Alex Example" in shown.stdout and "Set up stage gates" in shown.stdout


@pytest.mark.parametrize(
    ("edit", "fragment", "field", "needle"),
    [
        (
            ("training: {general: 40, agile: 16}", "training: {general: 40, agile: -1}"),
            "greater than or equal to 0",
            "training.agile",
            "agile: -1",
        ),
        (
            ("  pm-tools: 2\n", "  pm-tools: 5\n"),
            "less than or equal to 4",
            "ratings.pm-tools.level",
            "pm-tools: 5",
        ),
        (
            ("hours_per_week: 4\n", "hours_per_week: 4\nfavourite_colour: blue\n"),
            "unknown field",
            "favourite_colour",
            "favourite_colour",
        ),
        (
            ("current_role: project-manager", "current_role: project-manger"),
            "did you mean 'project-manager'",
            "current_role",
            "current_role: project-manger",
        ),
        (
            ("  pm-tools: 2\n", "  pm-toolz: 2\n"),
            "unknown competency 'pm-toolz'",
            "ratings.pm-toolz",
            "pm-toolz",
        ),
        (
            ("  - csm\n", "  - csmm\n"),
            "unknown certification 'csmm'",
            "certifications[1]",
            "- csmm",
        ),
    ],
)
def test_bad_answers_file(
    runner: CliRunner, tmp_path: Path, edit: tuple[str, str], fragment: str, field: str, needle: str
) -> None:
    text = PM.read_text(encoding="utf-8")
    assert edit[0] in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(bad)])
    assert result.exit_code == 2, result.stderr
    err = result.stderr
    assert err.startswith(f"pmopath: error: {bad}:")
    assert f": {field}:" in err
    assert fragment in err
    assert err.count("\n") == 1 and "Traceback" not in err
    line = int(err.split(f"{bad}:", 1)[1].split(":", 1)[0])
    assert needle in bad.read_text().splitlines()[line - 1]
    assert saved_files() == []  # nothing written


def test_assess_needs_a_terminal_without_answers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["assess"])
    assert result.exit_code == 3
    assert "needs a terminal" in result.stderr and "--answers" in result.stderr


def test_history_empty(runner: CliRunner) -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert "No saved assessments yet" in result.stdout


def test_show_without_assessments_points_to_assess(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show"])
    assert result.exit_code == 3
    assert "pmopath assess" in result.stderr


def test_export_profile_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(app, ["assess", "--answers", str(PM)])
    out = tmp_path / "me.yaml"
    assert runner.invoke(app, ["export-profile", "-o", str(out)]).exit_code == 0
    first = out.read_text()
    again = runner.invoke(app, ["export-profile", "-o", str(out)])
    assert again.exit_code == 3 and "--force" in again.stderr
    assert runner.invoke(app, ["export-profile", "-o", str(out), "--force"]).exit_code == 0
    # the export re-imports as answers and gives the same ratings
    assert runner.invoke(app, ["assess", "--answers", str(out)]).exit_code == 0
    a, b = (yaml.safe_load(p.read_text()) for p in saved_files())
    assert a["ratings"] == b["ratings"] == yaml.safe_load(first)["ratings"]


def test_saved_profile_with_a_removed_competency_loads_with_a_warning(runner: CliRunner) -> None:
    runner.invoke(app, ["assess", "--answers", str(PM)])
    (path,) = saved_files()
    data = yaml.safe_load(path.read_text())
    data["ratings"]["old-competency"] = 3
    path.write_text(yaml.safe_dump(data))
    result = runner.invoke(app, ["show", "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["profile"]["ratings"]["old-competency"] == 3
    assert any("old-competency" in w for w in doc["warnings"])


def test_schema_profile(runner: CliRunner) -> None:
    doc = json.loads(runner.invoke(app, ["schema", "profile"]).stdout)
    assert doc["title"] == "Profile" and "ratings" in doc["properties"]


def test_pmopath_home_is_respected(runner: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    result = runner.invoke(app, ["assess", "--answers", str(PM)], env={"PMOPATH_HOME": str(home)})
    assert result.exit_code == 0
    assert len(list((home / "assessments").glob("*.yaml"))) == 1
    # nothing went to the default home, and each home lists only its own history
    assert saved_files() == []
    assert "No saved assessments yet" in runner.invoke(app, ["history"]).stdout
    elsewhere = runner.invoke(app, ["history", "--format", "json"], env={"PMOPATH_HOME": str(home)})
    (entry,) = json.loads(elsewhere.stdout)["assessments"]
    assert entry["target_role"] == "pmo-director"


def test_a_partial_assessment_says_what_was_left_out_and_how_to_add_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    answers = tmp_path / "quick.yaml"
    answers.write_text(
        "current_role: pmo-analyst\ntarget_role: pmo-manager\n"
        "ratings: {pmo-management: 2, governance: 2, performance-monitoring: 3,"
        " team-development: 1, stakeholder-communication: 3}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["assess", "--answers", str(answers)])
    assert result.exit_code == 0, result.stderr
    err = " ".join(result.stderr.split())
    assert "of 5 assessed (15 not assessed)" in err
    assert "Not assessed: 15 competencies PMO Manager requires" in err
    assert "`pmopath assess` (without --quick)" in err
    roadmap = json.loads(runner.invoke(app, ["roadmap", "-f", "json"]).stdout)
    steps = [it["step"] for ph in roadmap["phases"] for it in ph["items"]]
    assert steps.count("assess") == 1
