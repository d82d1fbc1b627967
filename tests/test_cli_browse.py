"""The browsing commands, end to end through Typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pmopath import __version__
from pmopath.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0
    assert out.strip() == f"pmopath {__version__}"


def test_roles_lists_the_ladder_entry_to_executive(runner: CliRunner) -> None:
    code, out, err = run(runner, "roles")
    assert code == 0, err
    assert out.index("PMO Administrator") < out.index("Project Manager") < out.index("PMO Director")
    assert out.index("PMO Director") < out.index("Chief Project Officer")
    for track in ("delivery", "pmo", "executive"):
        assert track in out
    assert "10-15 yrs" in out


@pytest.mark.parametrize("name", ["director", "pmo-director", "pmo-dir", "DIRECTOR", "head-of-pmo"])
def test_role_found_by_id_alias_or_prefix(runner: CliRunner, name: str) -> None:
    code, out, err = run(runner, "roles", name)
    assert code == 0, err
    assert out.startswith("PMO Director")
    assert "Responsibilities" in out and "Recommended certifications" in out
    assert "████ 4" in out  # required levels drawn as bars


def test_ambiguous_role_lists_candidates(runner: CliRunner) -> None:
    code, out, err = run(runner, "roles", "proj")
    assert code == 3
    assert out == ""
    assert err.startswith("pmopath: error: role 'proj' is ambiguous")
    assert "project-manager" in err and "project-coordinator" in err
    assert err.count("\n") == 1


def test_unknown_role_suggests_closest(runner: CliRunner) -> None:
    code, _, err = run(runner, "roles", "dirctor")
    assert code == 3
    assert "unknown role 'dirctor'" in err and "did you mean 'director'" in err


def test_competencies_list_and_domain_filter(runner: CliRunner) -> None:
    code, out, _ = run(runner, "competencies")
    assert code == 0
    assert "strategic-thinking" in out and "pm-tools" in out
    code, out, _ = run(runner, "competencies", "--domain", "strategy")
    assert code == 0
    assert "strategic-thinking" in out
    assert "pm-tools" not in out


def test_competency_detail_has_descriptors_and_actions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "competencies", "strategic-thinking")
    assert code == 0
    for level in range(5):
        assert f"{level} " in out
    assert "0→1" in out and "3→4" in out
    assert "Roles that require it" in out


def test_certs_for_role_puts_recommended_first(runner: CliRunner) -> None:
    code, out, _ = run(runner, "certs", "--for", "pmo-manager")
    assert code == 0
    assert out.index("pmi-pmocp") < out.index("p3o-practitioner")
    assert "recommended" in out


def test_cert_detail_shows_routes_exam_fees(runner: CliRunner) -> None:
    code, out, _ = run(runner, "certs", "pmp")
    assert code == 0
    assert "36 months (3 years) of leading projects within the last 8 years" in out
    assert "60 months (5 years)" in out
    assert "185 questions, 240 minutes" in out
    assert "sources conflict" in out


def test_legacy_pmo_cp_resolves_to_pmocp_with_history(runner: CliRunner) -> None:
    code, out, _ = run(runner, "certs", "pmo-cp")
    assert code == 0
    assert out.startswith("PMI Project Management Office Certified Professional")
    assert "PMO Global Alliance" in out and "4 February 2025" in out


def test_validate_builtin(runner: CliRunner) -> None:
    code, out, _ = run(runner, "validate")
    assert code == 0
    assert "framework is valid" in out


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["roles"], "roles"),
        (["roles", "pm"], "role"),
        (["competencies"], "competencies"),
        (["competencies", "governance"], "competency"),
        (["certs"], "certifications"),
        (["certs", "capm"], "certification"),
        (["validate"], "validation"),
    ],
)
def test_json_output(runner: CliRunner, args: list[str], kind: str) -> None:
    code, out, _ = run(runner, *args, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    assert doc["kind"] == kind


def test_markdown_role(runner: CliRunner) -> None:
    code, out, _ = run(runner, "roles", "pm", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Project Manager\n")
    assert (
        "| Delivery practice | Delivery methods (predictive, agile, hybrid) | ███░ 3 | core |"
        in out
    )


def test_schema_is_json_schema(runner: CliRunner) -> None:
    code, out, _ = run(runner, "schema", "roles")
    assert code == 0
    doc = json.loads(out)
    assert doc["title"] == "RolesFile"
    assert "roles" in doc["properties"]
    code, out, _ = run(runner, "schema")
    assert set(json.loads(out)) == {"roles.yaml", "competencies.yaml", "certifications.yaml"}


def test_unknown_schema(runner: CliRunner) -> None:
    code, _, err = run(runner, "schema", "nope")
    assert code == 3
    assert "unknown schema" in err


COMMANDS = (
    "roles",
    "competencies",
    "certs",
    "validate",
    "schema",
    "assess",
    "gap",
    "roadmap",
    "history",
    "show",
    "export-profile",
)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"pmopath {command}" in result.stdout


def test_every_command_is_tested_for_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    names = set(group.commands)  # type: ignore[attr-defined]
    assert names == set(COMMANDS)
