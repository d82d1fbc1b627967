"""The browsing commands, end to end through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmopath import __version__
from pmopath.cli.app import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows_holding(out: str, *names: str) -> dict[str, str]:
    """For each name, the one output line that holds it, with its whitespace collapsed."""
    rows = {}
    for name in names:
        (line,) = [line for line in out.splitlines() if name in line]
        rows[name] = " ".join(line.split())
    return rows


# strategic-thinking in data/competencies.yaml and data/roles.yaml
STRATEGIC_THINKING_LEVELS = [
    (0, "No experience", "Does not yet connect project work to the organisation's strategy."),
    (1, "Assists", "Can say which strategic objective a project serves."),
    (2, "Practises", "Frames proposals and reports in terms of strategic objectives"),
    (3, "Leads", "Shapes the portfolio to strategy"),
    (4, "Shapes practice", "Co-creates strategy with executives"),
]
STRATEGIC_THINKING_ROLES = [
    ("Project Manager", 1, "useful"),
    ("Senior Project Manager", 2, "important"),
    ("Programme Manager", 3, "important"),
    ("PMO Manager", 2, "important"),
    ("Portfolio Manager", 3, "core"),
    ("PMO Director", 3, "core"),
    ("Chief Project Officer", 4, "core"),
]


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
    # required levels drawn as bars, on the row of the competency they belong to
    rows = rows_holding(out, "Governance and assurance", "Budgeting and cost control")
    assert rows["Governance and assurance"].endswith("Governance and assurance ████ 4 core")
    assert rows["Budgeting and cost control"].endswith("Budgeting and cost control ██░░ 2 useful")


def test_role_json_binds_levels_to_competencies(runner: CliRunner) -> None:
    code, out, _ = run(runner, "roles", "director", "--format", "json")
    assert code == 0
    required = json.loads(out)["role"]["competencies"]
    assert required["governance"] == {"level": 4, "importance": "core"}
    assert required["strategic-thinking"] == {"level": 3, "importance": "core"}
    assert required["budgeting-cost-control"] == {"level": 2, "importance": "useful"}


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
    for level, name, descriptor in STRATEGIC_THINKING_LEVELS:
        bar = "█" * level + "░" * (4 - level)
        (line,) = [line for line in out.splitlines() if line.startswith(f"{bar} {level} ")]
        assert " ".join(line.split()).startswith(f"{bar} {level} {name} {descriptor}"), line
    assert "0→1" in out and "3→4" in out
    _, roles = out.split("Roles that require it\n", 1)
    rows = {" ".join(line.split()) for line in roles.splitlines()}
    for role, level, importance in STRATEGIC_THINKING_ROLES:
        bar = "█" * level + "░" * (4 - level)
        assert f"{bar} {level} {role} {importance}" in rows, roles


def test_competency_levels_in_json_and_markdown(runner: CliRunner) -> None:
    code, out, _ = run(runner, "competencies", "strategic-thinking", "--format", "json")
    assert code == 0
    levels = json.loads(out)["competency"]["levels"]
    assert sorted(levels) == ["0", "1", "2", "3", "4"]
    for level, _, descriptor in STRATEGIC_THINKING_LEVELS:
        assert levels[str(level)].startswith(descriptor)
    code, out, _ = run(runner, "competencies", "strategic-thinking", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert (
        "| 4 Shapes practice | Co-creates strategy with executives and turns it into the "
        "portfolio and the PMO's mandate. |" in lines
    )
    assert "| 1 Assists | Can say which strategic objective a project serves. |" in lines
    for role, level, importance in STRATEGIC_THINKING_ROLES:
        assert f"- {role}: level {level} ({importance})" in lines


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
    # one table a domain, three columns (a phone's column); the bar and its number together
    assert "### Delivery practice\n\n| Competency | Level | Importance |" in out
    assert "| Delivery methods (predictive, agile, hybrid) | ███░\u00a03 | core |" in out


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
    "sources",
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
    "diff",
    "progress",
    "team",
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


def test_eligible_is_grouped_and_legacy_needs_all() -> None:
    # issue 22: 109 lines, with "PMO Certified Consultant (legacy) blocked: not currently offered"
    from typer.testing import CliRunner

    from pmopath.cli.app import app

    pm = str(Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml")
    runner = CliRunner()
    out = runner.invoke(app, ["certs", "--eligible", "--profile", pm]).stdout
    titles = [t for t in ("Eligible now (", "Eligible within a year (", "Held (") if t in out]
    assert titles == ["Eligible now (", "Eligible within a year (", "Held ("]
    assert out.index("Eligible now (") < out.index("Eligible within a year (") < out.index("Held (")
    assert "(legacy)" not in out and "no longer offered is left out" in " ".join(out.split())
    everything = runner.invoke(app, ["certs", "--eligible", "--all", "--profile", pm]).stdout
    assert "No longer offered (" in everything and "(legacy)" in everything
    doc = json.loads(
        runner.invoke(app, ["certs", "--eligible", "--profile", pm, "-f", "json"]).stdout
    )
    groups = {c["id"]: c["group"] for c in doc["certifications"]}
    assert groups["pmp"] == "held" and "not-offered" in groups.values()  # JSON lists them all


def test_a_dated_exam_format_says_whether_it_is_current_and_lines_hang() -> None:
    # issue 20/22: the PMP format that ended on 2026-07-08 was shown without a mark, and
    # continuation lines of `certs ID` fell back to column 0
    from pmopath.views.browse import exam_text

    runner = CliRunner()
    out = runner.invoke(app, ["certs", "pmp"], env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    exam = lines.index("Exam")
    block = lines[exam + 1 : lines.index("Fees")]
    assert all(line.startswith("  ") for line in block if line), block
    assert "ended (as of" in " ".join(block) and "current (as of" in " ".join(block)
    import datetime as dt

    from pmopath.load.framework import load_framework

    old, new = load_framework().certification("pmp").exams[:2]
    assert exam_text(old, dt.date(2026, 7, 8)).endswith("current (as of 2026-07-08)")
    assert exam_text(new, dt.date(2026, 7, 8)).endswith("not yet in use (as of 2026-07-08)")


def test_a_status_resting_on_what_pmopath_cannot_check_says_so() -> None:
    # issue 20: IPMA Level A "eligible now", the strategic-level condition only in a footnote
    pm = str(Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml")
    doc = json.loads(
        CliRunner().invoke(app, ["certs", "--eligible", "--profile", pm, "-f", "json"]).stdout
    )
    ipma_a = next(c for c in doc["certifications"] if c["id"] == "ipma-a")
    assert ipma_a["status"] == "eligible"
    assert ipma_a["unchecked"] and "strategic level" in ipma_a["unchecked"][0]
    assert ipma_a["status_text"].startswith("eligible now, if your experience counts as: managing")
    capm = next(c for c in doc["certifications"] if c["id"] == "capm")
    assert capm["unchecked"] == [] and capm["status_text"] == "eligible now"


@pytest.mark.parametrize("command", ["certs", "competencies"])
def test_lists_never_cut_an_id_or_a_word_at_80_columns(runner: CliRunner, command: str) -> None:
    # issue 22: "prince2-agile…" and "specialisatio…": an ID is what a person types next
    doc = json.loads(runner.invoke(app, [command, "-f", "json"]).stdout)
    entries = doc["certifications"] if command == "certs" else doc["competencies"]
    out = runner.invoke(app, [command], env={"COLUMNS": "80"}).stdout
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    words = set(out.replace("│", " ").split())
    for entry in entries:
        assert entry["id"] in words, entry["id"]
