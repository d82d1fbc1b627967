"""The markdown reports as a reader opens them: GitHub-flavoured markdown with Mermaid 11 in
headless Chromium, at 1280 px (a laptop) and 400 px (a phone).

tests/browser/check.mjs renders each report as GitHub lays it out (the 1012 px markdown
column, tables that scroll inside it, charts scaled to it) and lists what a reader would
stumble on: a chart that does not parse, a chart label cut at the chart's edge or overlapping
another, a table wider than its column, a page that scrolls sideways. Screenshots land in
tests/browser/screenshots/ (not kept in git).

Needs Chromium (Debian's ``chromium`` package; `.ci/run` installs it), node and npm; skipped
with the reason elsewhere, or a failure with PMOPATH_REQUIRE_BROWSER=1. `make test-browser`
runs only these tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, NoReturn

import pytest
from typer.testing import CliRunner

from pmopath.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
BROWSER_DIR = ROOT / "tests" / "browser"
AS_OF = ["--as-of", "2026-11-22"]
#: report name -> the command that writes it
REPORTS = {
    "roadmap-project-manager": [
        "roadmap",
        "-p",
        str(ROOT / "examples/project-manager.yaml"),
        "-t",
        "director",
    ],
    "roadmap-pmo-analyst": [
        "roadmap",
        "-p",
        str(ROOT / "examples/pmo-analyst.yaml"),
        "-t",
        "director",
    ],
    "roadmap-project-coordinator": [
        "roadmap",
        "-p",
        str(ROOT / "examples/project-coordinator.yaml"),
        "-t",
        "director",
    ],
    "gap-comparison": [
        "gap",
        "-p",
        str(ROOT / "examples/project-manager.yaml"),
        "-t",
        "director",
        "-t",
        "pmo-manager",
        "-t",
        "program-manager",
    ],
    "roles-director": ["roles", "director"],
}
WIDTHS = (1280, 400)
#: what a report does not do yet at a width: (report, width) -> reason (a strict xfail)
NOT_YET: dict[tuple[str, int], str] = {}


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("PMOPATH_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def chromium() -> str:
    found = os.environ.get("PMOPATH_CHROMIUM") or shutil.which("chromium")
    found = found or shutil.which("chromium-browser")
    if found is None:
        _unavailable(
            "no Chromium found (Debian: apt-get install chromium; or set PMOPATH_CHROMIUM)"
        )
    return found


@pytest.fixture(scope="module")
def checker() -> tuple[Path, str]:
    """tests/browser/check.mjs with its node_modules (``npm ci`` when needed), and Chromium."""
    browser = chromium()
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        _unavailable("node and npm are needed to render the reports with Mermaid")
    stamp = BROWSER_DIR / "node_modules" / ".package-lock.json"
    lock = BROWSER_DIR / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        args = [npm, "ci", "--prefix", str(BROWSER_DIR), "--no-audit", "--no-fund"]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
        except subprocess.TimeoutExpired:
            _unavailable("`npm ci --prefix tests/browser` took over 5 minutes")
        if done.returncode != 0:
            tail = " ".join(done.stderr.split()[-40:])
            _unavailable(f"`npm ci --prefix tests/browser` failed: {tail}")
    return BROWSER_DIR / "check.mjs", browser


def run_check(
    checker: tuple[Path, str], files: list[Path], out: Path, widths: tuple[int, ...] = WIDTHS
) -> list[dict[str, Any]]:
    script, browser = checker
    args = ["node", str(script), "--chromium", browser, "--out", str(out)]
    args += ["--widths", ",".join(map(str, widths)), *map(str, files)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert results, done.stderr
    return results


@pytest.fixture(scope="module")
def rendered(
    checker: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, int], dict[str, Any]]:
    """Every report at every width, checked in one browser session."""
    folder = tmp_path_factory.mktemp("reports")
    runner = CliRunner()
    files = []
    for name, args in REPORTS.items():
        dated = AS_OF if args[0] != "roles" else []
        result = runner.invoke(app, [*args, "-f", "markdown", *dated], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.stderr
        path = folder / f"{name}.md"
        path.write_text(result.stdout, encoding="utf-8")
        files.append(path)
    results = run_check(checker, files, BROWSER_DIR / "screenshots")
    return {(Path(r["file"]).stem, r["width"]): r for r in results}


@pytest.mark.parametrize(
    ("report", "width"),
    [
        pytest.param(
            name,
            width,
            marks=[pytest.mark.xfail(strict=True, reason=NOT_YET[(name, width)])]
            if (name, width) in NOT_YET
            else [],
        )
        for name in REPORTS
        for width in WIDTHS
    ],
)
def test_the_report_reads_in_a_browser(
    rendered: dict[tuple[str, int], dict[str, Any]], report: str, width: int
) -> None:
    result = rendered[(report, width)]
    assert result["problems"] == []


def test_the_checker_sees_what_a_reader_would(checker: tuple[Path, str], tmp_path: Path) -> None:
    """A broken chart, a wide table and a label cut at the chart's edge are each reported."""
    bad = tmp_path / "bad.md"
    wide = "| " + " | ".join(f"column {i} with a long heading" for i in range(12)) + " |"
    rule = "|" + "---|" * 12
    bad.write_text(
        "# Bad\n\n"
        f"{wide}\n{rule}\n" + "| x " * 12 + "|\n\n"
        "```mermaid\ngantt\n    dateFormat YYYY-MM\n    x :t1, 2026-13, 30d\n```\n\n"
        "```mermaid\ngantt\n    dateFormat YYYY-MM\n    axisFormat %Y-%m\n"
        "    Another :t2, 2026-01, 1500d\n"
        "    A label far too long to fit beside a short bar in a phone's column, whatever"
        " the scale :t1, 2026-01, 10d\n```\n",
        encoding="utf-8",
    )
    (result,) = run_check(checker, [bad], tmp_path, widths=(400,))
    problems = " | ".join(result["problems"])
    assert "does not parse" in problems
    assert "wider than its column" in problems
    assert "cut at the chart's edge" in problems
