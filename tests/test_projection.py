"""A certification dated from the plan's move into the stepping stone that earns its
experience (engine/projection.py): the same date in gap and roadmap, said in words, and
the certification list (no plan) keeps saying what it needs as things stand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pmopath.cli.app import app

PERSON = str(Path(__file__).parent / "data" / "personas" / "pmo-manager.yaml")
ARGS = ["--profile", PERSON, "--as-of", "2026-11-22"]


def cert(doc: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in doc["certifications"] if c["id"] == cert_id)


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, *ARGS])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_gap_and_roadmap_date_pfmp_from_the_director_move() -> None:
    for command in ("gap", "roadmap"):
        doc = json.loads(run(command, "-t", "chief-project-officer", "--format", "json"))
        pfmp = cert(doc, "pfmp")
        assert pfmp["eligible_in_months"] == 59, command
        assert pfmp["after_move"] == "pmo-director", command
        assert pfmp["eligible_when"] == "counted from your planned move into PMO Director"
        # what is missing is today's: none of the 48 months yet
        assert any("(you have 0)" in m for m in pfmp["missing"]), command


def test_without_a_plan_the_date_is_not_promised() -> None:
    result = CliRunner().invoke(app, ["certs", "pfmp", "--profile", PERSON, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    text = json.dumps(doc)
    assert '"eligible_in_months": null' in text
    assert "48 months after you start portfolio management" in text


def test_a_target_whose_path_has_no_such_move_leaves_it_undated() -> None:
    doc = json.loads(run("gap", "-t", "pmo-director", "--format", "json"))
    pfmp = cert(doc, "pfmp")
    assert pfmp["eligible_in_months"] is None and pfmp["after_move"] is None
