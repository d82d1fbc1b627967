"""A plan item's reasons name their sources as facts (JSON `sources`), and the markdown
report links each to its page and lists them under Sources (issue 22: source references
were dead text)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pmopath.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
PM = str(ROOT / "examples" / "project-manager.yaml")
ARGS = ["roadmap", "-p", PM, "-t", "director", "--as-of", "2026-11-22"]


def test_sources_are_facts_and_links(runner: CliRunner) -> None:
    plan = json.loads(runner.invoke(app, [*ARGS, "-f", "json"]).stdout)
    items = [it for ph in plan["phases"] for it in ph["items"]]
    mentor = next(it for it in items if it["title"].startswith("Find a mentor"))
    assert mentor["sources"] == ["S100", "S98"]
    assert "S100" not in mentor["why"]  # the reason is words; its sources are a field
    markdown = runner.invoke(app, [*ARGS, "-f", "markdown"]).stdout
    cited = {c["id"]: c for c in plan["cited"]}
    assert set(cited) >= {"S100", "S98"}
    assert f"[S100](<{cited['S100']['url']}>)" in markdown
    sources = markdown.split("\n## Sources\n", 1)[1]
    assert f"- **S98** {cited['S98']['title']}" in sources
    assert f"<{cited['S98']['url']}>" in sources


def test_a_source_address_that_is_not_a_web_page_is_not_linked(
    runner: CliRunner, data_copy: Path
) -> None:
    comps = data_copy / "competencies.yaml"
    text = comps.read_text(encoding="utf-8")
    start = text.index("  S100:")
    url = text.index("    url: ", start)
    end = text.index("\n", url)
    comps.write_text(text[:url] + "    url: javascript:alert(1)" + text[end:], encoding="utf-8")
    result = runner.invoke(app, ["--data", str(data_copy), *ARGS, "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "](<javascript" not in result.stdout and "<javascript" not in result.stdout
