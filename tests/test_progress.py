"""`pmopath progress`: one person's saved assessments against one target (issue 23).

Three assessments of the hand-made profiles of tests/data/diff: March and September 2026
as the files are, and January 2027 with three ratings raised. Levels, required levels and
requirements met are read off the files and data/roles.yaml by hand; readiness and the
ready month come from the summary engine on each assessment's own day, as `history` and
`diff` show them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.load.framework import load_framework
from pmopath.load.profiles import load_profile, profile_yaml
from pmopath.load.store import Store
from pmopath.model.catalog import Framework
from pmopath.model.profile import Profile, Rating
from saved_figures import figures

DATA = Path(__file__).resolve().parent / "data" / "diff"
UTC = dt.timezone.utc
DAYS = (
    dt.datetime(2026, 3, 10, 12, 0, tzinfo=UTC),
    dt.datetime(2026, 9, 15, 12, 0, tzinfo=UTC),
    dt.datetime(2027, 1, 20, 12, 0, tzinfo=UTC),
)
IDS = ("20260310-120000", "20260915-120000", "20270120-120000")
#: The third assessment: September's file with these ratings raised.
RAISED = {"governance": 3, "pmo-management": 2, "risk-management": 3}

#: By hand: the level at each assessment, and PMO manager's required level (roles.yaml).
LEVELS = {
    "risk-management": ([None, 2, 3], 3),
    "pm-tools": ([2, 2, 2], 2),
    "pmo-management": ([1, 1, 2], 3),
    "governance": ([2, 3, 3], 3),
    "networking": ([1, 1, 1], 2),
}
#: PMO manager requires 20 competencies; met (at or above the level): pm-tools; then
#: governance too; then risk management too. Its one experience requirement (PMO years,
#: 2020-2023) is met throughout; of its five certifications, the PMP is held.
MET = [(1, 20), (2, 20), (3, 20)]
CERTS = (1, 5)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def save(fw: Framework, name: str, when: dt.datetime, **changes: object) -> Profile:
    profile = load_profile(DATA / name, fw, strict=True).profile
    profile = profile.model_copy(update={"assessed_at": when, **changes})
    Store().save_assessment(profile_yaml(profile), when)
    return profile


def three(fw: Framework, **last: object) -> list[Profile]:
    first = save(fw, "then.yaml", DAYS[0])
    second = save(fw, "now.yaml", DAYS[1])
    ratings = {**second.ratings, **{k: Rating(level=v) for k, v in RAISED.items()}}
    return [first, second, save(fw, "now.yaml", DAYS[2], ratings=ratings, **last)]


def as_json(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["progress", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc: dict[str, object] = json.loads(result.stdout)
    return doc


def test_json_has_each_assessment_and_competency(runner: CliRunner, fw: Framework) -> None:
    profiles = three(fw)
    doc = as_json(runner)
    assert doc["kind"] == "progress" and doc["compared_role"] == "pmo-manager"
    points = doc["points"]
    assert isinstance(points, list)
    assert [p["id"] for p in points] == list(IDS)
    assert [p["day"] for p in points] == ["2026-03-10", "2026-09-15", "2027-01-20"]
    assert [(p["competencies_met"], p["competencies_total"]) for p in points] == MET
    assert [(p["experience_met"], p["experience_total"]) for p in points] == [(1, 1)] * 3
    assert [(p["certifications_held"], p["certifications_recommended"]) for p in points] == [
        CERTS
    ] * 3
    for point, profile in zip(points, profiles, strict=True):
        readiness, month = figures(fw, profile, "pmo-manager")
        assert point["readiness"] == pytest.approx(readiness) and point["ready_month"] == month
    comps = doc["competencies"]
    assert isinstance(comps, list)
    assert len(comps) == 20  # every one PMO manager requires; nothing else was rated
    shown = {c["id"]: (c["levels"], c["required"]) for c in comps if c["id"] in LEVELS}
    assert shown == LEVELS
    first, last = figures(fw, profiles[0], "pmo-manager"), figures(fw, profiles[2], "pmo-manager")
    assert doc["readiness_change"] == pytest.approx(last[0] - first[0], abs=1e-4)


def test_another_target_is_compared_all_the_same(runner: CliRunner, fw: Framework) -> None:
    """The latest aims at PMO director: the default target; the earlier two are compared
    against it, and a rated competency the director does not require is kept (required: none)."""
    profiles = three(fw, target_role="pmo-director")
    doc = as_json(runner)
    assert doc["compared_role"] == "pmo-director"
    points = doc["points"]
    assert isinstance(points, list)
    assert [p["target_role_name"] for p in points] == ["PMO Manager", "PMO Manager", "PMO Director"]
    assert points[0]["readiness"] == pytest.approx(figures(fw, profiles[0], "pmo-director")[0])
    comps = doc["competencies"]
    assert isinstance(comps, list)
    required = {c["id"]: c["required"] for c in comps}
    assert len(comps) == 17  # the director's 16, and project management tools
    assert required["pm-tools"] is None and required["governance"] == 4
    out = " ".join(runner.invoke(app, ["progress"], env={"COLUMNS": "200"}).stdout.split())
    assert f"{IDS[0]} aimed at PMO Manager; it is compared against PMO Director" in out
    assert f"{IDS[2]} aimed at" not in out
    by_option = as_json(runner, "--target", "pmo-manager")
    assert by_option["compared_role"] == "pmo-manager"


def test_terminal(runner: CliRunner, fw: Framework) -> None:
    profiles = three(fw)
    first = figures(fw, profiles[0], "pmo-manager")
    last = figures(fw, profiles[2], "pmo-manager")
    assert first[1] is not None and last[1] is not None
    result = runner.invoke(app, ["progress"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    moved = (int(last[1][:4]) - int(first[1][:4])) * 12 + int(last[1][5:]) - int(first[1][5:])
    way = "later" if moved > 0 else "sooner"
    assert f"ready around {last[1]}, {abs(moved)} months {way} than in 2026-03" in out
    assert f"{fw.competency_by_id['governance'].name} 3 ▄▆▆ 2 → 3" in out
    assert f"{fw.competency_by_id['risk-management'].name} 3 ·▄▆ - → 3" in out
    assert f"{fw.competency_by_id['pmo-management'].name} 3 ▂▂▄ 1 → 2" in out
    assert f"{IDS[2]} 2027-01-20 {round(last[0] * 100)}% 3/20 1/1 1/5" in out
    assert all(ident in out for ident in IDS)


def test_markdown(runner: CliRunner, fw: Framework) -> None:
    three(fw)
    result = runner.invoke(app, ["progress", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# Progress: PMO Manager"
    assert f"| {fw.competency_by_id['governance'].name} | 3 | ▄▆▆ | 2 → 3 |" in lines
    assert any(line.startswith(f"| {IDS[2]} | 2027-01-20 | PMO Manager |") for line in lines)


def test_csv_is_long_form(runner: CliRunner, fw: Framework) -> None:
    profiles = three(fw)
    result = runner.invoke(app, ["progress", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["assessment_id", "date", "measure", "id", "value", "required"]
    assert len(rows) == 3 * (5 + 20)  # five figures and twenty competencies per assessment
    level = {
        (r["assessment_id"], r["id"]): (r["value"], r["required"])
        for r in rows
        if r["measure"] == "competency"
    }
    assert level[(IDS[0], "risk-management")] == ("", "3")
    assert level[(IDS[2], "governance")] == ("3", "3")
    last = {r["measure"]: r for r in rows if r["assessment_id"] == IDS[2]}
    readiness, month = figures(fw, profiles[2], "pmo-manager")
    assert float(last["readiness"]["value"]) == pytest.approx(readiness)
    assert last["ready_month"]["value"] == (month or "")
    assert (last["competencies_met"]["value"], last["competencies_met"]["required"]) == ("3", "20")
    assert last["readiness"]["date"] == "2027-01-20"


def test_one_assessment_has_no_movement(runner: CliRunner, fw: Framework) -> None:
    profile = save(fw, "then.yaml", DAYS[0])
    month = figures(fw, profile, "pmo-manager")[1]
    result = runner.invoke(app, ["progress"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert f"ready around {month};" not in result.stdout
    assert f"ready around {month}\n" in result.stdout


def test_none_saved_is_one_line_and_exit_3(runner: CliRunner) -> None:
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "saved assessment" in result.stderr


def test_an_unreadable_assessment_is_skipped_with_a_warning(
    runner: CliRunner, fw: Framework
) -> None:
    three(fw)
    store = Store()
    broken = store.path(IDS[1])
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["progress", "--format", "json"])
    assert result.exit_code == 0
    points = json.loads(result.stdout)["points"]
    assert [p["id"] for p in points] == [IDS[0], IDS[2]]
    assert f"skipped assessment {IDS[1]}" in result.stderr


def test_other_commands_do_not_offer_csv(runner: CliRunner) -> None:
    # csv is progress's own choice: the others neither list it in --help nor take it
    result = runner.invoke(app, ["roles", "--format", "csv"])
    assert result.exit_code == 3 and "csv" in result.stderr
    helps = runner.invoke(app, ["roles", "--help"], env={"COLUMNS": "120"}).stdout
    assert "terminal|markdown|json" in helps and "csv" not in helps
    progress = runner.invoke(app, ["progress", "--help"], env={"COLUMNS": "120"}).stdout
    assert "terminal|markdown|json|csv" in progress


def test_help_has_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["progress", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "pmopath progress --format csv" in result.stdout
