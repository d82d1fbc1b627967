"""The markdown roadmap's Mermaid charts: short enough to read, and valid for Mermaid itself."""

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
from pmopath.render.mermaid import KIND_BARS, MERMAID_LABEL, _short, mermaid_text

ROOT = Path(__file__).resolve().parents[1]
COORDINATOR = str(ROOT / "examples" / "project-coordinator.yaml")
PM = str(ROOT / "examples" / "project-manager.yaml")
SNAPSHOT = ROOT / "tests" / "snapshots" / "roadmap-project-manager.md"
MERMAID_DIR = ROOT / "tests" / "mermaid"
BAR = re.compile(r"^    (?P<label>[^:]+) :t\d+, \d{4}-\d{2}, \d+d$")
MILESTONE = re.compile(r"^    (?P<label>[^:]+) :milestone, [me]\d+, (?P<date>\d{4}-\d{2}), 0d$")


def roadmap(runner: CliRunner, profile: str, fmt: str) -> str:
    args = ["roadmap", "-p", profile, "-t", "director", "-f", fmt, "--as-of", "2026-11-22"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def blocks(markdown: str) -> list[str]:
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, flags=re.M | re.S)


def gantt_lines(markdown: str) -> list[str]:
    gantt = [b for b in blocks(markdown) if b.startswith("gantt\n")]
    assert len(gantt) == 1
    return gantt[0].splitlines()


def words_of(plan: dict[str, Any]) -> set[str]:
    """Every whole word a label may end on: from titles, names and the chart's own wording."""
    texts = [it["title"] for ph in plan["phases"] for it in ph["items"]]
    texts += [c["name"] for c in plan["competencies"]]
    texts += [c["name"] for c in plan["certifications"]]
    texts += [*KIND_BARS.values()]  # a collapsed bar's
    texts += [m["text"] for m in plan["milestones"]]
    return {w.strip(",.-") for t in texts for w in mermaid_text(t, 10_000).split()}


@pytest.mark.parametrize("profile", [COORDINATOR, PM])
def test_gantt_reads_as_a_plan(runner: CliRunner, profile: str) -> None:
    plan = json.loads(roadmap(runner, profile, "json"))
    lines = gantt_lines(roadmap(runner, profile, "markdown"))
    assert "    todayMarker off" in lines  # the plan's dates, not the reader's clock
    bars = [m["label"] for m in map(BAR.match, lines) if m]
    milestones = {m["label"]: m["date"] for m in map(MILESTONE.match, lines) if m}
    header = {"gantt", "    title Development plan", "    dateFormat YYYY-MM"}
    header |= {"    axisFormat %Y-%m", "    todayMarker off"}
    for line in lines:  # nothing but the header, sections, bars and milestones
        assert (
            line in header
            or line.startswith("    section ")
            or BAR.match(line)
            or (MILESTONE.match(line))
        ), line
    assert len(bars) <= 40
    assert all(len(label) <= 40 for label in bars)
    # a cut label ends on a whole word of the text it came from, never mid-word
    words = words_of(plan)
    for label in [*bars, *milestones]:
        assert label.rstrip("…").split()[-1] in words, label
    # every role move is a milestone in its month, not a bar
    items = [it for ph in plan["phases"] for it in ph["items"]]
    roles = [it for it in items if it["kind"] == "role"]
    assert roles
    for it in roles:
        assert milestones[mermaid_text(it["title"])] == it["start_label"]
        assert mermaid_text(it["title"]) not in bars
    # the chart's milestones are the plan's "Milestones" list: the same texts and months
    listed = {
        mermaid_text(_short(m["text"], MERMAID_LABEL)): m["label"] for m in plan["milestones"]
    }
    assert milestones == listed
    assert any(label.startswith("Sit ") for label in milestones)  # an exam
    assert any(label.startswith("Eligible for ") for label in milestones)


def test_coordinator_gantt_collapses_later_phases(runner: CliRunner) -> None:
    plan = json.loads(roadmap(runner, COORDINATOR, "json"))
    lines = gantt_lines(roadmap(runner, COORDINATOR, "markdown"))
    items = sum(len(ph["items"]) for ph in plan["phases"])
    bars = [line for line in lines if BAR.match(line)]
    assert items > 80 and 20 <= len(bars) <= 40  # 85 bars before; item by item for 90 days
    later = lines[lines.index("    section 3-12 months") :]
    names = {mermaid_text(_short(c["name"]), 40) for c in plan["competencies"]}
    labels = [m["label"] for m in map(BAR.match, later) if m]
    assert sum(label in names for label in labels) >= 10  # one bar per competency after that
    assert len(labels) == len(set(labels))  # each competency once, not once per phase
    detailed = [it for ph in plan["phases"][:1] for it in ph["items"] if it["kind"] != "role"]
    assert len([x for x in lines[: len(lines) - len(later)] if BAR.match(x)]) == len(detailed)


@pytest.mark.parametrize("profile", [COORDINATOR, PM])
def test_level_chart_names_the_competencies(runner: CliRunner, profile: str) -> None:
    plan = json.loads(roadmap(runner, profile, "json"))
    chart = [b for b in blocks(roadmap(runner, profile, "markdown")) if "xychart-beta" in b]
    assert len(chart) == 1
    text = chart[0]
    assert "\nxychart-beta horizontal\n" in text
    assert '    bar "Required" [' in text and '    bar "You" [' in text
    assert "(light)" in text and "(dark)" in text  # the title says which series is which
    axis = re.search(r"x-axis (\[.*\])", text)
    assert axis is not None
    labels = json.loads(axis[1])
    gaps = [c for c in plan["competencies"] if c["gap"]]
    assert len(labels) == len(gaps)
    ids = {c["id"] for c in plan["competencies"]}
    for label, row in zip(labels, gaps, strict=True):
        assert label not in ids and len(label) <= 40
        assert re.sub(r"\s*\([^)]*\)", "", row["name"]).startswith(label.rstrip("…"))


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
        ("coordinator.md", "gantt"),
        ("coordinator.md", "xychart"),
        (SNAPSHOT.name, "gantt"),
        (SNAPSHOT.name, "xychart"),
    ]
    for r in results:
        assert r["ok"], r
        if r["type"] == "gantt":  # as Mermaid counts them
            assert r["todayMarker"] == "off" and r["milestones"] >= 2 and r["bars"] <= 40, r


def test_the_parser_catches_a_broken_chart(mermaid_parser: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("```mermaid\ngantt\n    dateFormat YYYY-MM\n    x :t1, 2026-13, 30d\n```\n")
    done = subprocess.run(
        ["node", str(mermaid_parser), str(broken)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and '"ok":false' in done.stdout
