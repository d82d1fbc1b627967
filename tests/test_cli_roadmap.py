"""gap and roadmap through the CLI, and the markdown snapshot."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")
SNAPSHOT = Path(__file__).parent / "snapshots" / "roadmap-project-manager.md"


def test_markdown_plan_snapshot(runner: CliRunner) -> None:
    args = [
        "roadmap",
        "--target",
        "director",
        "--profile",
        PM,
        "--format",
        "markdown",
        "--as-of",
        "2026-11-22",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == SNAPSHOT.read_text(encoding="utf-8")
    assert result.stderr == ""  # a clean file: nothing but the plan on stdout


def test_markdown_has_checklists_and_mermaid(runner: CliRunner) -> None:
    out = runner.invoke(
        app, ["roadmap", "-t", "director", "-p", PM, "-f", "markdown", "--as-of", "2026-11-22"]
    ).stdout
    assert out.startswith("# Development plan for Alex Example: PMO Director\n")
    # items as plain list items (no task boxes Python-Markdown would print), and the
    # milestones as one top-to-bottom Mermaid timeline that reads on a phone
    assert "\n- **" in out and "- [ ]" not in out and "\\\n" not in out
    assert "```mermaid\nflowchart TD\n" in out and "xychart" not in out
    assert (
        "Set up stage gates for a 12-project portfolio" in out
    )  # STAR seed from the person's evidence


def test_gap_json(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["gap", "--target", "director", "--profile", PM, "--format", "json", "--explain"]
    )
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["kind"] == "gap" and doc["target_role"] == "pmo-director"
    assert doc["explanation"][1].startswith("readiness for pmo-director = 1 - ")


def test_gap_explain_terminal(runner: CliRunner) -> None:
    out = runner.invoke(app, ["gap", "-t", "director", "-p", PM, "--explain"]).stdout
    assert "How this was computed" in out
    # pmo-management: core, 1 -> 4, and the PMO-manager stepping stone needs it too
    assert "priority 3 x 3 x (1 + 1) = 18" in " ".join(out.split())


def test_roadmap_output_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    args = ["roadmap", "-t", "director", "-p", PM, "-f", "markdown", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    first = out.read_text()
    assert first.startswith("# Development plan")
    out.write_text("my notes\n")
    again = runner.invoke(app, args)
    assert again.exit_code == 3 and "already exists" in again.stderr
    assert out.read_text() == "my notes\n"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert out.read_text() == first


def test_roadmap_hours_per_week_changes_the_estimate(runner: CliRunner) -> None:
    def months(hours: str) -> int:
        out = runner.invoke(
            app, ["roadmap", "-t", "director", "-p", PM, "-f", "json", "--hours-per-week", hours]
        ).stdout
        return int(json.loads(out)["ready_in_months"])

    assert months("3") < months("1")  # bound by study: three times the hours is sooner
    assert months("10") <= months("4")  # bound by work in roles: never later


def test_roadmap_uses_latest_saved_assessment(runner: CliRunner) -> None:
    missing = runner.invoke(app, ["roadmap"])
    assert missing.exit_code == 3
    assert "pmopath assess" in missing.stderr and "--profile" in missing.stderr
    assert runner.invoke(app, ["assess", "--answers", PM]).exit_code == 0
    result = runner.invoke(app, ["roadmap", "--format", "json"])
    assert json.loads(result.stdout)["target_role"] == "pmo-director"


def test_bad_as_of(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roadmap", "-p", PM, "--as-of", "tomorrow"])
    assert result.exit_code == 3  # a usage error: the command line, not a data file
    assert "not a date" in result.stderr


def test_piped_terminal_roadmap_is_plain(runner: CliRunner) -> None:
    out = runner.invoke(app, ["roadmap", "-t", "director", "-p", PM], env={"NO_COLOR": None}).stdout
    assert "\x1b" not in out
    assert "Next 90 days" in out


def test_several_targets_side_by_side(runner: CliRunner) -> None:
    args = ["gap", "-p", PM, "-t", "director", "-t", "pmo-manager", "-t", "director"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json", "--as-of", "2026-11-22"]).stdout)
    assert doc["kind"] == "comparison"
    rows = {t["id"]: t for t in doc["targets"]}
    # a repeated target counts once; the soonest ready first
    assert list(rows) == ["pmo-manager", "pmo-director"]
    # the same figures as each target's own gap and roadmap
    for target, row in rows.items():
        one = json.loads(
            runner.invoke(
                app, ["roadmap", "-p", PM, "-t", target, "-f", "json", "--as-of", "2026-11-22"]
            ).stdout
        )
        assert row["readiness"] == one["readiness"]
        assert row["ready_in_months"] == one["ready_in_months"]
        assert row["months_short"] == max(e["gap_months"] for e in one["experience"])
    text = runner.invoke(app, [*args, "--as-of", "2026-11-22"]).stdout
    ready = rows["pmo-director"]["ready_label"]
    assert "PMO Director" in text and "PMO Manager" in text and ready and ready in text


def test_strengths_are_named(runner: CliRunner) -> None:
    doc = json.loads(runner.invoke(app, ["gap", "-p", PM, "-t", "director", "-f", "json"]).stdout)
    met = [c["name"] for c in doc["competencies"] if c["gap"] == 0 and c["current"] is not None]
    assert doc["strengths"] and set(doc["strengths"]) == set(met)
    text = runner.invoke(app, ["gap", "-p", PM, "-t", "director"]).stdout
    assert "Strengths: " + doc["strengths"][0] in " ".join(text.split())


def test_the_plan_stacks_in_a_narrow_terminal_and_summarises_later_work(
    runner: CliRunner,
) -> None:
    args = ["roadmap", "-t", "director", "-p", PM, "--as-of", "2026-11-22"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
    wide = runner.invoke(app, args, env={"COLUMNS": "120"}).stdout
    # numbered items, one entry each at any width (issue 22: a screenful); the table is --all's
    assert re.search(r"\n +1\. Find a mentor", narrow)
    for out in (narrow, wide):
        assert "Item" not in out.split("Next 90 days")[1][:400]
        flat = " ".join(out.split())
        assert "Then, per competency (from " in out and "`--all` lists every item" in flat
        assert "Milestones" in out and "Move into a PMO Manager role" in out
        assert max(len(line) for line in out.splitlines()) <= (80 if out is narrow else 120)
    everything = runner.invoke(app, [*args, "--all"], env={"COLUMNS": "120"}).stdout
    assert "Item" in everything.split("Next 90 days")[1][:400]
    assert "per competency" not in everything and "Prepare STAR stories" in everything


def test_an_eligibility_milestone_follows_the_plans_steps_toward_it(runner: CliRunner) -> None:
    """'Eligible for X' is not dated before the plan has done what X's rule still asks
    (its training hours, say): the list and the plan tell one story."""
    seen = 0
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        result = runner.invoke(
            app,
            [
                "roadmap",
                "-p",
                str(example),
                "-t",
                "director",
                "-f",
                "json",
                "--as-of",
                "2026-11-22",
            ],
        )
        assert result.exit_code == 0, result.output
        plan = json.loads(result.stdout)
        items = [it for ph in plan["phases"] for it in ph["items"]]
        names = {c["id"]: c["name"] for c in plan["certifications"]}
        for m in plan["milestones"]:
            if not m["text"].startswith("Eligible for "):
                continue
            cert = next(i for i, n in names.items() if m["text"] == f"Eligible for {n}")
            steps = [
                it["end_month"]
                for it in items
                if (it["kind"] == "certification" and it["ref"] == cert and it["step"] != "exam")
                or cert in it["counts_toward"]  # a course whose hours the rule counts
            ]
            assert all(m["month"] > end for end in steps), (m, steps)
            seen += len(steps)
    assert seen  # at least one plan has such a step (a PMO course toward PMI-PMOCP's hours)


def test_roadmap_leads_with_the_summary_not_the_gap_tables(runner: CliRunner) -> None:
    # issue 22: the plan started at line 83, after the whole gap report
    args = ["roadmap", "--profile", PM, "--target", "director", "--as-of", "2026-11-22"]
    plain = runner.invoke(app, args).stdout
    lines = plain.splitlines()
    assert "current vs required" not in plain and "Certification " not in plain
    first = next(i for i, line in enumerate(lines) if line.startswith("Next 90 days"))
    assert first < 20
    assert "`pmopath gap` shows" in " ".join(plain.split())
    explained = runner.invoke(app, [*args, "--explain"]).stdout
    assert "current vs required" in explained  # --explain keeps everything


def test_no_applications_when_the_target_is_the_role_held(runner: CliRunner) -> None:
    # issue 20: "Apply for Project Manager roles" when the target is the current role
    args = ["roadmap", "--profile", PM, "--target", "project-manager", "--as-of", "2026-11-22"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    steps = [it["step"] for ph in doc["phases"] for it in ph["items"]]
    assert "apply" not in steps
    mentor = next(it for ph in doc["phases"] for it in ph["items"] if it["step"] == "network")
    assert "Project Manager" in mentor["title"]  # named by the target role


PROFILES = sorted(
    [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "data" / "personas").glob("*.yaml")]
)


def _own_target(profile: Path) -> str:
    import yaml

    return str(yaml.safe_load(profile.read_text(encoding="utf-8"))["target_role"])


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_default_roadmap_fits_in_sixty_lines_at_80_columns(
    runner: CliRunner, profile: Path
) -> None:
    # issue 22: 97 to 228 lines at 80 columns; a laptop screen holds about 60
    for target in (_own_target(profile), "director"):
        args = ["roadmap", "-p", str(profile), "-t", target, "--as-of", "2026-11-22"]
        out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
        lines = out.splitlines()
        assert len(lines) <= 60, (target, len(lines))
        assert max(len(line) for line in lines) <= 80
        # the summary first, then the next 90 days; no gap table
        doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
        flat = " ".join(out.split())
        assert " ".join(doc["headline"].split()) in " ".join(" ".join(lines[:4]).split())
        assert "current vs required" not in out and "Certification " not in out
        if doc["what_sets_the_date"]:
            assert " ".join(doc["what_sets_the_date"].split()) in flat
        first = next(i for i, line in enumerate(lines) if line.startswith("Next 90 days"))
        assert first <= 15
        if doc["next_step"]:
            assert doc["next_step"]["name"] in " ".join(lines[:first])
        # the first item of the next 90 days is there, with its months
        item = doc["phases"][0]["items"][0]
        assert " ".join(item["title"].split()[:4]) in flat


def test_all_still_shows_every_item(runner: CliRunner) -> None:
    args = ["roadmap", "-t", "director", "-p", PM, "--as-of", "2026-11-22"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    everything = runner.invoke(app, [*args, "--all"], env={"COLUMNS": "80"}).stdout
    flat = " ".join(everything.split())
    for ph in doc["phases"]:
        for it in ph["items"]:
            if it["mode"] != "milestone":
                assert " ".join(it["title"].split()[:5]) in flat, it["title"]
    for m in doc["milestones"]:
        assert m["text"] in flat
    assert len(everything.splitlines()) > 60


def test_markdown_plan_ready_now_says_now(runner: CliRunner) -> None:
    """A plan whose target is already met said "month not estimated" under its timeline."""
    example = str(Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml")
    args = ["roadmap", "-p", example, "-t", "project-manager", "-f", "markdown"]
    result = runner.invoke(app, [*args, "--as-of", "2026-11-22"])
    assert result.exit_code == 0, result.stderr
    assert "- **now:** Ready for Project Manager" in result.stdout
    assert 'r(["Ready for Project Manager now"])' in result.stdout
    assert "not estimated" not in result.stdout
