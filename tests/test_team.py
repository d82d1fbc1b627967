"""`pmopath team`: a team's profiles side by side (issue 23).

The hand-made files of tests/data/team: Ana Ruiz (three self-assessments, the latest of
2026-10 used, and her manager's rating), Ben Okoro (self and manager), Cara Lind (her
manager's rating only), a broken YAML file and a YAML file that is not a profile. Every
expected figure below is worked by hand from those files and data/roles.yaml.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.base.errors import ExitStatus
from pmopath.cli.app import app

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "team"
EXAMPLES = HERE.parent / "examples" / "team"

# Project manager requires planning-scheduling 3, pm-tools 2, stakeholder-communication 3
# and risk-management 3 (the last three and planning are core: weight 3; tools important).
# Ana (latest, 2026-10): planning 3, tools 2, stakeholder 1, risk 2.
# Ben: planning 2, tools 3, stakeholder 2, risk 1.
CELLS = {
    "planning-scheduling": [(3, 3, 0), (2, 3, 1)],
    "pm-tools": [(2, 2, 0), (3, 2, 0)],
    "stakeholder-communication": [(1, 3, 2), (2, 3, 1)],
    "risk-management": [(2, 3, 1), (1, 3, 2)],
}
#: Self minus manager. Ana: planning 3-1=+2 (flagged), tools 2-1=+1 (not), stakeholder
#: 1-3=-2 (flagged), risk 2-2=0. Ben: planning 0, tools 3-0=+3 (flagged), stakeholder 0,
#: risk 1-2=-1. Averages over the two: planning (2+0)/2, tools (1+3)/2, stakeholder
#: (-2+0)/2, risk (0-1)/2.
FLAGGED = {
    ("Ana Ruiz", "planning-scheduling", 3, 1, 2),
    ("Ana Ruiz", "stakeholder-communication", 1, 3, -2),
    ("Ben Okoro", "pm-tools", 3, 0, 3),
}
AVERAGES = {
    "planning-scheduling": 1.0,
    "pm-tools": 2.0,
    "stakeholder-communication": -1.0,
    "risk-management": -0.5,
}


def team_json(runner: CliRunner, *args: str, code: int = ExitStatus.PARTIAL) -> dict:
    result = runner.invoke(app, ["team", *args, "--format", "json"])
    assert result.exit_code == code, result.stderr
    doc: dict = json.loads(result.stdout)
    return doc


@pytest.fixture
def doc(runner: CliRunner) -> dict:
    return team_json(runner, str(DATA), "--target", "project-manager")


def test_the_latest_self_assessment_is_the_profile(doc: dict) -> None:
    people = {p["name"]: p for p in doc["people"]}
    assert sorted(people) == ["Ana Ruiz", "Ben Okoro"]
    ana = people["Ana Ruiz"]
    assert Path(ana["source"]).name == "ana-2026-10.yaml"
    assert ana["assessments"] == 3 and ana["person_id"] == "E100"
    assert ana["other_ratings"][0]["rater"] == "manager"


def test_heat_map_cells(doc: dict) -> None:
    order = [p["name"] for p in doc["people"]]
    rows = {
        r["id"]: [
            dict(zip(("level", "required", "gap"), c, strict=True))
            for c in zip(r["levels"], r["required"], r["gaps"], strict=True)
        ]
        for r in doc["heat_map"]
    }
    for comp, cells in CELLS.items():
        by_name = dict(zip(order, rows[comp], strict=True))
        got = [
            tuple(by_name[n][k] for k in ("level", "required", "gap"))
            for n in ("Ana Ruiz", "Ben Okoro")
        ]
        assert got == cells, comp


def test_coverage_and_priorities(doc: dict) -> None:
    comps = {c["id"]: c for d in doc["coverage"] for c in d["competencies"]}
    assert (comps["planning-scheduling"]["met"], comps["planning-scheduling"]["required_of"]) == (
        1,
        2,
    )
    assert comps["pm-tools"]["met"] == 2
    assert comps["stakeholder-communication"]["met"] == 0
    assert comps["pm-methodologies"]["unrated"] == 2
    # weighted gaps: risk 3x(1+2) = 9, stakeholder 3x(2+1) = 9 (a tie: framework order),
    # planning 3x1 = 3
    top = [(p["id"], p["weighted_gap"], p["people_short"]) for p in doc["priorities"]]
    assert top == [
        ("risk-management", 9, 2),
        ("stakeholder-communication", 9, 2),
        ("planning-scheduling", 3, 1),
    ]
    risk = doc["priorities"][0]["actions"]
    # Ana 2->3, Ben 1->3: each action of step 2-3 serves both, once; those of 1-2 serve Ben
    assert {a["step"]: a["people"] for a in risk} == {"1-2": 1, "2-3": 2}
    titles = [a["title"] for a in risk]
    assert len(titles) == len(set(titles))


def test_calibration(doc: dict) -> None:
    flagged = {
        (f["person"], f["competency_id"], f["self_level"], f["other_level"], f["difference"])
        for f in doc["calibration_flags"]
    }
    assert flagged == FLAGGED  # a difference of exactly 1 (Ana's tools) is not flagged
    averages = {a["id"]: (a["mean"], a["pairs"]) for a in doc["calibration_averages"]}
    assert averages == {k: (v, 2) for k, v in AVERAGES.items()}


def test_manager_rating_only_is_listed_apart(doc: dict) -> None:
    assert [(r["name"], r["rater"], r["rated_by"]) for r in doc["rated_only"]] == [
        ("Cara Lind", "manager", "Priya Shah")
    ]
    assert all(p["name"] != "Cara Lind" for p in doc["people"])


def test_skipped_files_are_named_with_their_reason(runner: CliRunner, doc: dict) -> None:
    skipped = {Path(s["path"]).name: s["reason"] for s in doc["skipped"]}
    assert set(skipped) == {"broken.yaml", "notes.yaml"}
    assert "current_role" in skipped["notes.yaml"]
    assert doc["files_read"] == 7
    result = runner.invoke(app, ["team", str(DATA)], env={"COLUMNS": "80"})
    assert result.exit_code == ExitStatus.PARTIAL == 5
    assert "broken.yaml" in result.stderr and "notes.yaml" in result.stderr
    out = " ".join(result.stdout.split())
    assert "7 files read, 2 skipped" in out


def test_all_read_is_exit_0(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("ben.yaml", "ben-by-manager.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    result = runner.invoke(app, ["team", str(tmp_path)])
    assert result.exit_code == 0, result.stderr


def test_team_figures_equal_gaps(runner: CliRunner) -> None:
    """Readiness and requirements met, for every example person, as `gap` gives them."""
    for target in (None, "pmo-manager"):
        extra = [] if target is None else ["--target", target]
        doc = team_json(runner, str(EXAMPLES), *extra)
        assert len(doc["people"]) >= 8
        for person in doc["people"]:
            args = ["gap", "--profile", person["source"], "--format", "json"]
            args += ["--target", target or person["target_role"]]
            result = runner.invoke(app, args)
            assert result.exit_code == 0, result.stderr
            gap = json.loads(result.stdout)
            assert person["readiness"] == gap["readiness"], person["name"]
            assert person["requirements_met"] == gap["requirements_met"], person["name"]


def test_bench_strength_plans_a_shortlist(runner: CliRunner) -> None:
    doc = team_json(runner, str(EXAMPLES))
    assert doc["bench"], "roles above the team's"
    for role in doc["bench"]:
        assert 1 <= len(role["candidates"]) <= 3
        readiness = [c["readiness"] for c in role["candidates"]]
        assert readiness == sorted(readiness, reverse=True)
        soon = {
            c["name"]
            for c in role["candidates"]
            if c["ready_in_months"] is not None and c["ready_in_months"] <= 12
        }
        assert set(role["within_year"]) == soon


def test_csv_long_form_and_injection(runner: CliRunner, tmp_path: Path) -> None:
    text = (DATA / "ben.yaml").read_text(encoding="utf-8")
    (tmp_path / "evil.yaml").write_text(
        text.replace("Ben Okoro", '=HYPERLINK("http://x")').replace(
            "current_role", 'person_id: "+1-2"\ncurrent_role'
        ),
        encoding="utf-8",
    )
    (tmp_path / "zoe.yaml").write_text(text.replace("Ben Okoro", "Zoë Åström"), encoding="utf-8")
    result = runner.invoke(app, ["team", str(tmp_path), "--format", "csv", "-t", "project-manager"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "person",
        "person_id",
        "current_role",
        "target_role",
        "rater",
        "rated_by",
        "competency",
        "domain",
        "level",
        "required",
        "gap",
    ]
    names = {r["person"] for r in rows}
    assert names == {'\'=HYPERLINK("http://x")', "Zoë Åström"}
    assert {r["person_id"] for r in rows} == {"'+1-2", ""}
    zoe = [r for r in rows if r["person"] == "Zoë Åström"]
    assert len(zoe) == 14  # one a competency project manager requires
    tools = next(r for r in zoe if r["competency"] == "pm-tools")
    assert (tools["rater"], tools["level"], tools["required"], tools["gap"]) == (
        "self",
        "3",
        "2",
        "0",
    )


def test_output_file_is_created_once(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "team.md"
    args = ["team", str(EXAMPLES), "--format", "markdown", "-o", str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code == ExitStatus.PARTIAL and out.read_text(encoding="utf-8").startswith(
        "# "
    )
    again = runner.invoke(app, args)
    assert again.exit_code == ExitStatus.USAGE and "exists" in again.stderr
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == ExitStatus.PARTIAL


def test_each_file_is_read_once(runner: CliRunner) -> None:
    one = team_json(runner, str(DATA), "--target", "project-manager")
    twice = team_json(
        runner,
        str(DATA),
        str(DATA),
        str(DATA / "ben.yaml"),
        str(DATA / "ben.yaml"),
        "--target",
        "project-manager",
    )
    assert twice["files_read"] == one["files_read"] == 7
    assert len(twice["skipped"]) == 2


def test_links_do_not_loop_or_leave_the_folder(runner: CliRunner, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    shutil.copy(DATA / "ben.yaml", team / "ben.yaml")
    (team / "loop").symlink_to(team)  # a folder that links to itself
    (team / "ben-again.yaml").symlink_to(team / "ben.yaml")  # the same file twice
    outside = tmp_path / "outside.yaml"
    shutil.copy(DATA / "ana-2026-10.yaml", outside)
    (team / "outside.yaml").symlink_to(outside)
    doc = team_json(runner, str(team), code=ExitStatus.PARTIAL)
    assert doc["files_read"] == 1
    assert [Path(s["path"]).name for s in doc["skipped"]] == ["outside.yaml"]
    assert "outside" in doc["skipped"][0]["reason"]


def test_too_many_files_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pmopath.load.team as team

    monkeypatch.setattr(team, "MAX_TEAM_FILES", 2)
    for name in ("ben.yaml", "ana-2026-10.yaml", "ana-2025-09.yaml"):
        shutil.copy(DATA / name, tmp_path / name)
    result = runner.invoke(app, ["team", str(tmp_path)])
    assert result.exit_code == ExitStatus.USAGE
    assert "more than 2" in result.stderr


def test_nothing_to_read(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["team", str(tmp_path)])
    assert result.exit_code == ExitStatus.USAGE
    assert "no profile files" in result.stderr


def test_terminal_fits_80_columns_and_markdown_escapes(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["team", str(EXAMPLES)], env={"COLUMNS": "80"})
    assert result.exit_code == ExitStatus.PARTIAL
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    for section in (
        "Heat map",
        "Coverage",
        "Development priorities",
        "Bench strength",
        "Calibration",
    ):
        assert section in result.stdout
    text = (DATA / "ben.yaml").read_text(encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        text.replace("Ben Okoro", '"[b]Bold[/b] *x* | y"'), encoding="utf-8"
    )
    term = runner.invoke(app, ["team", str(tmp_path)])
    assert "[b]Bold[/b]" in term.stdout
    md = runner.invoke(app, ["team", str(tmp_path), "--format", "markdown"])
    assert r"\*x\* \| y" in md.stdout


def test_team_loads_no_questionnaire() -> None:
    import subprocess
    import sys

    code = (
        f"import sys; from pmopath.cli.app import main; sys.argv=['pmopath','team',{str(DATA)!r}];"
        "\ntry: main()\nexcept SystemExit: pass\n"
        "assert 'questionary' not in sys.modules and 'prompt_toolkit' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_profile_fields_round_trip_and_are_not_asked() -> None:
    from pmopath.cli.questionnaire import plain_fields
    from pmopath.load.profiles import profile_yaml, read_profile

    profile, _ = read_profile(DATA / "ana-by-manager.yaml")
    assert profile.rater.value == "manager" and profile.rated_by == "Priya Shah"
    text = profile_yaml(profile)
    assert "rater: manager" in text and "person_id: E100" in text
    self_rated, _ = read_profile(DATA / "ben.yaml")
    assert "rater" not in profile_yaml(self_rated)  # the default is not written
    assert not {"person_id", "rater", "rated_by"} & set(plain_fields())


def test_a_large_team_is_summed_up(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond the limit the terminal counts people by role instead of listing them."""
    import pmopath.views.team as team

    monkeypatch.setattr(team, "HEAT_MAP_PEOPLE", 3)
    result = runner.invoke(app, ["team", str(EXAMPLES)], env={"COLUMNS": "200"})
    out = " ".join(result.stdout.split())
    assert "By current role: PMO Manager 1, Programme Manager 1" in out
    assert "Too many people to list here" in out and "1 Grace Mwangi" not in out
    doc = team_json(runner, str(EXAMPLES))
    assert len(doc["people"]) == 9 and len(doc["heat_map"][0]["levels"]) == 9


def test_show_names_another_rater_only_when_set(runner: CliRunner) -> None:
    import datetime as dt

    from pmopath.load.framework import load_framework
    from pmopath.load.profiles import load_profile
    from pmopath.views.profile import background

    fw = load_framework()
    day = dt.date(2026, 12, 4)
    rated = load_profile(DATA / "ana-by-manager.yaml", fw, strict=False).profile
    rows = {r.label: r.value for r in background(rated, day)}
    assert rows["Rated by"] == "manager (Priya Shah)" and rows["Person ID"] == "E100"
    own = load_profile(DATA / "ben.yaml", fw, strict=False).profile
    assert not {"Rated by", "Person ID"} & {r.label for r in background(own, day)}
