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
    # a director's report: a heat map table per domain, bench strength, calibration
    "team-example": ["team", str(ROOT / "examples" / "team")],
}
#: the exit status a report is made with: the example team has a broken file (exit 5)
EXIT = {"team-example": 5}
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
        dated = AS_OF if args[0] in ("roadmap", "gap") else []
        result = runner.invoke(app, [*args, "-f", "markdown", *dated], env={"COLUMNS": "120"})
        assert result.exit_code == EXIT.get(name, 0), result.stderr
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


# ------------------------------------------------------------------ the HTML reports

#: PDF pages per report on A4 and on Letter, reasoned from the content, not read off a
#: run. A printed page holds about 245 mm of text (A4 297 mm, Letter 279 mm, less 34 mm of
#: margins) at 10.5 pt, about 48 lines of 5 mm; a chart is at most 100 mm wide, so the
#: level chart (20 competencies, 38 units a row in a 400-unit viewBox) is about 200 mm tall,
#: nearly a page of its own, and is never split.
#: - the comparison: three rows and three paths, a third of a page: 1.
#: - gap: summary (a third of a page), the level chart (a page), the gap table (20 rows of
#:   one line, 8 mm each: two thirds of a page), experience and the certifications (10
#:   rows, two or three lines each: another page): 3 to 5.
#: - roadmap: the gap report's 3-5 pages, the timeline (10 rows, 105 mm) and its table
#:   (half a page), and 45 plan items of 4-6 lines (about 9 a page: 5-6 pages) under their
#:   phase headings, the STAR seeds and sources (half a page): 9 to 15.
#: - show: background (14 rows), work history, 20 ratings in six tables with headings and
#:   the evidence list: 2 to 3.
#: - progress: the trend chart (about 55 mm), two assessment rows, 20 competency rows: 1 to 2.
#: - the example team (nine people): the people table (two thirds of a page), four heat-map
#:   tables of nine rows with their keys (80 mm each, kept whole: two pages), coverage (four
#:   tables of five or six rows: most of a page), five priorities with four or five actions
#:   each (a page), bench strength (seven roles above someone's, a three-row table and a
#:   line or two each, 45 mm: one and a half pages), calibration (two flags and a 20-row
#:   table of averages: most of a page), the skipped file; with what whole tables and
#:   headings kept with their text leave blank, 7 to 12.
#: - the hostile profile's roadmap: two competencies rated, most plan items for rating the
#:   rest, a shorter plan: 4 to 12.
PAGES: dict[str, range] = {
    "gap-comparison": range(1, 2),
    "gap-project-manager": range(3, 6),
    "roadmap-project-manager": range(9, 16),
    "show-project-manager": range(2, 4),
    "progress-project-manager": range(1, 3),
    "team-example": range(7, 13),
    "hostile-roadmap": range(4, 13),
}
PAPERS = ("A4", "Letter")


def run_report(
    checker: tuple[Path, str],
    files: list[Path],
    out: Path,
    widths: tuple[int, ...] = WIDTHS,
    papers: tuple[str, ...] = PAPERS,
) -> list[dict[str, Any]]:
    script, browser = checker
    args = ["node", str(script.parent / "report.mjs"), "--chromium", browser, "--out", str(out)]
    args += ["--widths", ",".join(map(str, widths)), "--papers", ",".join(papers)]
    done = subprocess.run([*args, *map(str, files)], capture_output=True, text=True, timeout=600)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert results, done.stderr
    return results


@pytest.fixture(scope="module")
def html_rendered(
    checker: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, int | str], dict[str, Any]]:
    """Every HTML report at both widths and on both papers, in one browser session."""
    from html_reports import write_reports
    from pmopath.load.framework import load_framework

    folder = tmp_path_factory.mktemp("html")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PMOPATH_HOME", str(tmp_path_factory.mktemp("home")))
        paths = write_reports(load_framework(), folder)
    results = run_report(checker, list(paths.values()), BROWSER_DIR / "screenshots")
    return {(Path(r["file"]).stem, r.get("width") or r["paper"]): r for r in results}


@pytest.mark.parametrize(("report", "width"), [(n, w) for n in PAGES for w in WIDTHS])
def test_the_html_report_reads_in_a_browser(
    html_rendered: dict[tuple[str, int | str], dict[str, Any]], report: str, width: int
) -> None:
    """No sideways scrolling, no text out of its box, no chart label cut or overlapping, text
    contrast at WCAG AA, and not one request (each is intercepted and failed)."""
    result = html_rendered[(report, width)]
    assert result["problems"] == [] and result["requests"] == []


@pytest.mark.parametrize(("report", "paper"), [(n, p) for n in PAGES for p in PAPERS])
def test_the_html_report_prints(
    html_rendered: dict[tuple[str, int | str], dict[str, Any]], report: str, paper: str
) -> None:
    result = html_rendered[(report, paper)]
    assert result["problems"] == []
    assert result["pages"] in PAGES[report], result["pages"]


def test_hostile_text_adds_nothing_to_the_page(
    html_rendered: dict[tuple[str, int | str], dict[str, Any]],
) -> None:
    """Names and evidence that are markup, template syntax or entities: in the browser's
    DOM, no element was injected, and the text is shown as typed."""
    from html_reports import HOSTILE

    for width in WIDTHS:
        dom = html_rendered[("hostile-roadmap", width)]["dom"]
        assert {k: v for k, v in dom.items() if k != "text"} == {
            "script": 0, "img": 0, "iframe": 0, "object": 0, "link": 0, "on": 0
        }  # fmt: skip
        text = " ".join(dom["text"].split())
        assert HOSTILE["name"] in text and HOSTILE["evidence"] in text


def test_the_report_checker_sees_what_a_reader_would(
    checker: tuple[Path, str], tmp_path: Path
) -> None:
    """A request, a line that will not wrap, a chart label outside its chart and pale text
    are reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><body><main style="max-width:300px">'
        '<p style="white-space:nowrap">' + "unbreakable " * 40 + "</p>"
        '<img src="https://example.invalid/x.png" alt="">'
        '<p style="color:#aaa">pale grey text</p>'
        '<svg viewBox="0 0 100 20" width="100"><title>t</title>'
        '<text x="60" y="15">a label far too long</text></svg></main></body></html>',
        encoding="utf-8",
    )
    (result,) = run_report(checker, [bad], tmp_path, widths=(400,), papers=())
    problems = " | ".join(result["problems"])
    assert "a request was made: https://example.invalid/x.png" in problems
    assert "scrolls sideways" in problems or "sticks out" in problems
    assert "cut at the chart's edge" in problems
    assert 'contrast below WCAG AA: p ("pale grey text") 2.32:1' in problems
