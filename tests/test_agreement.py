"""The same person, target and day give the same figures in every command and format.

`gap`, `gap --explain`, the side-by-side comparison and `roadmap` all show one summary
(engine.summary.summarise): readiness, requirements met, months short and the ready month.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF = "2026-11-22"
CASES = [
    ("project-coordinator", ("project-manager", "pmo-director")),
    ("project-manager", ("pmo-director", "pmo-manager", "program-manager")),
    ("pmo-analyst", ("pmo-manager", "pmo-director")),
]


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, [*args, "--as-of", AS_OF])
    assert result.exit_code == 0, result.stderr
    return result.stdout.replace("\u2011", "-")  # markdown's non-breaking hyphens in months


def figures(doc: dict[str, Any]) -> tuple[Any, ...]:
    met = doc["requirements_met"]
    return (
        doc["readiness"],
        tuple(met["experience"]),
        tuple(met["certifications"]),
        doc["months_short"],
        doc["ready_in_months"],
        doc["ready_label"],
    )


@pytest.mark.parametrize(("person", "targets"), CASES)
def test_gap_roadmap_comparison_and_explain_agree(
    runner: CliRunner, person: str, targets: tuple[str, ...]
) -> None:
    profile = str(EXAMPLES / f"{person}.yaml")
    rows = json.loads(
        run(runner, "gap", "-p", profile, *[a for t in targets for a in ("-t", t)], "-f", "json")
    )["targets"]
    assert sorted(r["id"] for r in rows) == sorted(targets)
    # the soonest ready first (issue 22: the deciding column first)
    ready = [r["ready_in_months"] for r in rows]
    assert ready == sorted(ready, key=lambda m: (m is None, m or 0))
    by_id = {r["id"]: r for r in rows}
    for target, row in ((t, by_id[t]) for t in targets):
        gap = json.loads(run(runner, "gap", "-p", profile, "-t", target, "-f", "json"))
        roadmap = json.loads(run(runner, "roadmap", "-p", profile, "-t", target, "-f", "json"))
        assert figures(gap) == figures(roadmap)
        assert figures(gap) == (
            row["readiness"],
            (row["experience_met"], row["experience_total"]),
            (row["certifications_held"], row["certifications_recommended"]),
            row["months_short"],
            row["ready_in_months"],
            row["ready_label"],
        )
        explained = json.loads(
            run(runner, "gap", "-p", profile, "-t", target, "--explain", "-f", "json")
        )
        chosen = [line for line in explained["explanation"] if line.startswith("chosen:")]
        ready = gap["ready_in_months"]
        if ready is not None:
            assert chosen and f"ready in {ready} months" in chosen[0]
        # the headline says what the figures say, in every text format
        for fmt in ("terminal", "markdown"):
            text = re.sub(r"\s+", " ", run(runner, "gap", "-p", profile, "-t", target, "-f", fmt))
            held, recommended = gap["requirements_met"]["certifications"]
            if recommended:
                assert f"{held} of {recommended} held" in text
            if gap["ready_label"]:
                assert gap["ready_label"] in text


PERSONAS = Path(__file__).parent / "data" / "personas"


def test_what_sets_the_date_says_experience_when_time_in_a_role_binds(runner: CliRunner) -> None:
    doc = json.loads(run(runner, "gap", "-p", str(PERSONAS / "pmo-analyst.yaml"), "-f", "json"))
    assert doc["ready_set_by"] == [
        {"kind": "experience", "ref": "project-related", "mode": "milestone"}
    ]
    assert "more study hours will not move it" in doc["what_sets_the_date"]
    # and it is true: twice the hours, the same month
    more = json.loads(
        run(
            runner,
            "gap",
            "-p",
            str(PERSONAS / "pmo-analyst.yaml"),
            "--hours-per-week",
            "8",
            "-f",
            "json",
        )
    )
    assert more["ready_in_months"] == doc["ready_in_months"]


def test_what_sets_the_date_gives_the_months_more_hours_would_save_and_they_hold(
    runner: CliRunner,
) -> None:
    profile = str(PERSONAS / "coordinator.yaml")
    doc = json.loads(run(runner, "gap", "-p", profile, "--hours-per-week", "1", "-f", "json"))
    said = re.search(
        r"At (\d+) h/week you would be ready (\d+) months sooner", doc["what_sets_the_date"]
    )
    assert said is not None, doc["what_sets_the_date"]
    hours, sooner = said.group(1), int(said.group(2))
    faster = json.loads(run(runner, "gap", "-p", profile, "--hours-per-week", hours, "-f", "json"))
    assert faster["ready_in_months"] == doc["ready_in_months"] - sooner
    for fmt in ("terminal", "markdown"):
        text = " ".join(
            run(runner, "gap", "-p", profile, "--hours-per-week", "1", "-f", fmt).split()
        )
        assert f"ready {sooner} months sooner" in text
