"""The markdown roadmap's Mermaid timeline: the milestone list, short enough to read on a phone, and valid for Mermaid itself."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, NoReturn

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app
from pmopath.render.mermaid import TIMELINE_LABEL, _short, mermaid_text

ROOT = Path(__file__).resolve().parents[1]
COORDINATOR = str(ROOT / "examples" / "project-coordinator.yaml")
PM = str(ROOT / "examples" / "project-manager.yaml")
SNAPSHOT = ROOT / "tests" / "snapshots" / "roadmap-project-manager.md"
MERMAID_DIR = ROOT / "tests" / "mermaid"


def roadmap(runner: CliRunner, profile: str, fmt: str) -> str:
    args = ["roadmap", "-p", profile, "-t", "director", "-f", fmt, "--as-of", "2026-11-22"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.M | re.S)


NODE = re.compile(
    r'^    (?:(?P<prev>\w+) --> )?(?P<id>\w+)(?:\(\[|\[)"(?P<label>[^"]*)"(?:\]\)|\])$'
)


def timeline_nodes(markdown: str) -> list[tuple[str, str]]:
    """The timeline's nodes, top to bottom: (id, label), checking each links to the one before."""
    charts = [b for b in blocks(markdown) if b.startswith("flowchart TD\n")]
    assert len(charts) == 1
    nodes: list[tuple[str, str]] = []
    for line in charts[0].replace("\u2011", "-").splitlines()[1:]:  # non-breaking hyphens
        m = NODE.match(line)
        assert m, line
        assert m["prev"] == (nodes[-1][0] if nodes else None), line  # one chain, in order
        nodes.append((m["id"], m["label"]))
    return nodes


@pytest.mark.parametrize("profile", [COORDINATOR, PM])
def test_the_timeline_is_the_milestone_list(runner: CliRunner, profile: str) -> None:
    plan = json.loads(roadmap(runner, profile, "json"))
    nodes = timeline_nodes(roadmap(runner, profile, "markdown"))
    first, *middle, last = nodes
    assert first == ("s", "2026-11 · Plan starts")
    assert last == ("r", f"{plan['ready_label']} · Ready for PMO Director")
    # the same milestones as the list (and JSON), in month order, each in few words
    assert [label for _, label in middle] == [
        f"{m['label']} · {mermaid_text(_short(m['short']), TIMELINE_LABEL)}"
        for m in plan["milestones"]
    ]
    assert all(len(label) <= len("YYYY-MM · ") + TIMELINE_LABEL for _, label in nodes)
    assert any("Sit PMI-PMOCP" in label for _, label in middle)  # the body's short name
    months = [label[:7] for _, label in nodes]
    assert months == sorted(months)


def test_no_charts_leaves_the_timeline_out(runner: CliRunner) -> None:
    args = ["roadmap", "-p", PM, "-t", "director", "-f", "markdown", "--as-of", "2026-11-22"]
    plain = runner.invoke(app, [*args, "--no-charts"]).stdout
    assert "```mermaid" not in plain and "Mermaid 10.3" not in plain
    assert "## Timeline" in plain and "Ready for PMO Director" in plain  # the list stays


def test_short_labels_drop_asides_and_cut_at_a_word() -> None:
    assert _short("Prepare for and pass PRINCE2 (7th edition) Foundation") == (
        "Prepare for and pass PRINCE2 Foundation"
    )
    assert _short("Learn business-case basics - costs, benefits, NPV, payback") == (
        "Learn business-case basics"
    )
    assert _short("Lead several teams, or line-manage a manager") == "Lead several teams"
    assert _short("Take a course on KPI design") == "Take a course on KPI design"  # it fits
    label = mermaid_text(_short("Redesign the portfolio KPI set and reporting cadence, and"), 40)
    assert label == "Redesign the portfolio KPI set…"  # not "... set and…"
    assert mermaid_text("word " * 30, 40).endswith("word…")


# -------------------------------------------------- parsed by Mermaid itself (node + jsdom)


@pytest.fixture(scope="module")
def mermaid_parser() -> Path:
    """tests/mermaid/parse.mjs, with its node_modules installed (``npm ci``) when needed.

    Skipped, with the reason, where node or npm is missing or the install fails; set
    PMOPATH_REQUIRE_MERMAID=1 to make that a failure instead (for CI).
    """

    def unavailable(reason: str) -> NoReturn:
        if os.environ.get("PMOPATH_REQUIRE_MERMAID"):
            pytest.fail(reason)
        pytest.skip(reason)

    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        unavailable("node and npm are needed to parse the charts with Mermaid")
    stamp = MERMAID_DIR / "node_modules" / ".package-lock.json"
    lock = MERMAID_DIR / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        args = [str(npm), "ci", "--prefix", str(MERMAID_DIR), "--no-audit", "--no-fund"]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
        except subprocess.TimeoutExpired:
            unavailable("`npm ci --prefix tests/mermaid` took over 5 minutes")
        if done.returncode != 0:
            tail = " ".join(done.stderr.split()[-40:])
            unavailable(
                f"`npm ci --prefix tests/mermaid` failed (run `make mermaid-test-deps`): {tail}"
            )
    return MERMAID_DIR / "parse.mjs"


def parse_with_mermaid(parser: Path, *files: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["node", str(parser), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0, done.stderr or results
    return results


def test_every_chart_parses_with_mermaid(
    runner: CliRunner, mermaid_parser: Path, tmp_path: Path
) -> None:
    coordinator = tmp_path / "coordinator.md"
    coordinator.write_text(roadmap(runner, COORDINATOR, "markdown"), encoding="utf-8")
    results = parse_with_mermaid(mermaid_parser, coordinator, SNAPSHOT)
    assert [(Path(r["file"]).name, r["type"]) for r in results] == [
        ("coordinator.md", "flowchart-v2"),
        (SNAPSHOT.name, "flowchart-v2"),
    ]
    assert all(r["ok"] for r in results), results


def test_the_parser_catches_a_broken_chart(mermaid_parser: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("```mermaid\ngantt\n    dateFormat YYYY-MM\n    x :t1, 2026-13, 30d\n```\n")
    done = subprocess.run(
        ["node", str(mermaid_parser), str(broken)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and '"ok":false' in done.stdout
