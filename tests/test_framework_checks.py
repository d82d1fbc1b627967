"""Cross-file checks that `pmopath validate` reports: prerequisite and ladder cycles."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from pmopath.cli import app

# The location `validate` prints before each problem: "<path>/<file>:<line>: <field>: ..."
LOCATION = r"{file}:(\d+): {field}: "


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def block_of(path: Path, item_id: str) -> range:
    """The 1-based line numbers of one `- id: ...` item in a framework file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {item_id}") + 1
    end = next(
        (n for n in range(start + 1, len(lines) + 1) if lines[n - 1].startswith("  - id: ")),
        len(lines) + 1,
    )
    return range(start, end)


def validate(runner: CliRunner, folder: Path) -> str:
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return " ".join(result.stdout.split())  # undo the terminal's wrapping


def problem_line(out: str, file: Path, field: str) -> int:
    match = re.search(LOCATION.format(file=re.escape(str(file)), field=re.escape(field)), out)
    assert match, out
    return int(match.group(1))


def test_certification_prerequisite_cycle(runner: CliRunner, data_copy: Path) -> None:
    certs = data_copy / "certifications.yaml"
    # csm requires psm-1 and psm-1 requires csm.
    edit(
        certs,
        "        - name: Course with a Certified Scrum Trainer\n",
        "        - name: Course with a Certified Scrum Trainer\n"
        "          certifications: [psm-1]\n",
    )
    edit(
        certs,
        "        - {name: No prerequisite (course optional)}\n",
        "        - {name: No prerequisite (course optional), certifications: [csm]}\n",
    )
    out = validate(runner, data_copy)
    assert "prerequisites form a cycle: csm -> psm-1 -> csm" in out
    assert "1 problem" in out and "1 problems" not in out
    line = problem_line(out, certs, "certifications[csm].prerequisites")
    assert line in block_of(certs, "csm")
    assert certs.read_text(encoding="utf-8").splitlines()[line - 1] == "    prerequisites:"


def test_certification_cannot_require_itself(runner: CliRunner, data_copy: Path) -> None:
    certs = data_copy / "certifications.yaml"
    edit(
        certs,
        "        - {name: No prerequisite (course optional)}\n",
        "        - {name: No prerequisite (course optional), certifications: [psm-1]}\n",
    )
    out = validate(runner, data_copy)
    field = "certifications[psm-1].prerequisites.routes[0].certifications"
    assert f"{field}: a certification cannot require itself" in out
    line = problem_line(out, certs, field)
    assert line in block_of(certs, "psm-1")
    assert "certifications: [psm-1]" in certs.read_text(encoding="utf-8").splitlines()[line - 1]


def test_ladder_cycle_between_roles_of_equal_rank(runner: CliRunner, data_copy: Path) -> None:
    roles = data_copy / "roles.yaml"
    # project-planner (rank 3) already leads to pmo-analyst (rank 3); close the loop.
    edit(
        roles,
        "    leads_to: [pmo-manager, project-manager]\n",
        "    leads_to: [pmo-manager, project-manager, project-planner]\n",
    )
    lines = roles.read_text(encoding="utf-8").splitlines()
    for role in ("pmo-analyst", "project-planner"):
        assert "    rank: 3" in [lines[n - 1] for n in block_of(roles, role)]
    out = validate(runner, data_copy)
    assert "the ladder has a cycle: pmo-analyst -> project-planner -> pmo-analyst" in out
    assert "below" not in out  # sideways moves are allowed; only the loop is a problem
    line = problem_line(out, roles, "roles[pmo-analyst].leads_to")
    assert line in block_of(roles, "pmo-analyst")
    assert "project-planner" in roles.read_text(encoding="utf-8").splitlines()[line - 1]


def test_plan_actions_placeholders_and_references_are_checked(
    runner: CliRunner, data_copy: Path
) -> None:
    comps = data_copy / "competencies.yaml"
    edit(comps, "{target_role} roles and tell", "{target} roles and tell")
    edit(comps, "      competency: networking\n", "      competency: netwerking\n")
    out = validate(runner, data_copy)
    assert "unknown placeholder '{target}'" in out and "plan_actions.apply.title" in out
    assert "unknown competency 'netwerking'" in out and "did you mean 'networking'?" in out


def test_a_framework_without_plan_actions_still_plans(runner: CliRunner, data_copy: Path) -> None:
    import json

    comps = data_copy / "competencies.yaml"
    text = comps.read_text(encoding="utf-8")
    comps.write_text(text[: text.index("\n# Items every plan gets")] + "\n", encoding="utf-8")
    assert runner.invoke(app, ["validate", str(data_copy)]).exit_code == 0
    pm = Path(__file__).resolve().parents[1] / "examples" / "project-manager.yaml"
    args = ["--data", str(data_copy), "roadmap", "-p", str(pm), "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    kinds = {i["kind"] for p in json.loads(result.stdout)["phases"] for i in p["items"]}
    assert "competency" in kinds and not kinds & {"network", "application"}
